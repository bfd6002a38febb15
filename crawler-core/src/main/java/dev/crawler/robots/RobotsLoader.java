package dev.crawler.robots;

import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.Fetcher;
import dev.crawler.parse.UrlNormalizer;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Fetches and interprets the robots.txt of one host: keeps at most {@link RobotsPolicy#MAX_BYTES}
 * of it, follows up to {@value #MAX_REDIRECTS} redirects (RFC 9309 2.3.1.2; each hop passes the
 * address guard like any fetch, and waits for the host's politeness delay before it is sent), then hands the final result to {@link RobotsPolicy} on the worker
 * executor, so parsing never runs on an event-loop thread.
 */
public final class RobotsLoader {

    static final int MAX_REDIRECTS = 5;

    private final Fetcher fetcher;
    private final RobotsPolicy policy;
    private final Executor workers;

    public RobotsLoader(Fetcher fetcher, RobotsPolicy policy, Executor workers) {
        this.fetcher = fetcher;
        this.policy = policy;
        this.workers = workers;
    }

    /** The robots.txt URL of a host key such as {@code http://example.com:80}. */
    public static String robotsUrl(String hostKey) {
        return UrlNormalizer.normalize(hostKey + "/robots.txt")
                .orElseThrow(() -> new IllegalArgumentException("not a host key: " + hostKey));
    }

    /** Loads the rules of {@code hostKey}; never completes exceptionally. */
    public CompletableFuture<RobotsRules> load(String hostKey) {
        return load(hostKey, at -> { }, () -> CompletableFuture.completedFuture(null));
    }

    /**
     * Loads the rules of {@code hostKey}, telling {@code sent} when each request (redirect hops
     * included) was written, and sending each redirect hop only once {@code hopDue} completes (the
     * host's politeness delay after the previous write); never completes exceptionally.
     */
    public CompletableFuture<RobotsRules> load(String hostKey, LongConsumer sent,
            Supplier<CompletableFuture<Void>> hopDue) {
        String url = robotsUrl(hostKey);
        return fetchFollowing(url, 0, sent, hopDue)
                .thenApplyAsync(result -> policy.interpret(url, result), workers)
                .exceptionally(e -> RobotsPolicy.unreachable());
    }

    private CompletableFuture<FetchResult> fetchFollowing(String url, int hops, LongConsumer sent,
            Supplier<CompletableFuture<Void>> hopDue) {
        return fetcher.fetch(URI.create(url), RobotsPolicy.MAX_BYTES, sent).thenCompose(result -> {
            if (result instanceof FetchResult.Response r && r.status() >= 300 && r.status() < 400
                    && hops < MAX_REDIRECTS) {
                var target = r.headers().first("Location").flatMap(loc -> UrlNormalizer.resolve(url, loc));
                if (target.isPresent()) {
                    return hopDue.get().thenCompose(due -> fetchFollowing(target.get(), hops + 1, sent, hopDue));
                }
            }
            return CompletableFuture.completedFuture(result);
        });
    }
}
