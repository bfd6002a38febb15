package dev.crawler.bench.run;

import dev.crawler.CrawlConfig;
import dev.crawler.filter.Scope;
import dev.crawler.net.AddressPolicy;
import dev.crawler.net.Cidr;
import dev.crawler.net.ResolveOverrides;
import dev.crawler.politeness.PolitenessPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a crawler JVM of the bench needs to run one mode, written by the bench as JSON and
 * read by {@link RunMain}.
 *
 * @param mode the I/O model
 * @param concurrency most requests in flight
 * @param threads pool size for {@code threads} (the concurrency: a thread per connection)
 * @param eventLoops I/O event loops of an async mode (0: the crawler's default)
 * @param perHostConnections most requests in flight to one host
 * @param delayMillis least time between request starts to one host
 * @param keepAlive whether connections are reused
 * @param respectRobots whether robots.txt is honored
 * @param seedsOnly whether links are left alone (depth 0)
 * @param seeds the seed URLs
 * @param resolve host name to loopback address, for every simulated host
 * @param outDir where the crawl writes its pages, index and log
 * @param budgetMillis the crawl is stopped after this long
 * @param sampleMillis how often gauges are sampled
 * @param warmupMillis how long the unmeasured warm-up crawl may run (0: none)
 * @param warmupPages most pages of the warm-up crawl
 */
public record RunSpec(BenchMode mode, int concurrency, int threads, int eventLoops, int perHostConnections, long delayMillis,
        boolean keepAlive, boolean respectRobots, boolean seedsOnly, List<String> seeds, Map<String, String> resolve,
        String outDir, long budgetMillis, long sampleMillis, long warmupMillis, int warmupPages) {

    /** Most pages a warm-up crawl fetches. */
    static final int WARMUP_PAGES = 100_000;
    /** The warm-up crawl's directory inside the run directory (removed with the page trees). */
    static final String WARMUP_DIR = "warmup";

    public RunSpec {
        Objects.requireNonNull(mode, "mode");
        seeds = List.copyOf(seeds);
        resolve = Map.copyOf(resolve);
        Objects.requireNonNull(outDir, "outDir");
    }

    /** The spec of a run of {@code mode} at {@code concurrency} crawling as {@code crawl} says. */
    static RunSpec of(BenchMode mode, int concurrency, CrawlShape crawl, List<String> seeds,
            Map<String, String> resolve, Path outDir, Duration budget, Duration sampleEvery, Duration warmup) {
        return new RunSpec(mode, concurrency, concurrency, crawl.eventLoops(), crawl.perHostConnections(), crawl.delay().toMillis(),
                crawl.keepAlive(), crawl.respectRobots(), crawl.seedsOnly(), seeds, resolve, outDir.toString(),
                budget.toMillis(), sampleEvery.toMillis(), warmup.toMillis(), WARMUP_PAGES);
    }

    /** The warm-up crawl: the same crawl into a directory of its own, cut short. */
    CrawlConfig toWarmupConfig() {
        return toCrawlConfig().toBuilder().outDir(Path.of(outDir, WARMUP_DIR)).maxPages(warmupPages).build();
    }

    /** The crawl configuration: loopback allowed, simulated names pinned, scope any, robots as the shape says. */
    public CrawlConfig toCrawlConfig() {
        CrawlConfig.Builder b = CrawlConfig.builder()
                .seeds(seeds)
                .outDir(Path.of(outDir))
                .mode(mode.fetchMode())
                .transport(mode.transport())
                .threads(threads)
                .eventLoops(eventLoops > 0 ? eventLoops : CrawlConfig.defaultEventLoops())
                .concurrency(concurrency)
                .scope(Scope.ANY)
                .maxDepth(seedsOnly ? 0 : -1)
                .respectRobots(respectRobots)
                .politeness(new PolitenessPolicy(perHostConnections, Duration.ofMillis(delayMillis), Duration.ofSeconds(30)));
        b.fetch(b.fetch().withKeepAlive(keepAlive));
        b.addressPolicy(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.0/8"))));
        b.overrides(ResolveOverrides.parse(resolve.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        return b.build();
    }
}
