package dev.crawler;

import dev.crawler.CrawlSummary.StopReason;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.Fetcher;
import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.Frontier;
import dev.crawler.parse.UrlFilter;
import dev.crawler.politeness.PolitenessScheduler;
import dev.crawler.robots.RobotsCache;
import dev.crawler.robots.RobotsLoader;
import dev.crawler.robots.RobotsRules;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl's state machine. It owns the frontier, the politeness scheduler and the robots
 * cache, and runs every step on one coordinator thread (in async mode, the fetcher's own event
 * loop), so none of that state needs a lock.
 *
 * <p>One step, {@link #pump()}, hands out requests while there is room: it takes the host whose
 * turn has come from the scheduler, fetches its robots.txt first if the rules are not known,
 * otherwise takes the host's next URL from the frontier and starts the fetch. A finished fetch
 * frees the host's slot at once and goes to the worker executor, which writes the page and the
 * index line and extracts links; the links come back here, pass scope, depth and filters, and
 * enter the frontier. When no host may start now, one timer wakes the loop at the earliest time
 * a host may. The crawl is over when nothing is queued (or the page budget is spent, or a stop
 * was asked for) and nothing is under way.
 *
 * <p>{@code active} counts everything under way: fetches, robots loads and work on the executor.
 * It is capped by the concurrency limit, which bounds the memory held by responses.
 */
final class CrawlCoordinator {

    private static final Logger log = LoggerFactory.getLogger(CrawlCoordinator.class);
    private static final int MAX_REDIRECTS = 10;

    private final CrawlConfig config;
    private final Fetcher fetcher;
    private final EventExecutor loop;
    private final Executor workers;
    private final Frontier frontier;
    private final PolitenessScheduler scheduler;
    private final RobotsCache robotsCache;
    private final RobotsLoader robotsLoader;
    private final CrawlScope scope;
    private final UrlFilter filter;
    private final PageProcessor processor;
    private final CrawlStats stats;
    private final LongSupplier clock;
    private final int maxActive;
    private final CompletableFuture<StopReason> done = new CompletableFuture<>();

    private int active;
    private long pagesStarted;
    private boolean stopping;
    private ScheduledFuture<?> wakeup;
    private long wakeupAt;

    CrawlCoordinator(CrawlConfig config, Fetcher fetcher, EventExecutor loop, Executor workers,
            Frontier frontier, PolitenessScheduler scheduler, RobotsCache robotsCache,
            RobotsLoader robotsLoader, PageProcessor processor, CrawlStats stats, int maxActive) {
        this.config = config;
        this.fetcher = fetcher;
        this.loop = loop;
        this.workers = workers;
        this.frontier = frontier;
        this.scheduler = scheduler;
        this.robotsCache = robotsCache;
        this.robotsLoader = robotsLoader;
        this.scope = new CrawlScope(config.scope(), config.seeds());
        this.filter = config.filter();
        this.processor = processor;
        this.stats = stats;
        this.clock = System::nanoTime;
        this.maxActive = maxActive;
    }

    /** Queues the seeds and starts crawling; the future completes when the crawl is over. */
    CompletableFuture<StopReason> start() {
        loop.execute(() -> {
            for (String seed : config.seeds()) {
                enqueue(CrawlRequest.of(seed, 0, null, 0));
            }
            pump();
        });
        return done;
    }

    /** Stops handing out requests; the crawl ends when what is under way has finished. */
    void stop() {
        loop.execute(() -> {
            stopping = true;
            pump();
        });
    }

    private void pump() {
        if (!stopping && !budgetSpent()) {
            long now = clock.getAsLong();
            while (active < maxActive && !budgetSpent()) {
                Optional<String> host = scheduler.nextReady(now);
                if (host.isEmpty()) {
                    break;
                }
                dispatch(host.get(), now);
            }
            armWakeup(now);
        }
        updateGauges();
        checkDone();
    }

    private void dispatch(String host, long now) {
        if (config.respectRobots()) {
            Optional<RobotsRules> rules = robotsCache.get(host);
            if (rules.isEmpty()) {
                loadRobots(host, now);
                return;
            }
            CrawlRequest request = frontier.poll(host).orElseThrow();
            if (!rules.get().allows(request.url())) {
                scheduler.skip(host, frontier.hasQueued(host));
                refuse(request, rules.get().source() == RobotsRules.Source.UNREACHABLE
                        ? "robots_unreachable: robots.txt could not be fetched, host skipped"
                        : "robots_denied: disallowed by robots.txt");
                return;
            }
            fetch(request, now);
        } else {
            fetch(frontier.poll(host).orElseThrow(), now);
        }
    }

    private void fetch(CrawlRequest request, long now) {
        scheduler.started(request.hostKey(), now, frontier.hasQueued(request.hostKey()));
        active++;
        pagesStarted++;
        stats.inFlight.incrementAndGet();
        fetcher.fetch(request.uri()).whenComplete((result, error) -> loop.execute(() -> fetched(request, result, error)));
    }

    private void fetched(CrawlRequest request, FetchResult result, Throwable error) {
        scheduler.finished(request.hostKey());
        stats.inFlight.decrementAndGet();
        if (error != null) {
            log.error("fetcher failed unexpectedly on {}", request.url(), error);
            active--;
            pump();
            return;
        }
        CompletableFuture.supplyAsync(() -> processor.process(request, result), workers)
                .whenComplete((next, e) -> loop.execute(() -> processed(request, next, e)));
        pump();
    }

    private void processed(CrawlRequest request, PageProcessor.Next next, Throwable error) {
        active--;
        if (error != null) {
            log.error("processing {} failed", request.url(), error);
        } else {
            next.redirect().ifPresent(target -> followRedirect(request, target));
            for (String link : next.links()) {
                consider(link, request.depth() + 1, request.url());
            }
        }
        pump();
    }

    private void followRedirect(CrawlRequest from, String target) {
        if (from.redirects() + 1 > MAX_REDIRECTS) {
            log.info("{}: more than {} redirects, not following {}", from.url(), MAX_REDIRECTS, target);
            return;
        }
        if (admissible(target, from.depth())) {
            enqueue(CrawlRequest.of(target, from.depth(), from.referrer(), from.redirects() + 1));
        }
    }

    private void consider(String url, int depth, String referrer) {
        if (admissible(url, depth)) {
            enqueue(CrawlRequest.of(url, depth, referrer, 0));
        }
    }

    private boolean admissible(String url, int depth) {
        if (config.maxDepth() >= 0 && depth > config.maxDepth()) {
            stats.tooDeep.increment();
            return false;
        }
        if (!scope.allows(url)) {
            stats.outOfScope.increment();
            return false;
        }
        if (!filter.accepts(url)) {
            stats.filtered.increment();
            return false;
        }
        return true;
    }

    private void enqueue(CrawlRequest request) {
        if (frontier.offer(request) == Frontier.Offer.QUEUED_NEW_HOST) {
            scheduler.workArrived(request.hostKey(), clock.getAsLong());
        }
    }

    private void refuse(CrawlRequest request, String why) {
        active++;
        CompletableFuture.runAsync(() -> processor.denied(request, why), workers)
                .whenComplete((v, e) -> loop.execute(() -> {
                    active--;
                    if (e != null) {
                        log.error("recording {} failed", request.url(), e);
                    }
                    pump();
                }));
    }

    private void loadRobots(String host, long now) {
        scheduler.started(host, now, true);
        scheduler.pause(host);
        active++;
        stats.robotsFetches.increment();
        stats.inFlight.incrementAndGet();
        robotsLoader.load(host).whenComplete((rules, e) -> loop.execute(() -> robotsLoaded(host, rules)));
    }

    private void robotsLoaded(String host, RobotsRules rules) {
        active--;
        stats.inFlight.decrementAndGet();
        RobotsRules known = rules != null ? rules : dev.crawler.robots.RobotsPolicy.unreachable();
        robotsCache.put(host, known);
        known.crawlDelay().ifPresent(d -> scheduler.crawlDelay(host, d, clock.getAsLong()));
        scheduler.finished(host);
        scheduler.resume(host);
        pump();
    }

    private boolean budgetSpent() {
        return config.maxPages() > 0 && pagesStarted >= config.maxPages();
    }

    private void armWakeup(long now) {
        if (active >= maxActive) {
            return;
        }
        scheduler.nextWakeup().ifPresent(at -> {
            if (wakeup != null && !wakeup.isDone() && wakeupAt - at <= 0) {
                return;
            }
            if (wakeup != null) {
                wakeup.cancel(false);
            }
            wakeupAt = at;
            wakeup = loop.schedule(this::pump, Math.max(0, at - now), TimeUnit.NANOSECONDS);
        });
    }

    private void updateGauges() {
        stats.queued.set(frontier.queued());
        stats.seen.set(frontier.seen());
    }

    private void checkDone() {
        if (active > 0 || done.isDone()) {
            return;
        }
        StopReason reason;
        if (stopping) {
            reason = StopReason.STOPPED;
        } else if (budgetSpent()) {
            reason = StopReason.MAX_PAGES;
        } else if (frontier.queued() == 0) {
            reason = StopReason.COMPLETED;
        } else {
            return;
        }
        if (wakeup != null) {
            wakeup.cancel(false);
        }
        done.complete(reason);
    }
}
