package dev.crawler.cli.bench;

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
 */
public record CrawlShape(int perHostConnections, Duration delay, boolean keepAlive, boolean respectRobots,
        boolean seedsOnly) {

    public CrawlShape {
        if (perHostConnections < 1) {
            throw new IllegalArgumentException("per-host connections must be at least 1, was " + perHostConnections);
        }
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
    }

    public CrawlShape withPerHostConnections(int value) {
        return new CrawlShape(value, delay, keepAlive, respectRobots, seedsOnly);
    }
}
