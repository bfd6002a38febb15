package dev.crawler.cli.progress;

import dev.crawler.CrawlStats;
import java.time.Duration;

/**
 * Formats one progress report from two snapshots of the counters: the rate is over the interval
 * between them, so it shows the crawl's speed now rather than its average. Pure.
 */
public final class ProgressLine {

    private ProgressLine() {
    }

    /** {@code pages 1,234 | 98.5 pages/s | queued 321 | in flight 16 | errors 2 | 12.3 MiB | 0:12}. */
    public static String format(CrawlStats.Snapshot previous, CrawlStats.Snapshot now) {
        return "pages " + Units.count(now.pages())
                + " | " + Units.rate(rate(previous, now)) + " pages/s"
                + " | queued " + Units.count(now.queued())
                + " | in flight " + Units.count(now.inFlight())
                + " | errors " + Units.count(now.errors() + now.httpErrors())
                + " | " + Units.bytes(now.bytes())
                + " | " + Units.clock(Duration.ofNanos(now.elapsedNanos()));
    }

    static double rate(CrawlStats.Snapshot previous, CrawlStats.Snapshot now) {
        long nanos = now.elapsedNanos() - (previous == null ? 0 : previous.elapsedNanos());
        long pages = now.pages() - (previous == null ? 0 : previous.pages());
        return nanos <= 0 ? 0 : pages * 1e9 / nanos;
    }
}
