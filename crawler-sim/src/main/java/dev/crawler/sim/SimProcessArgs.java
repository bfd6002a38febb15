package dev.crawler.sim;

import java.time.Duration;
import java.util.List;

/**
 * The command line of {@link SimMain}: the shape of the web as {@code --name value} pairs, each
 * optional, defaults from {@link SimConfig#defaults()}.
 *
 * <pre>
 * --hosts N  --pages N  --links N  --latency-ms N  --jitter-ms N  --page-bytes N  --seed N
 * --first-address 127.0.1.1  --port N  --io-threads N
 * </pre>
 *
 * @param config the web to serve
 * @param ioThreads event-loop threads of the server
 */
public record SimProcessArgs(SimConfig config, int ioThreads) {

    public SimProcessArgs {
        if (ioThreads < 1) {
            throw new IllegalArgumentException("--io-threads must be at least 1, was " + ioThreads);
        }
    }

    /** Parses {@code args}; an unknown option or a bad value is an {@link IllegalArgumentException} naming it. */
    public static SimProcessArgs parse(List<String> args) {
        SimConfig c = SimConfig.defaults();
        int ioThreads = SimServer.DEFAULT_IO_THREADS;
        if (args.size() % 2 != 0) {
            throw new IllegalArgumentException("options come in pairs (--name value): " + args);
        }
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            String value = args.get(i + 1);
            if (name.equals("--io-threads")) {
                ioThreads = number(name, value);
                continue;
            }
            c = switch (name) {
                case "--hosts" -> c.withHosts(number(name, value));
                case "--pages" -> c.withPages(number(name, value));
                case "--links" -> c.withLinks(number(name, value));
                case "--latency-ms" -> c.withLatency(Duration.ofMillis(number(name, value)));
                case "--jitter-ms" -> c.withJitter(Duration.ofMillis(number(name, value)));
                case "--page-bytes" -> c.withPageBytes(number(name, value));
                case "--seed" -> c.withSeed(longNumber(name, value));
                case "--first-address" -> c.withFirstAddress(value);
                case "--port" -> c.withPort(number(name, value));
                default -> throw new IllegalArgumentException("unknown option " + name);
            };
        }
        return new SimProcessArgs(c, ioThreads);
    }

    /** The options that give back {@code config} served with {@code ioThreads} threads. */
    public static List<String> toArgs(SimConfig config, int ioThreads) {
        return List.of("--hosts", String.valueOf(config.hosts()), "--pages", String.valueOf(config.pagesPerHost()),
                "--links", String.valueOf(config.linksPerPage()),
                "--latency-ms", String.valueOf(config.latency().toMillis()),
                "--jitter-ms", String.valueOf(config.jitter().toMillis()),
                "--page-bytes", String.valueOf(config.pageBytes()), "--seed", String.valueOf(config.seed()),
                "--first-address", config.firstAddress(), "--port", String.valueOf(config.port()),
                "--io-threads", String.valueOf(ioThreads));
    }

    private static int number(String name, String value) {
        long n = longNumber(name, value);
        if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
            throw new IllegalArgumentException(name + ": " + value + " is out of range");
        }
        return (int) n;
    }

    private static long longNumber(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a whole number");
        }
    }
}
