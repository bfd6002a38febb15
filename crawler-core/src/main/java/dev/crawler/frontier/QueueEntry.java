package dev.crawler.frontier;

import java.util.Objects;

/**
 * A queued request as a store keeps it: under its host, at a sequence number that orders it
 * after every request queued before it (sequence numbers are unique over the crawl).
 *
 * @param sequence position in the crawl-wide order of offers
 * @param request the request
 */
public record QueueEntry(long sequence, CrawlRequest request) {

    public QueueEntry {
        Objects.requireNonNull(request, "request");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0, was " + sequence);
        }
    }

    public String hostKey() {
        return request.hostKey();
    }
}
