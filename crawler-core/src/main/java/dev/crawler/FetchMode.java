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
    /** One Netty event loop, non-blocking sockets, callbacks. */
    ASYNC;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code sync}, {@code threads}, {@code virtual} or {@code async} (any case). */
    public static FetchMode parse(String text) {
        for (FetchMode m : values()) {
            if (m.label().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + text + "'; expected one of "
                + Arrays.stream(values()).map(FetchMode::label).collect(Collectors.joining(", ")));
    }
}
