package dev.crawler.bench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawler.CrawlConfig;
import dev.crawler.CrawlSummary;
import dev.crawler.Crawler;
import dev.crawler.cli.run.LogSetup;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The crawler JVM of one bench run: {@code java ... dev.crawler.bench.run.RunMain SPEC.json
 * RESULT.json}. It runs alone in its JVM, so every figure is the crawler's own.
 *
 * <p>First, unless the spec says none, a warm-up: the same crawl by a crawler of its own, into a
 * directory of its own, cut short after {@link RunSpec#WARMUP_PAGES} pages or the warm-up time, then closed, so
 * that the measured crawl does not pay for loading classes and compiling the fetch path. Then it
 * prints {@value #WARM} on standard output and waits for a line on standard input (the bench takes
 * the server's counters meanwhile). Then the measured crawl, by a fresh crawler (new frontier, new
 * connections): it builds the crawler first, then measures only the crawl (wall time, CPU time of
 * the process, peaks of heap, threads, descriptors and resident memory, pages over time), stops it
 * when the budget is spent, closes it (which flushes the index) and writes a {@link RunMeasurement}.
 */
public final class RunMain {

    /** The line that tells the bench the warm-up is over. */
    static final String WARM = "bench-warm";

    private RunMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: RunMain SPEC.json RESULT.json");
            System.exit(2);
        }
        ObjectMapper json = BenchJson.mapper();
        RunSpec spec = json.readValue(Path.of(args[0]).toFile(), RunSpec.class);
        LogSetup.logTo(Path.of(spec.outDir()));
        if (spec.warmupMillis() > 0) {
            warmUp(spec);
        }
        System.out.println(WARM);
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        RunMeasurement m = run(spec);
        json.writeValue(Path.of(args[1]).toFile(), m);
        System.exit(0);
    }

    /** The unmeasured warm-up crawl, stopped after its pages or its time. */
    static void warmUp(RunSpec spec) {
        try (Crawler crawler = Crawler.create(spec.toWarmupConfig())) {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            try {
                timer.schedule(() -> crawler.stop(), spec.warmupMillis(), TimeUnit.MILLISECONDS);
                crawler.run();
            } finally {
                timer.shutdownNow();
            }
        }
    }

    /** Runs the crawl {@code spec} describes and measures it. */
    static RunMeasurement run(RunSpec spec) {
        CrawlConfig config = spec.toCrawlConfig();
        ProcessGauges gauges = new ProcessGauges();
        try (Crawler crawler = Crawler.create(config)) {
            RunSampler sampler = new RunSampler(() -> crawler.stats().snapshot(), gauges,
                    Duration.ofMillis(spec.budgetMillis()), crawler::stop);
            gauges.resetPeakThreads();
            long cpu0 = gauges.cpuNanos();
            long t0 = System.nanoTime();
            sampler.start(Duration.ofMillis(spec.sampleMillis()));
            CrawlSummary summary = crawler.run();
            long wall = System.nanoTime() - t0;
            long cpu = gauges.cpuNanos() - cpu0;
            int peakThreads = gauges.peakThreads();
            sampler.close();
            RunSampler.Peaks peaks = sampler.peaks();
            return new RunMeasurement(summary.fetcher(), summary.reason().name(), sampler.budgetHit(),
                    summary.stats().pages(), summary.stats().errors(), wall / 1e9, cpu / 1e9, peaks.heapBytes(),
                    gauges.peakRssBytes(), peakThreads, peaks.osThreads(), peaks.inFlight(), peaks.openFds(),
                    sampler.series());
        }
    }
}
