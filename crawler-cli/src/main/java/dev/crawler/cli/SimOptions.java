package dev.crawler.cli;

import dev.crawler.sim.HostNaming;
import dev.crawler.sim.SimConfig;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The shape of the simulated web, shared by {@code sim} and {@code demo}: a preset, and options
 * that change one of its settings, its pages' among them ({@link PageOptions}).
 */
final class SimOptions {

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "default",
            description = "default (10 hosts x 50 pages) or large (1,000 hosts x 1,000 pages, 5 ms latency: about"
                    + " 1.9 million URLs, for long and durable crawls); the options below change it. For crawler sim"
                    + " also hostile (one site with every known bad behaviour, a canary page after each) and chaos"
                    + " (bad behaviours drawn at random from --seed over --hosts x --pages, default 6 x 25)."
                    + " Default: ${DEFAULT-VALUE}")
    String preset;

    @Option(names = "--hosts", paramLabel = "N",
            description = "Hosts in the simulated web (site-1.sim, site-2.sim, ...). Default: 10")
    Integer hosts;

    @Option(names = "--pages", paramLabel = "N", description = "Pages per host. Default: 50")
    Integer pages;

    @Option(names = "--links", paramLabel = "N",
            description = "Random out-links per page, on top of the structural ones; the median with a link count"
                    + " range. Default: 8 (realistic pages 40)")
    Integer links;

    @Option(names = "--latency-ms", paramLabel = "MS",
            description = "Milliseconds the server waits before each response. Default: 20")
    Integer latencyMs;

    @Option(names = "--jitter-ms", paramLabel = "MS",
            description = "Extra random delay, up to this many milliseconds. Default: 0")
    Integer jitterMs;

    @Option(names = "--page-bytes", paramLabel = "N",
            description = "Size of a page body in bytes; the median with a page size range. Default: 2048 (realistic"
                    + " pages 24576)")
    Integer pageBytes;

    @Option(names = "--seed", paramLabel = "N",
            description = "Random seed; the same seed gives the same web. Default: 42")
    Long seed;

    @Option(names = "--address-names",
            description = "Name each host by its own loopback address (http://127.0.1.1:PORT/, ...) instead of"
                    + " site-N.sim, so that clients that cannot be told to resolve names (wget2, curl) can crawl it."
                    + " Default: off")
    boolean addressNames;

    @Mixin
    PageOptions pageOptions;

    /** The simulator's configuration; {@link IllegalArgumentException} names a bad field. */
    SimConfig toConfig(int port) {
        SimConfig c = SimConfig.preset(preset);
        if (hosts != null) {
            c = c.withHosts(hosts);
        }
        if (pages != null) {
            c = c.withPages(pages);
        }
        if (latencyMs != null) {
            c = c.withLatency(Duration.ofMillis(latencyMs));
        }
        if (jitterMs != null) {
            c = c.withJitter(Duration.ofMillis(jitterMs));
        }
        if (seed != null) {
            c = c.withSeed(seed);
        }
        if (addressNames) {
            c = c.withHostNaming(HostNaming.ADDRESSES);
        }
        return pageOptions.apply(c, pageBytes, links).withPort(port);
    }
}
