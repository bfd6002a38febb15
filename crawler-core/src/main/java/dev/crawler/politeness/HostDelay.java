package dev.crawler.politeness;

/**
 * The delay the crawler keeps between request starts to one host, from three sources: the
 * configured delay (raised by a robots.txt Crawl-delay), the host's recent response time times the
 * adaptive factor (Heritrix's delay factor), and a widening that 429 and 503 responses without
 * {@code Retry-After} ask for and successes take back. The two that the crawler chooses on its own
 * never exceed the cap and never bring the delay under the configured one. Owned by
 * {@link PolitenessScheduler}, through {@link HostState}.
 */
final class HostDelay {

    /** The widening a first 429 or 503 without Retry-After asks for when the delay is shorter. */
    static final long MIN_WIDENING_NANOS = 100_000_000L;

    /** The configured delay, raised by a Crawl-delay: the floor, without a margin. */
    private long baseNanos;
    /** A moving average of the host's response times (each new one weighs half), 0 before any. */
    private long recentResponseNanos;
    /** The delay asked for by rate limiting, 0 when none is left. */
    private long widenedNanos;

    HostDelay(long baseNanos) {
        this.baseNanos = baseNanos;
    }

    void base(long nanos) {
        baseNanos = nanos;
    }

    /** A request to the host took {@code nanos} from its write to its end. */
    void responded(long nanos) {
        recentResponseNanos = recentResponseNanos == 0 ? nanos : (recentResponseNanos + nanos) / 2;
    }

    /** A 429 or 503 without Retry-After: the delay doubles (to at least {@link #MIN_WIDENING_NANOS}), up to {@code capNanos}. */
    void widen(long capNanos, double factor) {
        long now = current(capNanos, factor);
        long wider = now > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : Math.max(2 * now, MIN_WIDENING_NANOS);
        widenedNanos = Math.min(wider, capNanos);
    }

    /** A success: the widening shrinks by a quarter, and is gone once it is no longer than the configured delay. */
    void narrow() {
        widenedNanos -= widenedNanos / 4;
        if (widenedNanos <= baseNanos) {
            widenedNanos = 0;
        }
    }

    /** The delay to keep now, without the scheduler's margin. */
    long current(long capNanos, double factor) {
        long adaptive = factor > 0 ? (long) Math.min(Long.MAX_VALUE, factor * recentResponseNanos) : 0;
        long chosen = Math.min(Math.max(adaptive, widenedNanos), capNanos);
        return Math.max(baseNanos, chosen);
    }

    /** Whether rate limiting still holds the delay above what it would be. */
    boolean widened() {
        return widenedNanos > 0;
    }
}
