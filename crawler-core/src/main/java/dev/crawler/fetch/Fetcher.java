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

    /**
     * Like {@link #fetch(URI)}, keeping at most {@code maxBodyBytes} of the body (or the settings'
     * limit, if lower), for resources with a smaller limit of their own, such as robots.txt.
     * Fetchers that can stop reading at the smaller limit override this; the default trims after.
     */
    default CompletableFuture<FetchResult> fetch(URI uri, long maxBodyBytes) {
        return capped(fetch(uri), maxBodyBytes);
    }

    /** {@code result} with its body cut to {@code maxBodyBytes}, for fetchers that cannot stop reading early. */
    static CompletableFuture<FetchResult> capped(CompletableFuture<FetchResult> result, long maxBodyBytes) {
        return result.thenApply(r -> {
            if (r instanceof FetchResult.Response resp && resp.body().length > maxBodyBytes) {
                return new FetchResult.Response(resp.uri(), resp.status(), resp.headers(),
                        java.util.Arrays.copyOf(resp.body(), (int) maxBodyBytes), true, resp.started(), resp.elapsed(),
                        resp.keepAliveAsked());
            }
            return r;
        });
    }

    /**
     * Like {@link #fetch(URI, long)}, telling {@code progress} how the request goes: when it has
     * been written to a connection ({@link FetchProgress#sent}), so the crawler can space request
     * starts to a host as the host sees them, and when a whole response is held back before the
     * future completes ({@link FetchProgress#held}). A fetcher that cannot tell never calls it.
     */
    default CompletableFuture<FetchResult> fetch(URI uri, long maxBodyBytes, FetchProgress progress) {
        return fetch(uri, maxBodyBytes);
    }

    /** A short name for logs and reports, such as {@code async/epoll} or {@code sync}. */
    String describe();

    /** Closes connections and stops threads; requests still running complete with a failure. */
    @Override
    void close();
}
