package dev.crawler.bench.run;

import dev.crawler.CrawlStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Watches one running crawl from its own thread: every interval it records pages done and
 * requests in flight (the curve of the chart) and keeps the peaks of heap in use, threads of the
 * process and open file descriptors; when the time budget is spent it calls the stop action once.
 * The sampler's thread is one of the threads it counts.
 */
final class RunSampler implements AutoCloseable {

    /** The highest values seen. */
    record Peaks(long heapBytes, long osThreads, long inFlight, long openFds) {
    }

    private final Supplier<CrawlStats.Snapshot> stats;
    private final ProcessGauges gauges;
    private final long budgetNanos;
    private final Runnable atBudget;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("bench-sampler").daemon().factory());
    private final List<Sample> series = new ArrayList<>();
    private long startNanos;
    private boolean budgetHit;
    private boolean closed;
    private long heap;
    private long osThreads;
    private long inFlight;
    private long fds;

    RunSampler(Supplier<CrawlStats.Snapshot> stats, ProcessGauges gauges, Duration budget, Runnable atBudget) {
        this.stats = stats;
        this.gauges = gauges;
        this.budgetNanos = budget.toNanos();
        this.atBudget = atBudget;
    }

    /** Starts sampling every {@code interval}, counting time from now. */
    void start(Duration interval) {
        startNanos = System.nanoTime();
        thread.scheduleAtFixedRate(this::sample, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void sample() {
        long now = System.nanoTime();
        CrawlStats.Snapshot s = stats.get();
        series.add(new Sample((now - startNanos) / 1e9, s.pages(), s.inFlight()));
        inFlight = Math.max(inFlight, s.inFlight());
        heap = Math.max(heap, gauges.heapUsedBytes());
        osThreads = Math.max(osThreads, gauges.osThreads());
        fds = Math.max(fds, gauges.openFileDescriptors());
        if (!budgetHit && !closed && now - startNanos >= budgetNanos) {
            budgetHit = true;
            atBudget.run();
        }
    }

    /** Whether the budget ran out and the stop action was called. */
    synchronized boolean budgetHit() {
        return budgetHit;
    }

    synchronized Peaks peaks() {
        return new Peaks(heap, osThreads, inFlight, fds);
    }

    synchronized List<Sample> series() {
        return List.copyOf(series);
    }

    /** Stops sampling after one last sample (the crawl is over: the budget no longer applies). */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            closed = true;
        }
        sample();
    }
}
