package dev.crawler.engine;

import dev.crawler.CrawlLimits;
import dev.crawler.CrawlSummary.StopReason;
import dev.crawler.fetch.FetchResult;
import java.util.Optional;

/**
 * Counts what the run's {@link CrawlLimits} on bytes and failures in a row are about, one fetch
 * result at a time, and says when one is reached. Not thread-safe: the coordinator owns it.
 */
final class RunLimits {

    private final CrawlLimits limits;
    private long bytes;
    private int failuresInARow;

    RunLimits(CrawlLimits limits) {
        this.limits = limits;
    }

    /** Counts {@code result}; the limit it reached, if it reached one. */
    Optional<StopReason> fetched(FetchResult result) {
        if (result instanceof FetchResult.Response r) {
            bytes += r.body().length;
            failuresInARow = 0;
            if (limits.maxBytes() > 0 && bytes >= limits.maxBytes()) {
                return Optional.of(StopReason.MAX_BYTES);
            }
        } else {
            failuresInARow++;
            if (limits.maxFailuresInARow() > 0 && failuresInARow >= limits.maxFailuresInARow()) {
                return Optional.of(StopReason.MAX_ERRORS);
            }
        }
        return Optional.empty();
    }
}
