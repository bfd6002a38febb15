package dev.crawler.sim;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A host of the simulated web that rate-limits a window of its requests: of the requests to it
 * (robots.txt left out), those numbered {@code after + 1} to {@code after + count}, in the order the
 * server decodes them, are answered {@code 429 Too Many Requests} without {@code Retry-After}; the
 * others as usual. For tests of how a crawler slows down and recovers. It counts requests, so one
 * instance serves one server; {@link #none()} limits nothing.
 */
public final class RateLimit {

    private static final RateLimit NONE = new RateLimit("", 0, 0);

    private final String host;
    private final int after;
    private final int count;
    private final AtomicInteger seen = new AtomicInteger();

    private RateLimit(String host, int after, int count) {
        this.host = host.toLowerCase(Locale.ROOT);
        this.after = after;
        this.count = count;
    }

    /** Requests {@code after + 1} to {@code after + count} to {@code host} get 429 without Retry-After. */
    public static RateLimit of(String host, int after, int count) {
        Objects.requireNonNull(host, "host");
        if (after < 0 || count < 1) {
            throw new IllegalArgumentException("after must be >= 0 and count >= 1, were " + after + " and " + count);
        }
        return new RateLimit(host, after, count);
    }

    public static RateLimit none() {
        return NONE;
    }

    /** Whether this request (to {@code site}, for {@code path}) is answered 429; counts it. */
    boolean limits(String site, String path) {
        if (count == 0 || !host.equals(site) || path.equals("/robots.txt")) {
            return false;
        }
        int n = seen.incrementAndGet();
        return n > after && n <= after + count;
    }
}
