package dev.crawler.bench.run;

import dev.crawler.sim.HostNaming;
import dev.crawler.sim.SimConfig;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One bench, fully decided: the simulated web, how it is crawled, which modes at which
 * concurrency levels, the time budget of each run and the heap of each crawler JVM.
 *
 * @param preset the preset it came from ({@code seed}, {@code scale}, {@code throughput}, {@code c10k})
 * @param web the simulated web
 * @param crawl the crawl settings every mode shares
 * @param modes the I/O models, in the order they run
 * @param concurrencies the concurrency levels; each mode runs once per level ({@code sync} once in all)
 * @param budget the longest a run may crawl before it is stopped
 * @param heapBytes {@code -Xmx} of each crawler JVM
 * @param wrk whether to measure wrk against the same web ({@code throughput})
 * @param wget2 whether to crawl the same web with wget2 too, after the modes ({@code throughput}; the
 *     web must then name its hosts by their addresses, as wget2 cannot be told to resolve names)
 */
public record BenchPlan(Preset preset, SimConfig web, CrawlShape crawl, List<BenchMode> modes,
        List<Integer> concurrencies, Duration budget, long heapBytes, boolean wrk, boolean wget2) {

    public BenchPlan {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(web, "web");
        Objects.requireNonNull(crawl, "crawl");
        modes = List.copyOf(modes);
        concurrencies = List.copyOf(concurrencies);
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("modes: at least one mode is needed");
        }
        if (concurrencies.isEmpty() || concurrencies.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("concurrency: one or more levels of at least 1 are needed, were "
                    + concurrencies);
        }
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("budget must be positive, was " + budget);
        }
        if (heapBytes < (64L << 20)) {
            throw new IllegalArgumentException("heap must be at least 64MB, was " + heapBytes);
        }
        if (wget2 && web.hostNaming() != HostNaming.ADDRESSES) {
            throw new IllegalArgumentException("wget2 needs a web whose hosts are named by their addresses");
        }
    }

    /** Whether this plan sweeps concurrency levels (then tables and charts show the level). */
    public boolean sweep() {
        return concurrencies.size() > 1;
    }

    /** The ideal page rate of a full crawl at {@code concurrency}: min(hosts x per-host, concurrency) / latency. */
    public double idealRate(int concurrency) {
        double latency = web.latency().toNanos() / 1e9;
        int slots = Math.min(web.hosts() * crawl.perHostConnections(), concurrency);
        return latency <= 0 ? Double.POSITIVE_INFINITY : slots / latency;
    }

    public BenchPlan withWeb(SimConfig value) {
        return new BenchPlan(preset, value, crawl, modes, concurrencies, budget, heapBytes, wrk, wget2);
    }

    public BenchPlan withCrawl(CrawlShape value) {
        return new BenchPlan(preset, web, value, modes, concurrencies, budget, heapBytes, wrk, wget2);
    }

    public BenchPlan withModes(List<BenchMode> value) {
        return new BenchPlan(preset, web, crawl, value, concurrencies, budget, heapBytes, wrk, wget2);
    }

    public BenchPlan withConcurrencies(List<Integer> value) {
        return new BenchPlan(preset, web, crawl, modes, value, budget, heapBytes, wrk, wget2);
    }

    public BenchPlan withBudget(Duration value) {
        return new BenchPlan(preset, web, crawl, modes, concurrencies, value, heapBytes, wrk, wget2);
    }

    public BenchPlan withHeapBytes(long value) {
        return new BenchPlan(preset, web, crawl, modes, concurrencies, budget, value, wrk, wget2);
    }

    public BenchPlan withWrk(boolean value) {
        return new BenchPlan(preset, web, crawl, modes, concurrencies, budget, heapBytes, value, wget2);
    }

    public BenchPlan withWget2(boolean value) {
        return new BenchPlan(preset, web, crawl, modes, concurrencies, budget, heapBytes, wrk, value);
    }
}
