package dev.crawler.sim;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@link SimMain}: the shape of the web as {@code --name value} pairs, each
 * optional, defaults from {@link SimConfig#defaults()}.
 *
 * <pre>
 * --hosts N  --pages N  --links N  --latency-ms N  --jitter-ms N  --page-bytes N  --seed N
 * --first-address 127.0.1.1  --port N  --io-threads N  --host-naming names|addresses
 * --page-bytes-tail MIN,MAX,SIGMA  --links-tail MIN,MAX,SIGMA  --nav-links N  --scripts BOOL  --entities BOOL
 * </pre>
 *
 * The medians ({@code --page-bytes}, {@code --links}) and the page profile are applied together at
 * the end, so that a median and its range may be given in any order.
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
        PageProfile profile = c.pageProfile();
        Integer pageBytes = null;
        Integer links = null;
        int ioThreads = SimServer.DEFAULT_IO_THREADS;
        if (args.size() % 2 != 0) {
            throw new IllegalArgumentException("options come in pairs (--name value): " + args);
        }
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            String value = args.get(i + 1);
            switch (name) {
                case "--io-threads" -> ioThreads = number(name, value);
                case "--page-bytes" -> pageBytes = number(name, value);
                case "--links" -> links = number(name, value);
                case "--page-bytes-tail" -> profile = profile.withBytes(tail(name, value));
                case "--links-tail" -> profile = profile.withLinks(tail(name, value));
                case "--nav-links" -> profile = profile.withNavLinks(number(name, value));
                case "--scripts" -> profile = profile.withScripts(bool(name, value));
                case "--entities" -> profile = profile.withEntities(bool(name, value));
                default -> c = web(c, name, value);
            }
        }
        c = c.withPageProfile(profile, pageBytes == null ? c.pageBytes() : pageBytes, links == null ? c.linksPerPage() : links);
        return new SimProcessArgs(c, ioThreads);
    }

    private static SimConfig web(SimConfig c, String name, String value) {
        return switch (name) {
            case "--hosts" -> c.withHosts(number(name, value));
            case "--pages" -> c.withPages(number(name, value));
            case "--latency-ms" -> c.withLatency(Duration.ofMillis(number(name, value)));
            case "--jitter-ms" -> c.withJitter(Duration.ofMillis(number(name, value)));
            case "--seed" -> c.withSeed(longNumber(name, value));
            case "--first-address" -> c.withFirstAddress(value);
            case "--port" -> c.withPort(number(name, value));
            case "--host-naming" -> c.withHostNaming(hostNaming(name, value));
            default -> throw new IllegalArgumentException("unknown option " + name);
        };
    }

    /** The options that give back {@code config} served with {@code ioThreads} threads. */
    public static List<String> toArgs(SimConfig config, int ioThreads) {
        PageProfile profile = config.pageProfile();
        return List.of("--hosts", String.valueOf(config.hosts()), "--pages", String.valueOf(config.pagesPerHost()),
                "--links", String.valueOf(config.linksPerPage()),
                "--latency-ms", String.valueOf(config.latency().toMillis()),
                "--jitter-ms", String.valueOf(config.jitter().toMillis()),
                "--page-bytes", String.valueOf(config.pageBytes()), "--seed", String.valueOf(config.seed()),
                "--first-address", config.firstAddress(), "--port", String.valueOf(config.port()),
                "--io-threads", String.valueOf(ioThreads),
                "--host-naming", config.hostNaming().name().toLowerCase(Locale.ROOT),
                "--page-bytes-tail", tail(profile.bytes()), "--links-tail", tail(profile.links()),
                "--nav-links", String.valueOf(profile.navLinks()), "--scripts", String.valueOf(profile.scripts()),
                "--entities", String.valueOf(profile.entities()));
    }

    private static String tail(LongTail tail) {
        return tail.min() + "," + tail.max() + "," + tail.sigma();
    }

    private static LongTail tail(String name, String value) {
        String[] parts = value.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not MIN,MAX,SIGMA");
        }
        try {
            return new LongTail(number(name, parts[0]), number(name, parts[1]), Double.parseDouble(parts[2].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not MIN,MAX,SIGMA");
        }
    }

    private static HostNaming hostNaming(String name, String value) {
        return switch (value.trim()) {
            case "names" -> HostNaming.NAMES;
            case "addresses" -> HostNaming.ADDRESSES;
            default -> throw new IllegalArgumentException(name + ": '" + value + "' is neither names nor addresses");
        };
    }

    private static boolean bool(String name, String value) {
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + ": '" + value + "' is neither true nor false");
        };
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
