package dev.crawler.net;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The I/O multiplexer under the asynchronous fetcher. {@link #EPOLL} and {@link #IO_URING} are
 * Linux native transports; {@link #NIO} is the JDK selector (epoll on Linux as well);
 * {@link #NIO_POLL} is the JDK selector built on poll(2), the classic select/poll model.
 * Where the chosen one is missing, {@link IoTransport#select} falls back to {@link #NIO}.
 */
public enum Transport {
    EPOLL("epoll"),
    IO_URING("io_uring"),
    NIO("nio"),
    NIO_POLL("nio-poll");

    private final String label;

    Transport(String label) {
        this.label = label;
    }

    /** The name used on the command line and in {@code describe()}, such as {@code nio-poll}. */
    public String label() {
        return label;
    }

    /** {@link #EPOLL} on Linux, {@link #NIO} elsewhere. */
    public static Transport defaultForPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("linux") ? EPOLL : NIO;
    }

    /**
     * The transport named {@code name} ({@code epoll}, {@code io_uring}, {@code nio},
     * {@code nio-poll}; case, {@code -} and {@code _} do not matter).
     *
     * @throws IllegalArgumentException naming the valid choices
     */
    public static Transport fromName(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Transport t : values()) {
            if (t.label.replace('-', '_').equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown transport '" + name + "' (choose one of "
                + Arrays.stream(values()).map(Transport::label).collect(Collectors.joining(", ")) + ")");
    }
}
