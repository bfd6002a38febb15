package dev.crawler.cli.progress;

import dev.crawler.CrawlStats;
import java.io.PrintWriter;
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
    private Repeating timer;
    private CrawlStats.Snapshot previous;
    private int lastLength;

    private ProgressReporter(Supplier<CrawlStats.Snapshot> stats, PrintWriter out, ProgressMode mode) {
        this.stats = stats;
        this.out = out;
        this.mode = mode;
    }

    /** Starts reporting {@code stats} to {@code out}; {@code mode} must be resolved (not AUTO). */
    public static ProgressReporter start(Supplier<CrawlStats.Snapshot> stats, PrintWriter out, ProgressMode mode) {
        ProgressReporter r = new ProgressReporter(stats, out, mode);
        if (mode == ProgressMode.LINE || mode == ProgressMode.LOG) {
            r.timer = Repeating.every("progress", mode.interval(), mode.interval(), r::report);
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
        if (timer != null) {
            timer.close();
        }
        if (mode == ProgressMode.LINE) {
            report();
            out.println();
            out.flush();
        }
    }
}
