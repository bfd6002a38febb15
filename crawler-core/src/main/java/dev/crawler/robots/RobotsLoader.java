package dev.crawler.robots;

import dev.crawler.fetch.FetchProgress;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.Fetcher;
import dev.crawler.url.UrlNormalizer;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Fetches and interprets the robots.txt of one host: keeps at most {@link RobotsPolicy#MAX_BYTES}
 * of it, follows up to {@value #MAX_REDIRECTS} redirects (RFC 9309 2.3.1.2; each hop passes the
 * address guard like any fetch, and is sent when the politeness of its host lets it), then hands the final result to {@link RobotsPolicy} on the worker
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

    /**
     * Gives each redirect hop of a robots.txt load leave to go, as the politeness of the hop's
     * host allows, and hears when it was written and when it ended.
     */
    public interface HopGate {
        /** Lets every hop go at once (for loads outside a crawl). */
        HopGate OPEN = url -> CompletableFuture.completedFuture(new Hop() {
            @Override
            public void sent(long at) {
            }

            @Override
            public void ended() {
            }
        });

        /** Completes when a request to {@code url} may be sent. */
        CompletableFuture<Hop> next(String url);
    }

    /** One redirect hop let go by a {@link HopGate}: told when it was written, and once when it ended. */
    public interface Hop {
        void sent(long at);

        void ended();
    }

    /** Loads the rules of {@code hostKey}; never completes exceptionally. */
    public CompletableFuture<RobotsRules> load(String hostKey) {
        return load(hostKey, at -> { }, HopGate.OPEN);
    }

    /**
     * Loads the rules of {@code hostKey}, telling {@code sent} when its first request was written,
     * and sending each redirect hop when {@code hops} lets it go; never completes exceptionally.
     */
    public CompletableFuture<RobotsRules> load(String hostKey, FetchProgress sent, HopGate hops) {
        String url = robotsUrl(hostKey);
        return fetcher.fetch(URI.create(url), RobotsPolicy.MAX_BYTES, sent)
                .thenCompose(result -> following(url, result, 0, hops))
                .thenApplyAsync(result -> policy.interpret(url, result), workers)
                .exceptionally(e -> RobotsPolicy.unreachable());
    }

    /** Follows {@code result} of {@code url} if it is a redirect and hops are left, else ends with it. */
    private CompletableFuture<FetchResult> following(String url, FetchResult result, int hops, HopGate gate) {
        if (result instanceof FetchResult.Response r && r.status() >= 300 && r.status() < 400 && hops < MAX_REDIRECTS) {
            var target = r.headers().first("Location").flatMap(loc -> UrlNormalizer.resolve(url, loc));
            if (target.isPresent()) {
                String next = target.get();
                return gate.next(next).thenCompose(hop -> fetcher.fetch(URI.create(next), RobotsPolicy.MAX_BYTES, hop::sent)
                        .whenComplete((done, error) -> hop.ended())
                        .thenCompose(nextResult -> following(next, nextResult, hops + 1, gate)));
            }
        }
        return CompletableFuture.completedFuture(result);
    }
}
