package dev.crawler;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of a crawl, updated by the crawler and read by progress reporters from any
 * thread. {@link #snapshot()} gives a consistent-enough view for a progress line.
 */
public final class CrawlStats {

    private final long startNanos = System.nanoTime();
    final LongAdder pages = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder httpErrors = new LongAdder();
    final LongAdder redirects = new LongAdder();
    final LongAdder robotsDenied = new LongAdder();
    final LongAdder robotsFetches = new LongAdder();
    final LongAdder outOfScope = new LongAdder();
    final LongAdder filtered = new LongAdder();
    final LongAdder tooDeep = new LongAdder();
    final LongAdder exported = new LongAdder();
    final AtomicLong queued = new AtomicLong();
    final AtomicLong inFlight = new AtomicLong();
    final AtomicLong seen = new AtomicLong();

    public Snapshot snapshot() {
        return new Snapshot(System.nanoTime() - startNanos, pages.sum(), bytes.sum(), errors.sum(),
                httpErrors.sum(), redirects.sum(), robotsDenied.sum(), robotsFetches.sum(), outOfScope.sum(),
                filtered.sum(), tooDeep.sum(), exported.sum(), queued.get(), inFlight.get(), seen.get());
    }

    /**
     * Counters at one moment.
     *
     * @param elapsedNanos time since the crawl started
     * @param pages responses received for page URLs (any status)
     * @param bytes decoded body bytes received
     * @param errors fetches that failed without a response (DNS, refused, timeout, reset...)
     * @param httpErrors responses with status 4xx or 5xx
     * @param redirects responses with status 3xx
     * @param robotsDenied URLs not fetched because robots.txt disallows them
     * @param robotsFetches robots.txt requests made
     * @param outOfScope links dropped by the scope rule
     * @param filtered links dropped by include/exclude patterns
     * @param tooDeep links dropped by the depth limit
     * @param exported pages written to the output directory
     * @param queued URLs waiting in the frontier
     * @param inFlight requests under way
     * @param seen distinct URLs seen
     */
    public record Snapshot(long elapsedNanos, long pages, long bytes, long errors, long httpErrors,
            long redirects, long robotsDenied, long robotsFetches, long outOfScope, long filtered,
            long tooDeep, long exported, long queued, long inFlight, long seen) {

        public double elapsedSeconds() {
            return elapsedNanos / 1e9;
        }

        public double pagesPerSecond() {
            double s = elapsedSeconds();
            return s <= 0 ? 0 : pages / s;
        }
    }
}
