package dev.crawler.politeness;

import java.time.Duration;
import java.util.Objects;

/**
 * The politeness rules for every host, and for every address that several hosts share.
 *
 * @param perHostConnections most requests in flight to one host at once
 * @param delay least time between two request starts to one host
 * @param maxCrawlDelay cap on a robots.txt Crawl-delay (a larger one is cut to this), and on the
 *     delay the crawler widens or adapts on its own (never below {@code delay} or a Crawl-delay)
 * @param perIpConnections most requests in flight to one IP address, over all the hosts that
 *     resolve to it (0: no such limit)
 * @param perIpDelay least time between two request starts to one IP address, over all its hosts
 *     (zero: none)
 * @param adaptiveFactor keeps the delay to a host at least this many times its recent response
 *     time, up to {@code maxCrawlDelay} (0: off)
 */
public record PolitenessPolicy(int perHostConnections, Duration delay, Duration maxCrawlDelay, int perIpConnections,
        Duration perIpDelay, double adaptiveFactor) {

    public PolitenessPolicy {
        if (perHostConnections < 1) {
            throw new IllegalArgumentException("perHostConnections must be >= 1, was " + perHostConnections);
        }
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(maxCrawlDelay, "maxCrawlDelay");
        Objects.requireNonNull(perIpDelay, "perIpDelay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        if (maxCrawlDelay.isNegative()) {
            throw new IllegalArgumentException("maxCrawlDelay must not be negative, was " + maxCrawlDelay);
        }
        if (perIpConnections < 0) {
            throw new IllegalArgumentException("perIpConnections must be >= 0 (0: no limit), was " + perIpConnections);
        }
        if (perIpDelay.isNegative()) {
            throw new IllegalArgumentException("perIpDelay must not be negative, was " + perIpDelay);
        }
        if (!(adaptiveFactor >= 0) || Double.isInfinite(adaptiveFactor)) {
            throw new IllegalArgumentException("adaptiveFactor must be >= 0 (0: off), was " + adaptiveFactor);
        }
    }

    /** Per-host rules only: no per-IP budget, no adaptive delay. */
    public PolitenessPolicy(int perHostConnections, Duration delay, Duration maxCrawlDelay) {
        this(perHostConnections, delay, maxCrawlDelay, 0, Duration.ZERO, 0);
    }

    /** A copy with a per-IP budget: {@code connections} in flight (0: no limit) and {@code ipDelay} between starts. */
    public PolitenessPolicy withPerIp(int connections, Duration ipDelay) {
        return new PolitenessPolicy(perHostConnections, delay, maxCrawlDelay, connections, ipDelay, adaptiveFactor);
    }

    /** A copy whose delay to a host is at least {@code factor} times its recent response time (0: off). */
    public PolitenessPolicy withAdaptiveFactor(double factor) {
        return new PolitenessPolicy(perHostConnections, delay, maxCrawlDelay, perIpConnections, perIpDelay, factor);
    }

    /** Whether hosts that share an IP address share a budget, so the address of each must be known. */
    public boolean perIp() {
        return perIpConnections > 0 || !perIpDelay.isZero();
    }

    /** Longest safety margin added to a delay; see {@link #spacing(Duration)}. */
    public static final Duration MAX_MARGIN = Duration.ofMillis(50);
    /** Shortest safety margin added to a delay that is not zero. */
    public static final Duration MIN_MARGIN = Duration.ofMillis(5);

    /**
     * The spacing the scheduler keeps between request starts for a delay. Starts are anchored at
     * the moment a request was written, so on the crawler's side two starts are never closer than
     * the delay; the margin, a tenth of the delay kept within {@link #MIN_MARGIN} and
     * {@link #MAX_MARGIN}, covers the time between the crawler's write and the server's read
     * (a busy server thread reads an earlier request late, which shortens the gap it sees).
     */
    public static Duration spacing(Duration delay) {
        if (delay.isZero()) {
            return delay;
        }
        Duration margin = delay.dividedBy(10);
        margin = margin.compareTo(MIN_MARGIN) < 0 ? MIN_MARGIN : margin;
        return delay.plus(margin.compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : margin);
    }

    /** The delay for a host whose robots.txt asks for {@code crawlDelay}: raised to it, capped. */
    public Duration effectiveDelay(Duration crawlDelay) {
        Duration asked = crawlDelay.compareTo(maxCrawlDelay) > 0 ? maxCrawlDelay : crawlDelay;
        return asked.compareTo(delay) > 0 ? asked : delay;
    }
}
