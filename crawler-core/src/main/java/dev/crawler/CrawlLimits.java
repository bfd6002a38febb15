package dev.crawler;

import java.time.Duration;

/**
 * What stops one run of a crawl early, beside {@link CrawlConfig#maxPages()}: each stops it
 * gracefully (nothing new starts, what is under way finishes and is recorded) and leaves it
 * resumable, and the crawl's summary names the one that did ({@link CrawlSummary.StopReason}).
 *
 * @param maxTime the longest a run may crawl, or null for no limit ({@link CrawlSummary.StopReason#MAX_TIME})
 * @param maxBytes the most response body bytes a run may fetch, or -1 for no limit; the response
 *     that passes it is kept ({@link CrawlSummary.StopReason#MAX_BYTES})
 * @param maxFailuresInARow the most fetches in a row, over all hosts, that may end without a usable
 *     response (refused, reset, timed out, no such host, a TLS or protocol failure; an HTTP error
 *     status is a response), or -1 for no limit: so many in a row means the network, not a site, is
 *     down ({@link CrawlSummary.StopReason#MAX_ERRORS})
 */
public record CrawlLimits(Duration maxTime, long maxBytes, int maxFailuresInARow) {

    /** No limit. */
    public static final CrawlLimits NONE = new CrawlLimits(null, -1, -1);

    public CrawlLimits {
        if (maxTime != null && !maxTime.isPositive()) {
            throw new IllegalArgumentException("maxTime must be positive, was " + maxTime);
        }
        if (maxBytes < -1 || maxBytes == 0) {
            throw new IllegalArgumentException("maxBytes must be >= 1 (or -1 for no limit), was " + maxBytes);
        }
        if (maxFailuresInARow < -1 || maxFailuresInARow == 0) {
            throw new IllegalArgumentException("maxFailuresInARow must be >= 1 (or -1 for no limit), was "
                    + maxFailuresInARow);
        }
    }
}
