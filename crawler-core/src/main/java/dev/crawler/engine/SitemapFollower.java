package dev.crawler.engine;

import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.Fetcher;
import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.Frontier;
import dev.crawler.parse.SitemapReader;
import dev.crawler.politeness.PolitenessScheduler;
import dev.crawler.robots.RobotsRules;
import dev.crawler.url.UrlNormalizer;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sitemaps ({@code --sitemaps}): those robots.txt lists, a sitemap index points to, or a sitemap
 * redirects to, are fetched in their host's turn, like its pages, and read on a worker; each URL
 * they list comes in as a link found at depth 0. Only sitemaps of hosts in the crawl's scope,
 * that robots.txt allows, are read. Runs on the coordinator's thread.
 */
final class SitemapFollower {

    private static final Logger log = LoggerFactory.getLogger(SitemapFollower.class);

    private final SitemapQueue queue = new SitemapQueue();
    private final Fetcher fetcher;
    private final Frontier frontier;
    private final LinkIntake intake;
    private final EngineParts parts;
    private final long maxBodyBytes;

    SitemapFollower(Fetcher fetcher, Frontier frontier, LinkIntake intake, EngineParts parts, long maxBodyBytes) {
        this.fetcher = fetcher;
        this.frontier = frontier;
        this.intake = intake;
        this.parts = parts;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Whether {@code host} has anything to fetch: URLs or sitemaps. */
    boolean hostHasWork(String host) {
        return frontier.hasQueued(host) || queue.hasPending(host);
    }

    /** Whether {@code host} has a sitemap waiting. */
    boolean hasPending(String host) {
        return queue.hasPending(host);
    }

    /** Sitemaps waiting, over all hosts. */
    int pending() {
        return queue.size();
    }

    /** Queues a sitemap robots.txt listed (or a sitemap index or redirect pointed to), if in scope. */
    void queue(String listed) {
        Optional<String> url = UrlNormalizer.normalize(listed);
        String host = url.map(CrawlRequest::hostKeyOf).orElse(null);
        if (host == null || !intake.inScope(host)) {
            parts.workers().execute(() -> log.info("sitemap {} not read: not an http(s) URL in the crawl's scope",
                    listed));
            return;
        }
        boolean had = hostHasWork(host);
        if (queue.add(host, url.get()) && !had) {
            parts.scheduler().workArrived(host, parts.clock().getAsLong());
        }
    }

    /** Fetches the next sitemap of {@code host}, whose turn has come at {@code now}, if {@code rules} allow it. */
    void fetchNext(String host, RobotsRules rules, long now) {
        String url = queue.poll(host);
        PolitenessScheduler scheduler = parts.scheduler();
        if (!rules.allows(url)) {
            scheduler.skip(host, hostHasWork(host));
            parts.workers().execute(() -> log.info("sitemap {} not read: disallowed by robots.txt", url));
            return;
        }
        PolitenessScheduler.Start start = scheduler.started(host, now, hostHasWork(host));
        WorkPermits.Permit permit = parts.permits().take(WorkPermits.Kind.SITEMAP);
        RequestSlots.Slot slot = parts.slots().open(start);
        parts.stats().sitemaps.increment();
        fetcher.fetch(URI.create(url), Long.MAX_VALUE, slot)
                .whenComplete((r, e) -> parts.loop().execute(() -> fetched(slot, permit, url, r)));
    }

    private void fetched(RequestSlots.Slot slot, WorkPermits.Permit permit, String url, FetchResult result) {
        if (parts.engine().over()) {
            return;
        }
        slot.ended();
        if (result instanceof FetchResult.Response r && r.status() >= 200 && r.status() < 300) {
            String type = r.headers().first("Content-Type").orElse(null);
            CompletableFuture.supplyAsync(() -> SitemapReader.read(r.body(), type, url, maxBodyBytes), parts.workers())
                    .whenComplete((sitemap, e) -> parts.loop().execute(() -> read(permit, url, sitemap)));
            parts.engine().pump();
            return;
        }
        if (result instanceof FetchResult.Response r && r.status() >= 300 && r.status() < 400) {
            r.headers().first("Location").flatMap(l -> UrlNormalizer.resolve(url, l)).ifPresent(this::queue);
        } else {
            String why = result == null ? "the fetcher failed" : RetryState.describe(result)
                    + (result instanceof FetchResult.Failure f ? ": " + f.message() : "");
            parts.workers().execute(() -> log.warn("sitemap {} not read: {}", url, why));
        }
        permit.release();
        parts.engine().pump();
    }

    private void read(WorkPermits.Permit permit, String url, Optional<SitemapReader.Sitemap> sitemap) {
        if (parts.engine().over()) {
            return;
        }
        permit.release();
        if (sitemap == null || sitemap.isEmpty()) {
            parts.workers().execute(() -> log.warn("sitemap {} not read: not a sitemap crawler-commons can parse", url));
        } else {
            sitemap.get().sitemaps().forEach(this::queue);
            for (String u : sitemap.get().urls()) {
                parts.stats().sitemapUrls.increment();
                intake.consider(u, 0, url);
            }
        }
        parts.engine().pump();
    }
}
