package dev.crawler.bench.run;

import java.time.Duration;
import java.util.Objects;

/**
 * How every mode of a bench crawls the web, apart from the I/O model and the concurrency.
 *
 * @param perHostConnections most requests in flight to one host
 * @param delay least time between request starts to one host
 * @param keepAlive whether connections are reused ({@code false}: one connection per page)
 * @param respectRobots whether robots.txt is fetched and honored
 * @param seedsOnly {@code true}: every page of the web is a seed and no link is followed (the
 *     original experiment's fixed list of URLs); {@code false}: the crawl starts from the host roots
 *     and follows links across hosts
 * @param eventLoops I/O event loops of the async modes; 0: the crawler's default (one per two cores)
 */
public record CrawlShape(int perHostConnections, Duration delay, boolean keepAlive, boolean respectRobots,
        boolean seedsOnly, int eventLoops) {

    /** A shape with the crawler's default number of event loops. */
    public CrawlShape(int perHostConnections, Duration delay, boolean keepAlive, boolean respectRobots,
            boolean seedsOnly) {
        this(perHostConnections, delay, keepAlive, respectRobots, seedsOnly, 0);
    }

    public CrawlShape {
        if (perHostConnections < 1) {
            throw new IllegalArgumentException("per-host connections must be at least 1, was " + perHostConnections);
        }
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        if (eventLoops < 0) {
            throw new IllegalArgumentException("event loops must be at least 1 (or 0 for the default), was " + eventLoops);
        }
    }

    public CrawlShape withPerHostConnections(int value) {
        return new CrawlShape(value, delay, keepAlive, respectRobots, seedsOnly, eventLoops);
    }

    public CrawlShape withEventLoops(int value) {
        return new CrawlShape(perHostConnections, delay, keepAlive, respectRobots, seedsOnly, value);
    }
}
