package dev.crawler.frontier;

import java.util.Optional;

/**
 * URLs waiting to be fetched, queued per host, each URL at most once over the crawl.
 *
 * <p>State is partitioned by host from the start: callers always name the host they take from,
 * and nothing assumes the frontier sees every host, so a distributed implementation can keep each
 * host on the node that owns it. Not thread-safe: the crawler's coordinator owns it.
 */
public interface Frontier extends AutoCloseable {

    /** What happened to an offered URL. */
    enum Offer {
        /** Queued; its host had nothing queued before. */
        QUEUED_NEW_HOST,
        /** Queued behind other URLs of its host. */
        QUEUED,
        /** Seen before (queued, fetched or refused); dropped. */
        DUPLICATE
    }

    /** Queues {@code request} unless its URL was offered before. */
    Offer offer(CrawlRequest request);

    /** Marks a URL as seen without queuing it; true if it was new. */
    boolean markSeen(String normalizedUrl);

    /** The next URL of {@code hostKey} in FIFO order, if any. */
    Optional<CrawlRequest> poll(String hostKey);

    /** Whether {@code hostKey} has URLs queued. */
    boolean hasQueued(String hostKey);

    /** URLs queued over all hosts. */
    long queued();

    /** Distinct URLs seen so far. */
    long seen();

    @Override
    default void close() {
    }
}
