package dev.crawler;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The I/O model that fetches pages; everything else in the pipeline is shared. */
public enum FetchMode {
    /** One blocking request at a time on one thread. */
    SYNC,
    /** Blocking requests on a pool of platform threads. */
    THREADS,
    /** Blocking requests, one virtual thread each. */
    VIRTUAL,
    /** Non-blocking sockets asked in a loop by one thread, with no selector (it spins). */
    BUSY_POLL,
    /** One Netty event loop, non-blocking sockets, callbacks. */
    ASYNC;

    /** The name on the command line: {@code sync}, {@code busy-poll}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code sync}, {@code threads}, {@code virtual}, {@code busy-poll} or {@code async} (any case, {@code _} for {@code -}). */
    public static FetchMode parse(String text) {
        for (FetchMode m : values()) {
            if (m.label().equalsIgnoreCase(text.trim().replace('_', '-'))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + text + "'; expected one of "
                + Arrays.stream(values()).map(FetchMode::label).collect(Collectors.joining(", ")));
    }
}
