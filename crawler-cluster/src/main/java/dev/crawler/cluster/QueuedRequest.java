package dev.crawler.cluster;

import dev.crawler.frontier.CrawlRequest;

/**
 * A request in its host's queue, as a partition's stores hold it: {@code sequence} orders the
 * host's requests, and names this one in its outcome.
 */
public record QueuedRequest(long sequence, CrawlRequest request) {
}
