package dev.crawler.engine;

import dev.crawler.export.IndexEntry;
import dev.crawler.fetch.FetchResult;
import dev.crawler.frontier.CrawlRequest;
import java.time.Instant;

/** Builds index lines from the crawler's own values. */
final class IndexEntries {

    private IndexEntries() {
    }

    static IndexEntry refused(CrawlRequest request, String why) {
        return new IndexEntry(request.url(), null, null, null, null, null, Instant.now(), 0L,
                request.depth(), request.referrer(), null, why);
    }

    /** A URL found (a link, a redirect target, a sitemap entry) and refused before it was queued. */
    static IndexEntry refusedLink(String url, int depth, String referrer, String why) {
        return new IndexEntry(url, null, null, null, null, null, Instant.now(), 0L, depth, referrer, null, why);
    }

    static IndexEntry failed(CrawlRequest request, FetchResult.Failure f) {
        return new IndexEntry(request.url(), null, null, null, null, null, f.started(),
                f.elapsed().toMillis(), request.depth(), request.referrer(), null,
                f.error().code() + ": " + f.message());
    }

    static IndexEntry response(CrawlRequest request, FetchResult.Response r, String finalUrl,
            String sha256, String file, String error) {
        return new IndexEntry(request.url(), finalUrl, r.status(),
                r.headers().first("Content-Type").orElse(null), (long) r.body().length, sha256,
                r.started(), r.elapsed().toMillis(), request.depth(), request.referrer(), file, error);
    }
}
