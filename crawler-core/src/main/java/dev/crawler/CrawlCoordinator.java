package dev.crawler;

import dev.crawler.CrawlSummary.StopReason;
import dev.crawler.export.IndexEntry;
import dev.crawler.export.IndexWriter;
import dev.crawler.export.OutputException;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.Fetcher;
import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.Frontier;
import dev.crawler.parse.SitemapReader;
import dev.crawler.parse.UrlNormalizer;
import dev.crawler.politeness.PolitenessScheduler;
import dev.crawler.robots.RobotsCache;
import dev.crawler.robots.RobotsLoader;
import dev.crawler.robots.RobotsPolicy;
import dev.crawler.robots.RobotsRules;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
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
 * <p>Everything under way holds a {@link WorkPermits.Permit}: a fetch from its start until its
 * outcome is durable, a robots.txt load, a sitemap, a refusal being recorded. Each is released
 * exactly once, where its work ends; the permits held are capped by the concurrency limit, which
 * bounds the memory held by responses.
 *
 * <p>Persistence: a URL's work ends when the frontier has made its outcome durable together with
 * the links it led to ({@link Frontier#finish}); only then is its index line published, and only
 * then is its permit released. A failure to write state or output (disk full) ends the
 * crawl with that failure; what was written stays consistent, so the next run resumes it.
 *
 * <p>The hostile web: a result that may pass (5xx, 429, a reset, a timeout) goes back to the head
 * of its host's queue and the host backs off (Retry-After, else exponential back-off with jitter),
 * a bounded number of times; a host that fails too often in a row is given up, its remaining URLs
 * recorded as {@code host_unavailable} without a request. An unreachable robots.txt holds the
 * host's URLs back while it is fetched again later, and only after the retries are used up are
 * they refused. Redirects are judged here, before the response is recorded: loops, chains over
 * {@value RedirectChains#MAX_REDIRECTS}, Locations that are missing or not http(s), and targets refused by scope
 * or trap rules get their reason in the redirect's index line. Links pass the trap rules
 * ({@link dev.crawler.parse.TrapGuard}); a refused one gets its own index line and counter.
 */
final class CrawlCoordinator {

    private static final Logger log = LoggerFactory.getLogger(CrawlCoordinator.class);

    private final CrawlConfig config;
    private final Fetcher fetcher;
    private final EventExecutor loop;
    private final Executor workers;
    private final Frontier frontier;
    private final PolitenessScheduler scheduler;
    private final RobotsCache robotsCache = RobotsCache.withDefaults();
    private final RobotsLoader robotsLoader;
    private final LinkAdmission admission;
    private final PageProcessor processor;
    private final PendingIndex index;
    private final CrawlStats stats;
    private final LongSupplier clock;
    private final InstantSource wallClock;
    private final int maxActive;
    private final CompletableFuture<StopReason> done = new CompletableFuture<>();
    private final RetryState retries;
    private final RedirectChains redirectChains = new RedirectChains();
    private final SitemapQueue sitemaps = new SitemapQueue();
    private final Map<String, Integer> robotsFailures = new HashMap<>();

    private final WorkPermits permits = new WorkPermits();
    private long pagesStarted;
    private boolean stopping;
    private final WakeupTimer wakeup;

    /**
     * The threads the engine runs on and the fetcher it drives.
     *
     * @param loop the coordinator's thread: every step of the state machine runs there (in async
     *     mode, the fetcher's own event loop)
     * @param workers where pages are processed and files written, never the loop
     * @param maxActive the most requests, robots.txt loads, sitemaps and refusals under way at once
     */
    record Io(Fetcher fetcher, EventExecutor loop, Executor workers, int maxActive) {
    }

    /** Where outcomes go: the page processor, the index lines it holds until commit, the counters. */
    record Output(PageProcessor processor, PendingIndex index, CrawlStats stats) {
    }

    CrawlCoordinator(CrawlConfig config, Io io, Frontier frontier, Output output, EngineClock clock) {
        this.config = config;
        this.fetcher = io.fetcher();
        this.loop = io.loop();
        this.workers = io.workers();
        this.maxActive = io.maxActive();
        this.frontier = frontier;
        this.scheduler = new PolitenessScheduler(config.politeness(), frontier::queued, CrawlRequest::hostOfKey);
        this.robotsLoader = new RobotsLoader(fetcher, new RobotsPolicy(config.robotsAgent()), workers);
        this.processor = output.processor();
        this.index = output.index();
        this.stats = output.stats();
        this.admission = new LinkAdmission(config, stats);
        this.clock = clock.nanoTime();
        this.wallClock = clock.wall();
        this.wakeup = new WakeupTimer(loop, this::pump);
        this.retries = new RetryState(config.retry(), clock.random());
        frontier.onReady(this::hostReady);
        frontier.onFailure(this::fail);
    }

    /** Why a crawl whose thread died ends; the thread is gone, so the watchdog ends it. */
    static final String LOOP_DIED = "the crawl's event loop stopped unexpectedly, on an error such as"
            + " OutOfMemoryError (crawler.log has it); what was crawled is saved: give the JVM more heap"
            + " or lower the concurrency, and run the same crawl again to resume";

    /** Queues the seeds and starts crawling; the future completes when the crawl is over. */
    CompletableFuture<StopReason> start() {
        Watchdog watchdog = new Watchdog(loop, this::audit, Duration.ofSeconds(1), dump -> {
            stats.stalls.increment();
            if (config.failOnStall()) {
                loop.execute(() -> fail(new IllegalStateException("the crawl stalled (failOnStall is set): " + dump)));
            }
        }, done::isDone, this::loopDied);
        done.whenComplete((r, e) -> watchdog.close());
        loop.execute(() -> {
            for (String seed : config.seeds()) {
                enqueue(CrawlRequest.of(seed, 0, null, 0));
            }
            pump();
        });
        return done;
    }

    /**
     * Stops handing out requests; the crawl ends when what is under way has finished, or after
     * {@code grace} (null: no limit), leaving what is still under way queued for the next run.
     */
    void stop(java.time.Duration grace) {
        try {
            loop.execute(() -> {
                stopping = true;
                if (grace != null && !done.isDone()) {
                    loop.schedule(this::abandon, grace.toNanos(), TimeUnit.NANOSECONDS);
                }
                pump();
            });
        } catch (RejectedExecutionException e) {
            if (!done.isDone()) {
                loopDied(); // nothing runs on the loop any more: stopping means ending it here
            }
        }
    }

    /**
     * The coordinator's thread is gone before the crawl was over (an error such as
     * OutOfMemoryError ended it): ends the crawl with that error, from the calling thread, since
     * nothing will run on the loop again. What was committed stays; what was under way is still
     * queued in the frontier for the next run.
     */
    private void loopDied() {
        done.completeExceptionally(new IllegalStateException(LOOP_DIED));
    }

    /** Ends the crawl now; requests under way stay queued in the frontier for the next run. */
    private void abandon() {
        if (!done.isDone()) {
            log.info("{} requests still under way after the grace period; they stay queued for the next run",
                    permits.held());
            finishWith(StopReason.STOPPED);
        }
    }

    /** Ends the crawl with {@code error} (state or output not writable); in-flight work stays queued. */
    private void fail(Throwable error) {
        if (!done.isDone()) {
            stopping = true;
            wakeup.cancel();
            done.completeExceptionally(error);
        }
    }

    private void hostReady(String host) {
        if (!done.isDone()) {
            scheduler.workArrived(host, clock.getAsLong());
            pump();
        }
    }

    private void pump() {
        if (!stopping && !budgetSpent()) {
            long now = clock.getAsLong();
            while (permits.held() < maxActive && !budgetSpent()) {
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
        if (retries.givenUp(host).isPresent()) {
            giveUpNext(host);
            return;
        }
        if (config.respectRobots()) {
            Optional<RobotsRules> rules = robotsCache.get(host);
            if (rules.isEmpty()) {
                loadRobots(host, now);
                return;
            }
            if (sitemaps.hasPending(host)) {
                fetchSitemap(host, rules.get(), now);
                return;
            }
            Optional<CrawlRequest> next = frontier.poll(host);
            if (next.isEmpty()) {
                scheduler.skip(host, false); // its next URLs are being read back; onReady brings it back
                return;
            }
            CrawlRequest request = next.get();
            if (!rules.get().allows(request.url())) {
                scheduler.skip(host, hasWork(host));
                retries.finish(request.url());
                redirectChains.ended(request.url());
                refuse(request, rules.get().source() == RobotsRules.Source.UNREACHABLE
                        ? "robots_unreachable: robots.txt could not be fetched (" + rules.get().detail()
                                + "); the host is not crawled"
                        : "robots_denied: disallowed by robots.txt");
                return;
            }
            fetch(request, now);
        } else {
            Optional<CrawlRequest> next = frontier.poll(host);
            if (next.isEmpty()) {
                scheduler.skip(host, false);
                return;
            }
            fetch(next.get(), now);
        }
    }

    /** Whether {@code host} has anything to fetch: URLs or sitemaps. */
    private boolean hasWork(String host) {
        return frontier.hasQueued(host) || sitemaps.hasPending(host);
    }

    /** The host was given up: its next URL is recorded as such, without a request. */
    private void giveUpNext(String host) {
        Optional<CrawlRequest> next = frontier.poll(host);
        scheduler.skip(host, next.isPresent() && hasWork(host));
        if (next.isPresent()) {
            CrawlRequest request = next.get();
            retries.finish(request.url());
            redirectChains.ended(request.url());
            String why = "host_unavailable: gave up on " + host + " after " + retries.givenUp(host).orElse("failures");
            refuse(request, () -> processor.refused(request, why));
        }
    }

    private void fetch(CrawlRequest request, long now) {
        PolitenessScheduler.Start start = scheduler.started(request.hostKey(), now, hasWork(request.hostKey()));
        WorkPermits.Permit permit = permits.take(WorkPermits.Kind.FETCH);
        if (retries.begin(request.url()) == 1) {
            pagesStarted++; // retries do not spend the page budget
        }
        stats.inFlight.incrementAndGet();
        fetcher.fetch(request.uri(), Long.MAX_VALUE, sentTo(start))
                .whenComplete((result, error) -> loop.execute(() -> fetched(request, start, permit, result, error)));
    }

    /**
     * Tells {@code start}, on the coordinator's thread, when its request was written: at once when
     * the fetcher writes on that thread (async mode), else through a task.
     */
    private LongConsumer sentTo(PolitenessScheduler.Start start) {
        return at -> {
            if (loop.inEventLoop()) {
                start.sent(at);
            } else {
                loop.execute(() -> start.sent(at));
            }
        };
    }

    /**
     * Lets a robots.txt redirect hop go when its own host may see a request, as the scheduler
     * decides for any start; the hop holds that host's spacing until it is written and its
     * connection slot until it ends. Called from any thread; decides on the coordinator's.
     */
    private CompletableFuture<RobotsLoader.Hop> hopWhenDue(String url) {
        CompletableFuture<RobotsLoader.Hop> due = new CompletableFuture<>();
        String host = CrawlRequest.hostKeyOf(url);
        loop.execute(() -> letHopGo(host, due));
        return due;
    }

    private void letHopGo(String host, CompletableFuture<RobotsLoader.Hop> due) {
        if (done.isDone()) {
            due.completeExceptionally(new CancellationException("the crawl ended"));
            return;
        }
        long now = clock.getAsLong();
        long at = scheduler.hopAllowedAt(host, now);
        if (at != now) {
            loop.schedule(() -> letHopGo(host, due), at - now, TimeUnit.NANOSECONDS);
            return;
        }
        PolitenessScheduler.Start start = scheduler.startHop(host, now);
        LongConsumer sent = sentTo(start);
        due.complete(new RobotsLoader.Hop() {
            @Override
            public void sent(long at) {
                sent.accept(at);
            }

            @Override
            public void ended() {
                loop.execute(() -> {
                    start.finished(clock.getAsLong());
                    pump();
                });
            }
        });
    }

    /** A request to a host ended: gives back its slot (counting it as sent now if it never was). */
    private void ended(PolitenessScheduler.Start start) {
        start.finished(clock.getAsLong());
        stats.inFlight.decrementAndGet();
    }

    private void fetched(CrawlRequest request, PolitenessScheduler.Start start, WorkPermits.Permit permit,
            FetchResult result, Throwable error) {
        if (done.isDone()) {
            return; // abandoned: still queued in the frontier
        }
        ended(start);
        if (error != null) {
            log.error("fetcher failed unexpectedly on {}", request.url(), error);
            retries.finish(request.url());
            permit.release();
            pump();
            return;
        }
        Instant at = wallClock.instant(); // one moment for both decisions on a Retry-After date
        if (retryLater(request, result, at)) {
            permit.release();
            pump();
            return;
        }
        Optional<RetryState.RateLimited> limited = retries.rateLimited(result, at);
        limited.ifPresent(l -> {
            long now = clock.getAsLong();
            scheduler.backOff(request.hostKey(), now + l.hostWait().toNanos(), now);
            redirectChains.ended(request.url());
        });
        Optional<String> note = limited.isPresent() ? limited.map(RetryState.RateLimited::why) : note(request, result);
        PageProcessor.Verdict verdict = new PageProcessor.Verdict(retries.finish(request.url()), note);
        CompletableFuture.supplyAsync(() -> processor.process(request, result, verdict), workers)
                .whenComplete((next, e) -> loop.execute(() -> processed(request, permit, next, e)));
        pump();
    }

    /**
     * A result that may pass if tried again, with attempts left: the host backs off (Retry-After,
     * else exponential back-off with jitter) and the URL goes back to the head of its queue.
     */
    private boolean retryLater(CrawlRequest request, FetchResult result, Instant at) {
        String host = request.hostKey();
        boolean wasGivenUp = retries.givenUp(host).isPresent();
        Optional<Duration> wait = retries.retryDelay(request, result, at);
        if (!wasGivenUp && retries.givenUp(host).isPresent()) {
            stats.hostsGivenUp.increment();
            String why = retries.givenUp(host).get();
            workers.execute(() -> log.warn("giving up on {} after {}; its remaining URLs are not fetched", host, why));
        }
        if (wait.isEmpty()) {
            return false;
        }
        long now = clock.getAsLong();
        scheduler.backOff(host, now + wait.get().toNanos(), now);
        if (frontier.requeue(request)) {
            scheduler.workArrived(host, now);
        }
        stats.retries.increment();
        int attempt = retries.attempts(request.url()) + 1;
        int of = config.retry().maxRetries() + 1;
        workers.execute(() -> log.info("{}: {}; trying again in {} ms (attempt {} of {})", request.url(),
                RetryState.describe(result), wait.get().toMillis(), attempt, of));
        return true;
    }

    /** What the index line of a final result must say beyond the result itself, if anything. */
    private Optional<String> note(CrawlRequest request, FetchResult result) {
        Optional<String> givenUp = retries.givenUp(request.hostKey());
        if (givenUp.isPresent() && dev.crawler.fetch.RetryPolicy.retryable(result)) {
            redirectChains.ended(request.url());
            return Optional.of("host_unavailable: gave up on " + request.hostKey() + " after " + givenUp.get());
        }
        if (result instanceof FetchResult.Response r && r.status() >= 300 && r.status() < 400) {
            return redirect(request, r);
        }
        redirectChains.ended(request.url());
        return Optional.empty();
    }

    /**
     * Follows a redirect if it may be followed (its target is queued); otherwise says why not, for
     * the redirect's own index line.
     */
    private Optional<String> redirect(CrawlRequest from, FetchResult.Response r) {
        Optional<String> why = switch (redirectChains.judge(from, r)) {
            case RedirectChains.Refuse refuse -> Optional.of(refuse.why());
            case RedirectChains.Follow follow -> follow(from, follow.target());
        };
        why.ifPresent(w -> redirectChains.ended(from.url()));
        return why;
    }

    /** Queues a redirect's target unless scope or traps refuse it; says why not, if they do. */
    private Optional<String> follow(CrawlRequest from, String target) {
        String hostKey = CrawlRequest.hostKeyOf(target);
        Optional<String> refused = refusal(target, hostKey, from.depth(), from.url());
        if (refused.isPresent()) {
            return Optional.of("redirect_not_followed: " + target + " " + refused.get());
        }
        if (enqueue(new CrawlRequest(target, hostKey, from.depth(), from.referrer(), from.redirects() + 1))
                != Frontier.Offer.DUPLICATE) {
            redirectChains.followed(from.url(), target);
        }
        return Optional.empty();
    }

    private void processed(CrawlRequest request, WorkPermits.Permit permit, PageProcessor.Next next, Throwable error) {
        if (done.isDone()) {
            return;
        }
        if (error != null) {
            permit.release();
            Throwable cause = unwrap(error);
            if (cause instanceof dev.crawler.export.OutputException) {
                fail(cause);
                return;
            }
            log.error("processing {} failed; it stays queued for the next run", request.url(), error);
            pump();
            return;
        }
        // a redirect's target was judged and queued when its response came (see fetched)
        List<String> links = next.links();
        int cap = admission.maxLinksPerPage();
        if (cap > 0 && links.size() > cap) {
            int dropped = links.size() - cap;
            stats.linksDropped.add(dropped);
            workers.execute(() -> log.info("{}: {} links, only the first {} are followed", request.url(),
                    cap + dropped, cap));
            links = links.subList(0, cap);
        }
        for (String link : links) {
            consider(link, request.depth() + 1, request.url());
        }
        complete(request, permit);
    }

    /** The cause a {@link java.util.concurrent.CompletionException} wraps, or {@code error} itself. */
    private static Throwable unwrap(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
    }

    /**
     * Makes the outcome of {@code request} durable with the URLs it led to, then publishes its
     * index line; the request holds {@code permit} until then.
     */
    private void complete(CrawlRequest request, WorkPermits.Permit permit) {
        byte[] line = index.take(request.url()).orElse(null);
        frontier.finish(request, line)
                .thenRunAsync(() -> publish(line), workers)
                .whenComplete((v, e) -> loop.execute(() -> committed(request, permit, e)));
    }

    private void publish(byte[] line) {
        if (line != null) {
            try {
                index.publish(line);
            } catch (java.io.IOException e) {
                throw new dev.crawler.export.OutputException(e.getMessage(), e);
            }
        }
    }

    private void committed(CrawlRequest request, WorkPermits.Permit permit, Throwable error) {
        if (done.isDone()) {
            return;
        }
        permit.release();
        if (error != null) {
            fail(unwrap(error));
            return;
        }
        frontier.published(request);
        pump();
    }

    private void consider(String url, int depth, String referrer) {
        String hostKey = CrawlRequest.hostKeyOf(url);
        if (refusal(url, hostKey, depth, referrer).isEmpty()) {
            enqueue(new CrawlRequest(url, hostKey, depth, referrer, 0));
        }
    }

    /**
     * Why {@code url} found at {@code depth} is not queued, or empty if it may be. A URL refused by
     * a trap rule also gets an index line, once.
     */
    private Optional<String> refusal(String url, String hostKey, int depth, String referrer) {
        Optional<LinkAdmission.Refusal> refusal = admission.check(url, hostKey, depth);
        refusal.flatMap(LinkAdmission.Refusal::trap).ifPresent(trap -> {
            if (frontier.markSeen(url)) {
                stats.trap(trap.kind());
                publishRefusal(IndexEntries.refusedLink(url, depth, referrer, trap.indexError()));
            }
        });
        return refusal.map(LinkAdmission.Refusal::reason);
    }

    /** Appends the index line of a URL refused before it was queued, and logs it, on a worker. */
    private void publishRefusal(IndexEntry entry) {
        byte[] line;
        try {
            line = IndexWriter.line(entry);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        WorkPermits.Permit permit = permits.take(WorkPermits.Kind.REFUSAL);
        // journaled with the URL's seen mark first, so a crash can neither lose nor repeat the line
        frontier.record(entry.url(), line).thenRunAsync(() -> {
            log.info("{} not queued: {}", entry.url(), entry.error());
            publish(line);
        }, workers).whenComplete((v, e) -> loop.execute(() -> {
            if (done.isDone()) {
                return;
            }
            permit.release();
            if (e != null) {
                fail(unwrap(e));
                return;
            }
            frontier.published(entry.url());
            pump();
        }));
    }

    private Frontier.Offer enqueue(CrawlRequest request) {
        Frontier.Offer offer = frontier.offer(request);
        if (offer != Frontier.Offer.DUPLICATE) {
            admission.admitted(request.url(), request.hostKey());
        }
        if (offer == Frontier.Offer.QUEUED_NEW_HOST) {
            scheduler.workArrived(request.hostKey(), clock.getAsLong());
        } else if (offer == Frontier.Offer.QUEUED) {
            scheduler.backlogChanged(request.hostKey());
        }
        return offer;
    }

    private void refuse(CrawlRequest request, String why) {
        refuse(request, () -> processor.denied(request, why));
    }

    /** Records a polled URL that is not fetched ({@code record} writes its line), then completes it. */
    private void refuse(CrawlRequest request, Runnable record) {
        WorkPermits.Permit permit = permits.take(WorkPermits.Kind.REFUSAL);
        CompletableFuture.runAsync(record, workers)
                .whenComplete((v, e) -> loop.execute(() -> {
                    if (done.isDone()) {
                        return;
                    }
                    if (e != null) {
                        permit.release();
                        log.error("recording {} failed", request.url(), e);
                        pump();
                        return;
                    }
                    complete(request, permit);
                }));
    }

    private void loadRobots(String host, long now) {
        PolitenessScheduler.Start start = scheduler.started(host, now, true);
        scheduler.pause(host);
        WorkPermits.Permit permit = permits.take(WorkPermits.Kind.ROBOTS);
        stats.robotsFetches.increment();
        stats.inFlight.incrementAndGet();
        robotsLoader.load(host, sentTo(start), this::hopWhenDue)
                .whenComplete((rules, e) -> loop.execute(() -> robotsLoaded(host, start, permit, rules)));
    }

    private void robotsLoaded(String host, PolitenessScheduler.Start start, WorkPermits.Permit permit,
            RobotsRules rules) {
        if (done.isDone()) {
            return;
        }
        permit.release();
        ended(start);
        RobotsRules known = rules != null ? rules : dev.crawler.robots.RobotsPolicy.unreachable();
        if (known.source() == RobotsRules.Source.UNREACHABLE) {
            int failures = robotsFailures.merge(host, 1, Integer::sum);
            Optional<Duration> wait = known.transientFailure() ? retries.robotsRetryDelay(failures) : Optional.empty();
            if (wait.isPresent()) {
                robotsLater(host, known, wait.get());
                return;
            }
            known = new RobotsRules(known.rules(), known.source(), known.detail()
                    + (failures > 1 ? ", " + failures + " attempts" : ""), false);
        }
        robotsFailures.remove(host);
        robotsCache.put(host, known);
        if (config.sitemaps() && known.source() == RobotsRules.Source.PARSED) {
            known.sitemaps().forEach(this::queueSitemap);
        }
        known.crawlDelay().ifPresent(d -> scheduler.crawlDelay(host, d, clock.getAsLong()));
        scheduler.resume(host);
        pump();
    }

    /**
     * robots.txt could not be had (5xx, 429, unreachable): nothing of the host may be fetched, so
     * its URLs wait, not refused yet, and robots.txt is fetched again after a back-off.
     */
    private void robotsLater(String host, RobotsRules rules, Duration wait) {
        long now = clock.getAsLong();
        scheduler.resume(host);
        scheduler.backOff(host, now + wait.toNanos(), now);
        workers.execute(() -> log.info("robots.txt of {} could not be fetched ({}); its URLs wait, trying again in {} ms",
                host, rules.detail(), wait.toMillis()));
        pump();
    }

    /** Queues a sitemap robots.txt listed (or a sitemap index or redirect pointed to), if in scope. */
    private void queueSitemap(String listed) {
        Optional<String> url = UrlNormalizer.normalize(listed);
        String host = url.map(CrawlRequest::hostKeyOf).orElse(null);
        if (host == null || !admission.inScope(host)) {
            workers.execute(() -> log.info("sitemap {} not read: not an http(s) URL in the crawl's scope", listed));
            return;
        }
        boolean had = hasWork(host);
        if (sitemaps.add(host, url.get()) && !had) {
            scheduler.workArrived(host, clock.getAsLong());
        }
    }

    private void fetchSitemap(String host, RobotsRules rules, long now) {
        String url = sitemaps.poll(host);
        if (!rules.allows(url)) {
            scheduler.skip(host, hasWork(host));
            workers.execute(() -> log.info("sitemap {} not read: disallowed by robots.txt", url));
            return;
        }
        PolitenessScheduler.Start start = scheduler.started(host, now, hasWork(host));
        WorkPermits.Permit permit = permits.take(WorkPermits.Kind.SITEMAP);
        stats.inFlight.incrementAndGet();
        stats.sitemaps.increment();
        fetcher.fetch(URI.create(url), Long.MAX_VALUE, sentTo(start))
                .whenComplete((r, e) -> loop.execute(() -> sitemapFetched(start, permit, url, r)));
    }

    private void sitemapFetched(PolitenessScheduler.Start start, WorkPermits.Permit permit, String url,
            FetchResult result) {
        if (done.isDone()) {
            return;
        }
        ended(start);
        if (result instanceof FetchResult.Response r && r.status() >= 200 && r.status() < 300) {
            long max = config.fetch().maxBodyBytes();
            String type = r.headers().first("Content-Type").orElse(null);
            CompletableFuture.supplyAsync(() -> SitemapReader.read(r.body(), type, url, max), workers)
                    .whenComplete((sitemap, e) -> loop.execute(() -> sitemapRead(permit, url, sitemap)));
            pump();
            return;
        }
        if (result instanceof FetchResult.Response r && r.status() >= 300 && r.status() < 400) {
            r.headers().first("Location").flatMap(l -> UrlNormalizer.resolve(url, l)).ifPresent(this::queueSitemap);
        } else {
            String why = result == null ? "the fetcher failed" : RetryState.describe(result)
                    + (result instanceof FetchResult.Failure f ? ": " + f.message() : "");
            workers.execute(() -> log.warn("sitemap {} not read: {}", url, why));
        }
        permit.release();
        pump();
    }

    private void sitemapRead(WorkPermits.Permit permit, String url, Optional<SitemapReader.Sitemap> sitemap) {
        if (done.isDone()) {
            return;
        }
        permit.release();
        if (sitemap == null || sitemap.isEmpty()) {
            workers.execute(() -> log.warn("sitemap {} not read: not a sitemap crawler-commons can parse", url));
        } else {
            sitemap.get().sitemaps().forEach(this::queueSitemap);
            for (String u : sitemap.get().urls()) {
                stats.sitemapUrls.increment();
                consider(u, 0, url);
            }
        }
        pump();
    }

    /** Hosts a stall dump lists at most. */
    private static final int MAX_HOSTS_IN_DUMP = 20;

    /**
     * Checks, on the coordinator's thread, that the crawl cannot stall: whenever a URL is queued
     * and nothing is under way, a wake-up must be set for the moment something becomes due.
     * Returns a dump of what waits, per host and why, when that does not hold (and pumps again),
     * or empty when it holds.
     */
    Optional<String> audit() {
        if (done.isDone() || stopping || budgetSpent() || permits.held() > 0 || frontier.loading()) {
            return Optional.empty();
        }
        boolean work = frontier.queued() > 0 || sitemaps.size() > 0;
        boolean armed = wakeup.isPending() && scheduler.nextWakeup().isPresent();
        if (!work || armed) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        StringBuilder dump = new StringBuilder("stalled: ").append(frontier.queued()).append(" URLs queued, ")
                .append(sitemaps.size()).append(" sitemaps pending, nothing under way, no wake-up set");
        int shown = 0;
        int more = 0;
        for (String host : scheduler.hosts()) {
            if (frontier.queued(host) == 0) {
                continue; // only hosts with URLs waiting can be stuck
            }
            if (shown == MAX_HOSTS_IN_DUMP) {
                more++;
                continue;
            }
            shown++;
            dump.append("\n  ").append(host).append(": queued ").append(frontier.queued(host)).append(", ")
                    .append(scheduler.describe(host, now));
            retries.givenUp(host).ifPresent(why -> dump.append(", given up: ").append(why));
        }
        if (more > 0) {
            dump.append("\n  and ").append(more).append(" more hosts with URLs queued");
        }
        pump();
        return Optional.of(dump.toString());
    }

    private boolean budgetSpent() {
        return config.maxPages() > 0 && pagesStarted >= config.maxPages();
    }

    private void armWakeup(long now) {
        if (permits.held() >= maxActive) {
            return;
        }
        scheduler.nextWakeup().ifPresent(at -> wakeup.wakeAt(at, now));
    }

    private void updateGauges() {
        stats.queued.set(frontier.queued());
        stats.seen.set(frontier.seen());
    }

    private void checkDone() {
        if (permits.held() > 0 || done.isDone()) {
            return;
        }
        StopReason reason;
        if (stopping) {
            reason = StopReason.STOPPED;
        } else if (budgetSpent()) {
            reason = StopReason.MAX_PAGES;
        } else if (frontier.queued() == 0 && sitemaps.size() == 0) {
            reason = StopReason.COMPLETED;
        } else {
            return;
        }
        finishWith(reason);
    }

    private void finishWith(StopReason reason) {
        wakeup.cancel();
        done.complete(reason);
    }
}
