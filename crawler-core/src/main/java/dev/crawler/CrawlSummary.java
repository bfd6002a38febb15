package dev.crawler;

import java.nio.file.Path;

/**
 * How a crawl ended.
 *
 * @param stats the final counters
 * @param reason why it stopped
 * @param outDir where its output is
 * @param fetcher the fetcher's description, such as {@code async/epoll}
 */
public record CrawlSummary(CrawlStats.Snapshot stats, StopReason reason, Path outDir, String fetcher) {

    /** Why a crawl stopped. */
    public enum StopReason {
        /** Nothing was left to fetch. */
        COMPLETED,
        /** {@code maxPages} was reached. */
        MAX_PAGES,
        /** {@link CrawlLimits#maxTime()} passed. */
        MAX_TIME,
        /** {@link CrawlLimits#maxBytes()} were fetched. */
        MAX_BYTES,
        /** {@link CrawlLimits#maxFailuresInARow()} fetches in a row got no response: the network looks down. */
        MAX_ERRORS,
        /** {@link Crawler#stop()} was called (Ctrl-C). */
        STOPPED
    }
}
