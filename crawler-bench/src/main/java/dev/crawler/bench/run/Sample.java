package dev.crawler.bench.run;

/**
 * One sample of a running crawl.
 *
 * @param seconds time since the crawl started
 * @param pages pages done so far
 * @param inFlight requests under way
 */
public record Sample(double seconds, long pages, long inFlight) {
}
