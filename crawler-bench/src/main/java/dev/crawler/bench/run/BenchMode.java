package dev.crawler.bench.run;

import dev.crawler.FetchMode;
import dev.crawler.net.Transport;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The I/O models {@code crawler bench} compares: every {@link FetchMode}, and async once per
 * Netty {@link Transport}. Everything else in a run (frontier, politeness, parsing, export) is the
 * same crawler.
 */
public enum BenchMode {
    SYNC("sync", FetchMode.SYNC, null),
    THREADS("threads", FetchMode.THREADS, null),
    VIRTUAL("virtual", FetchMode.VIRTUAL, null),
    BUSY_POLL("busy-poll", FetchMode.BUSY_POLL, null),
    ASYNC_NIO_POLL("async/nio-poll", FetchMode.ASYNC, Transport.NIO_POLL),
    ASYNC_NIO("async/nio", FetchMode.ASYNC, Transport.NIO),
    ASYNC_EPOLL("async/epoll", FetchMode.ASYNC, Transport.EPOLL),
    ASYNC_IO_URING("async/io_uring", FetchMode.ASYNC, Transport.IO_URING);

    private final String label;
    private final FetchMode fetchMode;
    private final Transport transport;

    BenchMode(String label, FetchMode fetchMode, Transport transport) {
        this.label = label;
        this.fetchMode = fetchMode;
        this.transport = transport;
    }

    /** {@code sync}, {@code busy-poll}, {@code async/epoll}, ... as in tables and files. */
    public String label() {
        return label;
    }

    public FetchMode fetchMode() {
        return fetchMode;
    }

    /** The Netty transport of an async mode; for the others the platform default (unused). */
    public Transport transport() {
        return transport == null ? Transport.defaultForPlatform() : transport;
    }

    public boolean async() {
        return fetchMode == FetchMode.ASYNC;
    }

    /** A label safe as a file name: {@code async-epoll}. */
    public String fileName() {
        return label.replace('/', '-');
    }

    /**
     * Parses one mode: its label ({@code async/epoll}), with {@code -} for {@code /}
     * ({@code async-epoll}), or a transport alone for async ({@code epoll}, {@code io_uring}).
     */
    public static BenchMode parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (BenchMode m : values()) {
            if (m.label.equals(t) || m.fileName().equals(t)
                    || (m.transport != null && m.transport.label().equals(t))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + text + "'; expected one of "
                + Arrays.stream(values()).map(BenchMode::label).collect(Collectors.joining(", ")));
    }

    /** Parses a comma-separated list, or {@code all}. */
    public static List<BenchMode> parseList(String text) {
        if (text.trim().equalsIgnoreCase("all")) {
            return List.of(values());
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(BenchMode::parse).distinct().toList();
    }
}
