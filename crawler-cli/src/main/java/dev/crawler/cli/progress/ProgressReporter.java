package dev.crawler.cli.progress;

import dev.crawler.CrawlStats;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Prints {@link ProgressLine}s while a crawl runs, from its own daemon thread: redrawn in place
 * ({@link ProgressMode#LINE}) or as plain lines ({@link ProgressMode#LOG}). {@link #close()} stops
 * it and, in line mode, leaves the last state on screen and moves to a fresh line.
 */
public final class ProgressReporter implements AutoCloseable {

    private final Supplier<CrawlStats.Snapshot> stats;
    private final PrintWriter out;
    private final ProgressMode mode;
    private final ScheduledExecutorService timer;
    private CrawlStats.Snapshot previous;
    private int lastLength;

    private ProgressReporter(Supplier<CrawlStats.Snapshot> stats, PrintWriter out, ProgressMode mode) {
        this.stats = stats;
        this.out = out;
        this.mode = mode;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts reporting {@code stats} to {@code out}; {@code mode} must be resolved (not AUTO). */
    public static ProgressReporter start(Supplier<CrawlStats.Snapshot> stats, PrintWriter out, ProgressMode mode) {
        ProgressReporter r = new ProgressReporter(stats, out, mode);
        if (mode == ProgressMode.LINE || mode == ProgressMode.LOG) {
            long ms = mode.interval().toMillis();
            r.timer.scheduleAtFixedRate(r::report, ms, ms, TimeUnit.MILLISECONDS);
        }
        return r;
    }

    private synchronized void report() {
        CrawlStats.Snapshot now = stats.get();
        String line = ProgressLine.format(previous, now);
        previous = now;
        if (mode == ProgressMode.LINE) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (mode == ProgressMode.LINE) {
            report();
            out.println();
            out.flush();
        }
    }
}
