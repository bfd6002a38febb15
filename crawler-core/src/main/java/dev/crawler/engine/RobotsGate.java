package dev.crawler.engine;

import dev.crawler.fetch.FetchProgress;
import dev.crawler.frontier.HostNote;
import dev.crawler.politeness.PolitenessScheduler;
import dev.crawler.robots.RobotsCache;
import dev.crawler.robots.RobotsLoader;
import dev.crawler.robots.RobotsPolicy;
import dev.crawler.robots.RobotsRules;
import dev.crawler.robots.RobotsRulesCodec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The robots.txt rules of each host, before any of its URLs is fetched. The first URL of a host
 * loads its robots.txt, as a request the host's politeness counts like any other (redirect hops
 * included); the host waits meanwhile. A robots.txt that cannot be had for a reason that may pass
 * (5xx, 429, unreachable) holds the host's URLs back while it is fetched again after a back-off;
 * only when the retries are used up is the host treated as unreachable. Known rules bring the
 * host's {@code Crawl-delay} and its sitemaps. Runs on the coordinator's thread.
 */
final class RobotsGate {

    private static final Logger log = LoggerFactory.getLogger(RobotsGate.class);

    private final RobotsCache cache;
    private final RobotsLoader loader;
    private final EngineParts parts;
    private final RetryState retries;
    private final Consumer<String> sitemapListed;
    private final Consumer<HostNote> noted;
    private final Map<String, Integer> failures = new HashMap<>();

    /**
     * @param sitemapListed told each sitemap a host's parsed robots.txt lists, or null to ignore them
     * @param noted told a host's rules once known, as a note for the host's next owner ({@link HostNotes})
     */
    RobotsGate(RobotsLoader loader, EngineParts parts, RetryState retries, Consumer<String> sitemapListed,
            Consumer<HostNote> noted) {
        this.loader = loader;
        this.noted = noted;
        this.parts = parts;
        this.cache = RobotsCache.withDefaults(parts.clock()::getAsLong); // rules expire on the engine's clock
        this.retries = retries;
        this.sitemapListed = sitemapListed;
    }

    /** The rules of {@code host}, if they are known. */
    Optional<RobotsRules> rules(String host) {
        return cache.get(host);
    }

    /**
     * Takes up the rules of {@code host} obtained where its URLs were handed out before, for what
     * is left of their time, unless rules are known here already; their Crawl-delay holds at once.
     * The sitemaps they list are queued here too: where they were read, they may not have been
     * fetched yet (their URLs, if they were, are duplicates now).
     */
    void restore(String host, RobotsRulesCodec.Dated dated) {
        if (cache.get(host).isPresent()) {
            return;
        }
        Duration age = Duration.ofMillis(System.currentTimeMillis() - dated.obtainedAtMillis());
        RobotsRules known = dated.rules();
        if (cache.putAged(host, known, age)) {
            follow(host, known);
        }
    }

    /** Rules of {@code host} now known here: their sitemaps are queued and their Crawl-delay holds. */
    private void follow(String host, RobotsRules known) {
        if (sitemapListed != null && known.source() == RobotsRules.Source.PARSED) {
            known.sitemaps().forEach(sitemapListed);
        }
        known.crawlDelay().ifPresent(d -> parts.scheduler().crawlDelay(host, d, parts.clock().getAsLong()));
    }

    /** Loads the robots.txt of {@code host}, whose turn has come at {@code now}; the host waits until it is known. */
    void load(String host, long now) {
        PolitenessScheduler.Start start = parts.scheduler().started(host, now, true);
        parts.scheduler().pause(host);
        WorkPermits.Permit permit = parts.permits().take(WorkPermits.Kind.ROBOTS);
        parts.stats().robotsFetches.increment();
        RequestSlots.Slot slot = parts.slots().open(start);
        loader.load(host, slot, this::hopWhenDue)
                .whenComplete((rules, e) -> parts.loop().execute(() -> loaded(host, slot, permit, rules)));
    }

    private void loaded(String host, RequestSlots.Slot slot, WorkPermits.Permit permit, RobotsRules rules) {
        if (parts.engine().over()) {
            return;
        }
        permit.release();
        slot.ended();
        RobotsRules known = rules != null ? rules : RobotsPolicy.unreachable();
        if (known.source() == RobotsRules.Source.UNREACHABLE) {
            int failed = failures.merge(host, 1, Integer::sum);
            Optional<Duration> wait = known.transientFailure() ? retries.robotsRetryDelay(failed)
                    : Optional.empty();
            if (wait.isPresent()) {
                later(host, known, wait.get());
                return;
            }
            known = new RobotsRules(known.rules(), known.source(), known.detail()
                    + (failed > 1 ? ", " + failed + " attempts" : ""), false);
        }
        failures.remove(host);
        cache.put(host, known);
        HostNotes.robots(host, known, System.currentTimeMillis()).ifPresent(noted);
        follow(host, known);
        parts.scheduler().resume(host);
        parts.engine().pump();
    }

    /**
     * robots.txt could not be had (5xx, 429, unreachable): nothing of the host may be fetched, so
     * its URLs wait, not refused yet, and robots.txt is fetched again after a back-off.
     */
    private void later(String host, RobotsRules rules, Duration wait) {
        long now = parts.clock().getAsLong();
        parts.scheduler().resume(host);
        parts.scheduler().backOff(host, now + wait.toNanos(), now);
        parts.workers().execute(() -> log.info(
                "robots.txt of {} could not be fetched ({}); its URLs wait, trying again in {} ms", host,
                rules.detail(), wait.toMillis()));
        parts.engine().pump();
    }

    /**
     * Lets a robots.txt redirect hop go when its own host may see a request, as the scheduler
     * decides for any start; the hop holds that host's spacing until it is written and its
     * connection slot until it ends. Called from any thread; decides on the coordinator's.
     */
    private CompletableFuture<RobotsLoader.Hop> hopWhenDue(String url) {
        CompletableFuture<RobotsLoader.Hop> due = new CompletableFuture<>();
        String host = dev.crawler.frontier.CrawlRequest.hostKeyOf(url);
        parts.loop().execute(() -> letHopGo(host, due));
        return due;
    }

    private void letHopGo(String host, CompletableFuture<RobotsLoader.Hop> due) {
        if (parts.engine().over()) {
            due.completeExceptionally(new CancellationException("the crawl ended"));
            return;
        }
        long now = parts.clock().getAsLong();
        long at = parts.scheduler().hopAllowedAt(host, now);
        if (at != now) {
            parts.loop().schedule(() -> letHopGo(host, due), at - now, TimeUnit.NANOSECONDS);
            return;
        }
        PolitenessScheduler.Start start = parts.scheduler().startHop(host, now);
        FetchProgress sent = parts.slots().sentTo(start);
        due.complete(new RobotsLoader.Hop() {
            @Override
            public void sent(long at) {
                sent.sent(at);
            }

            @Override
            public void ended() {
                parts.loop().execute(() -> {
                    start.finished(parts.clock().getAsLong());
                    parts.engine().pump();
                });
            }
        });
    }
}
