package dev.crawler.bench.run;

import dev.crawler.sim.HostNaming;
import dev.crawler.sim.SimConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The benches the issue asks for, each a {@link BenchPlan} that options may then adjust.
 *
 * <ul>
 * <li>{@code seed}: the documents' experiment. 20 pages on one host, 940 ms before each answer,
 *     one connection per page ({@code Connection: close}), no politeness delay, no robots.txt (the
 *     original fetched a fixed list of 20 URLs), every page a seed.
 * <li>{@code scale}: 200 hosts x 100 pages, 100 ms, 2 connections per host, no delay; a full crawl
 *     that follows links, robots.txt honored.
 * <li>{@code throughput}: 50 hosts x 400 realistic pages ({@link dev.crawler.sim.PageProfile#REALISTIC}:
 *     5 to 500 KB, about 44 KB on average, 10 to 3,000 links of their own plus 60 of a site-wide
 *     navigation, inline scripts and styles, entity-heavy text), no latency: CPU-bound, and the
 *     CPU goes where it goes on real pages; wrk is measured against the same web, and wget2 crawls
 *     it after the modes (the hosts are named by their addresses, {@code http://127.0.1.N:PORT/},
 *     so that wget2, which cannot be told to resolve names, crawls the same web). 50 hosts, so that
 *     2 connections each can fill the concurrency of 100; 400 pages each (about 38,000 URLs, 1 GB
 *     of bodies), so that a run on 2 cores is bounded by the budget today, and once the crawler
 *     reaches thousands of pages a second, still lasts long enough to reach a steady rate.
 * <li>{@code c10k}: 500 hosts x 100 pages at 200 ms, 20 connections per host, concurrency swept over
 *     10, 100, 1,000 and 10,000; every page is a seed and no link is followed, nor robots.txt fetched
 *     (as in {@code seed}), so that the URLs to fill 10,000 connections are there from the start
 *     and the I/O model is what limits; every crawler JVM has a 512 MB heap.
 * </ul>
 *
 * <p>{@code throughput} and {@code c10k} run every mode twice, in {@link #COMPARED_ROUNDS} rounds
 * of alternating order ({@link BenchPlan#schedule()}), and compare the modes by their medians;
 * {@code seed} and {@code scale} once. Those two presets also warm the simulated web with an
 * unmeasured crawl of {@link #SIM_WARMUP} first.
 */
public enum Preset {
    SEED,
    SCALE,
    THROUGHPUT,
    C10K;

    private static final long MB = 1L << 20;
    static final int THROUGHPUT_HOSTS = 50;
    static final int THROUGHPUT_PAGES = 400;
    /**
     * Rounds of {@code throughput} and {@code c10k}, whose modes are compared with each other: two,
     * the second in reverse order, so that no mode is always the one that runs first. {@code seed}
     * and {@code scale} run once: their targets are against the latency, not another mode.
     */
    static final int COMPARED_ROUNDS = 2;
    /**
     * The unmeasured crawl that warms the simulated web's JVM before the first run of
     * {@code throughput} and {@code c10k}, so that the first mode does not pay for the server's
     * JIT warm-up (see {@link Bench}).
     */
    static final Duration SIM_WARMUP = Duration.ofSeconds(30);

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The plan of this preset before any option changes it. */
    public BenchPlan plan() {
        SimConfig base = SimConfig.defaults().withJitter(Duration.ZERO);
        List<BenchMode> all = List.of(BenchMode.values());
        Duration minute = Duration.ofSeconds(60);
        return switch (this) {
            case SEED -> new BenchPlan(this,
                    base.withHosts(1).withPages(20).withLinks(0).withLatency(Duration.ofMillis(940)),
                    new CrawlShape(20, Duration.ZERO, false, false, true), all, List.of(20), minute, 1024 * MB, false, false, 1, Duration.ZERO);
            case SCALE -> new BenchPlan(this,
                    base.withHosts(200).withPages(100).withLinks(8).withLatency(Duration.ofMillis(100)),
                    new CrawlShape(2, Duration.ZERO, true, true, false), all, List.of(256), minute, 1024 * MB, false, false, 1, Duration.ZERO);
            case THROUGHPUT -> new BenchPlan(this,
                    base.withHosts(THROUGHPUT_HOSTS).withPages(THROUGHPUT_PAGES).withLatency(Duration.ZERO).withRealisticPages()
                            .withHostNaming(HostNaming.ADDRESSES),
                    new CrawlShape(2, Duration.ZERO, true, true, false), all, List.of(100), minute, 1024 * MB, true, true, COMPARED_ROUNDS,
                    SIM_WARMUP);
            case C10K -> new BenchPlan(this,
                    base.withHosts(500).withPages(100).withLinks(8).withLatency(Duration.ofMillis(200)),
                    new CrawlShape(20, Duration.ZERO, true, false, true),
                    List.of(BenchMode.THREADS, BenchMode.VIRTUAL, BenchMode.BUSY_POLL, BenchMode.ASYNC_NIO_POLL,
                            BenchMode.ASYNC_EPOLL),
                    List.of(10, 100, 1000, 10_000), Duration.ofSeconds(30), 512 * MB, false, false,
                    COMPARED_ROUNDS, SIM_WARMUP);
        };
    }

    public static Preset parse(String text) {
        for (Preset p : values()) {
            if (p.label().equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Preset::label).collect(Collectors.joining(", ")) + ", all, realweb or cluster");
    }
}
