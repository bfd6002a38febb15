package dev.crawler.bench.run;

import dev.crawler.sim.HostNaming;
import dev.crawler.sim.SimConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
 * @param rounds how many times every run is repeated, in alternating order (see {@link #schedule()})
 * @param simWarmup how long an unmeasured crawl warms the simulated web's JVM before the first run
 *     (zero: none)
 */
public record BenchPlan(Preset preset, SimConfig web, CrawlShape crawl, List<BenchMode> modes,
        List<Integer> concurrencies, Duration budget, long heapBytes, boolean wrk, boolean wget2, int rounds,
        Duration simWarmup) {

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
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
        }
        Objects.requireNonNull(simWarmup, "simWarmup");
        if (simWarmup.isNegative()) {
            throw new IllegalArgumentException("the simulated web's warm-up cannot be negative, was " + simWarmup);
        }
    }

    /**
     * Every run of the bench, in the order they run. Round 1 is the plan's order: each concurrency
     * level in turn, and at each level the modes as given ({@code sync} only once, at the first
     * level, since it makes one request at a time whatever the concurrency). Round 2 is round 1
     * backwards, round 3 as round 1 again, and so on (A B, B A, A B, ...). Whatever runs first in a
     * bench pays for what is still cold then (the server's JVM, the file system), and whatever
     * runs late pays for what piles up (page files, dirty pages); reversed rounds spread both over
     * every run alike, so that a mode's median does not depend on where {@code --modes} put it.
     */
    public List<PlannedRun> schedule() {
        List<PlannedRun> first = new ArrayList<>();
        boolean sync = false;
        for (int concurrency : concurrencies) {
            for (BenchMode mode : modes) {
                if (mode == BenchMode.SYNC) {
                    if (sync) {
                        continue;
                    }
                    sync = true;
                }
                first.add(new PlannedRun(1, mode, concurrency));
            }
        }
        List<PlannedRun> all = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            List<PlannedRun> order = new ArrayList<>(first);
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (PlannedRun r : order) {
                all.add(new PlannedRun(round, r.mode(), r.concurrency()));
            }
        }
        return List.copyOf(all);
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
        return new BenchPlan(preset, value, crawl, modes, concurrencies, budget, heapBytes, wrk, wget2, rounds, simWarmup);
    }

    public BenchPlan withCrawl(CrawlShape value) {
        return new BenchPlan(preset, web, value, modes, concurrencies, budget, heapBytes, wrk, wget2, rounds, simWarmup);
    }

    public BenchPlan withModes(List<BenchMode> value) {
        return new BenchPlan(preset, web, crawl, value, concurrencies, budget, heapBytes, wrk, wget2, rounds, simWarmup);
    }

    public BenchPlan withConcurrencies(List<Integer> value) {
        return new BenchPlan(preset, web, crawl, modes, value, budget, heapBytes, wrk, wget2, rounds, simWarmup);
    }

    public BenchPlan withBudget(Duration value) {
        return new BenchPlan(preset, web, crawl, modes, concurrencies, value, heapBytes, wrk, wget2, rounds, simWarmup);
    }

    public BenchPlan withHeapBytes(long value) {
        return new BenchPlan(preset, web, crawl, modes, concurrencies, budget, value, wrk, wget2, rounds, simWarmup);
    }

    public BenchPlan withWrk(boolean value) {
        return new BenchPlan(preset, web, crawl, modes, concurrencies, budget, heapBytes, value, wget2, rounds, simWarmup);
    }

    public BenchPlan withWget2(boolean value) {
        return new BenchPlan(preset, web, crawl, modes, concurrencies, budget, heapBytes, wrk, value, rounds, simWarmup);
    }

    public BenchPlan withRounds(int value) {
        return new BenchPlan(preset, web, crawl, modes, concurrencies, budget, heapBytes, wrk, wget2, value, simWarmup);
    }

    public BenchPlan withSimWarmup(Duration value) {
        return new BenchPlan(preset, web, crawl, modes, concurrencies, budget, heapBytes, wrk, wget2, rounds, value);
    }

    /** The crawl that warms the simulated web: the default async mode (cheapest for the crawler) at the highest level. */
    PlannedRun simWarmupRun() {
        return new PlannedRun(1, Targets.defaultAsync(), concurrencies.stream().mapToInt(Integer::intValue).max()
                .orElseThrow());
    }
}
