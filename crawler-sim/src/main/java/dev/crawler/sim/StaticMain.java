package dev.crawler.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link StaticServer} as a process of its own, for benchmarks ({@code crawler bench --preset
 * realweb}): {@code java -cp crawler.jar dev.crawler.sim.StaticMain --root DIR [--address A]
 * [--port N] [--io-threads N]}.
 *
 * <p>It speaks {@link ServerProcess}'s protocol on standard input and output, as {@link SimMain}
 * does, so the same code drives both, with one more field on a stats line, {@code first-ms=T},
 * where {@code first-ms} is the wall-clock time (milliseconds since the epoch) at which the first
 * request since the previous {@code stats} arrived, or -1 if none did. The process stops when its
 * standard input ends.
 */
public final class StaticMain {

    /** The parsed command line. */
    record Args(Path root, String address, int port, int ioThreads) {
    }

    private StaticMain() {
    }

    public static void main(String[] args) throws Exception {
        Args parsed;
        try {
            parsed = parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("static: " + e.getMessage());
            System.exit(2);
            return;
        }
        serve(parsed, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
        System.exit(0);
    }

    /** Parses {@code --name value} pairs; {@code --root} is required. */
    static Args parse(List<String> args) {
        if (args.size() % 2 != 0) {
            throw new IllegalArgumentException("options come in pairs (--name value): " + args);
        }
        Path root = null;
        String address = StaticServer.ADDRESS;
        int port = 0;
        int ioThreads = SimServer.DEFAULT_IO_THREADS;
        for (int i = 0; i < args.size(); i += 2) {
            String value = args.get(i + 1);
            switch (args.get(i)) {
                case "--root" -> root = Path.of(value);
                case "--address" -> address = value;
                case "--port" -> port = number("--port", value);
                case "--io-threads" -> ioThreads = number("--io-threads", value);
                default -> throw new IllegalArgumentException("unknown option " + args.get(i));
            }
        }
        if (root == null) {
            throw new IllegalArgumentException("--root DIR is required");
        }
        return new Args(root, address, port, ioThreads);
    }

    /** The command line that gives back these settings. */
    public static List<String> toArgs(Path root, int ioThreads) {
        return List.of("--root", root.toAbsolutePath().toString(), "--io-threads", String.valueOf(ioThreads));
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a whole number");
        }
    }

    /** Serves until {@code in} ends, answering its commands on {@code out}. */
    static void serve(Args args, BufferedReader in, PrintStream out) throws InterruptedException, IOException {
        LongAdder served = new LongAdder();
        AtomicLong first = new AtomicLong(-1);
        RequestSink sink = r -> {
            served.increment();
            if (first.get() < 0) {
                long ageMillis = (System.nanoTime() - r.arrivalNanos()) / 1_000_000;
                first.compareAndSet(-1, System.currentTimeMillis() - ageMillis);
            }
        };
        try (StaticServer server = StaticServer.start(args.root(), sink, args.address(), args.port(), args.ioThreads())) {
            ServerProcess.converse(server, served::sum, () -> " first-ms=" + first.getAndSet(-1), in, out);
        }
    }
}
