package dev.crawler.fetch;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Issues one HTTP GET and completes a future with its result. Redirects are not followed here:
 * a 3xx comes back as a {@link FetchResult.Response} so that the crawler can send its target
 * through normalization, scope, robots and dedup like any other link.
 *
 * <p>Expected failures (DNS, refused address, timeouts, resets, protocol errors) complete the
 * future normally with a {@link FetchResult.Failure}; the future completes exceptionally only on
 * a bug. Implementations share {@link FetchSettings}, so every mode has the same limits.
 */
public interface Fetcher extends AutoCloseable {

    /** Starts fetching {@code uri} (http or https, already normalized). Never blocks the caller. */
    CompletableFuture<FetchResult> fetch(URI uri);

    /** A short name for logs and reports, such as {@code async/epoll} or {@code sync}. */
    String describe();

    /** Closes connections and stops threads; requests still running complete with a failure. */
    @Override
    void close();
}
