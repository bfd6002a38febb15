package dev.crawler.politeness;

import java.time.Duration;
import java.util.Objects;

/**
 * The politeness rules for every host.
 *
 * @param perHostConnections most requests in flight to one host at once
 * @param delay least time between two request starts to one host
 * @param maxCrawlDelay cap on a robots.txt Crawl-delay (a larger one is cut to this)
 */
public record PolitenessPolicy(int perHostConnections, Duration delay, Duration maxCrawlDelay) {

    public PolitenessPolicy {
        if (perHostConnections < 1) {
            throw new IllegalArgumentException("perHostConnections must be >= 1, was " + perHostConnections);
        }
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(maxCrawlDelay, "maxCrawlDelay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        if (maxCrawlDelay.isNegative()) {
            throw new IllegalArgumentException("maxCrawlDelay must not be negative, was " + maxCrawlDelay);
        }
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
