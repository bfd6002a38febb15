package dev.crawler.cli;

import dev.crawler.sim.SimConfig;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The shape of the simulated web, shared by {@code sim} and {@code demo}. */
final class SimOptions {

    @Option(names = "--hosts", paramLabel = "N", defaultValue = "10",
            description = "Hosts in the simulated web (site-1.sim, site-2.sim, ...). Default: ${DEFAULT-VALUE}")
    int hosts;

    @Option(names = "--pages", paramLabel = "N", defaultValue = "50",
            description = "Pages per host. Default: ${DEFAULT-VALUE}")
    int pages;

    @Option(names = "--links", paramLabel = "N", defaultValue = "8",
            description = "Random out-links per page, on top of the structural ones. Default: ${DEFAULT-VALUE}")
    int links;

    @Option(names = "--latency-ms", paramLabel = "MS", defaultValue = "20",
            description = "Milliseconds the server waits before each response. Default: ${DEFAULT-VALUE}")
    int latencyMs;

    @Option(names = "--jitter-ms", paramLabel = "MS", defaultValue = "0",
            description = "Extra random delay, up to this many milliseconds. Default: ${DEFAULT-VALUE}")
    int jitterMs;

    @Option(names = "--page-bytes", paramLabel = "N", defaultValue = "2048",
            description = "Size of a page body in bytes. Default: ${DEFAULT-VALUE}")
    int pageBytes;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Random seed; the same seed gives the same web. Default: ${DEFAULT-VALUE}")
    long seed;

    /** The simulator's configuration; {@link IllegalArgumentException} names a bad field. */
    SimConfig toConfig(int port) {
        return SimConfig.defaults()
                .withHosts(hosts)
                .withPages(pages)
                .withLinks(links)
                .withLatency(Duration.ofMillis(latencyMs))
                .withJitter(Duration.ofMillis(jitterMs))
                .withPageBytes(pageBytes)
                .withSeed(seed)
                .withPort(port);
    }
}
