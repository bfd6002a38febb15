package dev.crawler;

import dev.crawler.fetch.FetchResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one URL, as sinks and listeners receive it.
 *
 * @param url the normalized URL
 * @param depth links followed from a seed to reach it (seeds and sitemap entries: 0)
 * @param referrer the page (or redirect, or sitemap) it was found on; null for a seed
 * @param outcome what became of it
 * @param detail what its index line says beyond the outcome: why it was refused, the error, or a
 *     note on a response (a redirect not followed, retries used up, a truncated body)
 * @param result the response or failure, for a URL that was fetched
 * @param links for a page, the links it holds, in document order (for a redirect: its target)
 */
public record CrawlOutcome(String url, int depth, String referrer, Outcome outcome, Optional<String> detail,
        Optional<FetchResult> result, List<String> links) {

    public CrawlOutcome {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(result, "result");
        links = List.copyOf(links);
    }

    /** The response, if the URL was answered. */
    public Optional<FetchResult.Response> response() {
        return result.filter(FetchResult.Response.class::isInstance).map(FetchResult.Response.class::cast);
    }
}
