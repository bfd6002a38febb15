package dev.crawler.engine;

import dev.crawler.CrawlConfig;
import dev.crawler.CrawlListener;
import dev.crawler.CrawlSummary.StopReason;
import dev.crawler.CrawlSummary;
import dev.crawler.Outcome;
import dev.crawler.export.OutputException;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.Fetcher;
import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.Frontier;
import dev.crawler.net.NameLookup;
import dev.crawler.politeness.PolitenessScheduler;
import dev.crawler.robots.RobotsLoader;
import dev.crawler.robots.RobotsPolicy;
import dev.crawler.robots.RobotsRules;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl's state machine: the loop that hands out requests, and the stages it runs results
 * through. Every step runs on one coordinator thread (in async mode, the fetcher's own event
 * loop), so no state needs a lock.
 *
 * <p>One step, {@link #pump()}, hands out requests while there is room: it takes the host whose
 * turn has come from the politeness scheduler; the {@link RobotsGate} loads the host's robots.txt
 * first if its rules are not known; a pending sitemap goes to the {@link SitemapFollower};
 * otherwise the host's next URL leaves the frontier and is fetched. A finished fetch frees the
 * host's slot at once, then:
 * <ol>
 * <li>a result that may pass later goes back to its queue and its host backs off
 *     ({@link RetryStage});</li>
 * <li>a redirect's target is judged and queued ({@link RedirectFollower});</li>
 * <li>the {@link PageProcessor}, on a worker, writes the page and its index line and extracts its
 *     links;</li>
 * <li>the links come back here and pass the {@link LinkIntake} (depth, scope, filters, traps,
 *     dedup) into the frontier;</li>
 * <li>the {@link OutcomeCommitter} makes the outcome durable with those links, then publishes the
 *     index line.</li>
 * </ol>
 * When no host may start now, one timer wakes the loop at the earliest time a host may. The
 * {@link CrawlEnd} tells when the crawl is over; {@link Liveness} checks it cannot stall.
 *
 * <p>Everything under way holds a {@link WorkPermits.Permit}: a fetch from its start until its
 * outcome is durable, a robots.txt load, a sitemap, a refusal being recorded. Each is released
 * exactly once, where its work ends; the permits held are capped by the concurrency limit, which
 * bounds the memory held by responses.
 */
final class CrawlCoordinator implements EngineLoop {

    private static final Logger log = LoggerFactory.getLogger(CrawlCoordinator.class);
    /** The most links of one page offered to the intake in one task on the coordinator's thread. */
    static final int LINK_SLICE = 512;

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

    /**
     * Where outcomes go: the page processor (which hands them to the sinks), the index lines it
     * holds until commit, the listener told of each once committed, the counters.
     */
    record Output(PageProcessor processor, PendingIndex index, CrawlListener listener, EngineStats stats) {
    }

    private final CrawlConfig config;
    private final Fetcher fetcher;
    private final EventExecutor loop;
    private final Executor workers;
    private final int maxActive;
    private final Frontier frontier;
    private final PageProcessor processor;
    private final EngineStats stats;
    private final LongSupplier clock;
    private final InstantSource wallClock;
    private final PolitenessScheduler scheduler;
    private final WorkPermits permits = new WorkPermits();
    private final RequestSlots slots;
    private final WakeupTimer wakeup;
    private final CrawlEnd end;
    private final RetryState retries;
    private final RetryStage retrying;
    private final HostPacing pacing;
    private final OutcomeCommitter committer;
    private final LinkIntake intake;
    private final RedirectFollower redirects;
    private final SitemapFollower sitemaps;
    private final RobotsGate robots;
    private final Liveness liveness;
    private final RunLimits limits;

    CrawlCoordinator(CrawlConfig config, Io io, Frontier frontier, Output output, EngineClock clock) {
        this.config = config;
        this.fetcher = io.fetcher();
        this.loop = io.loop();
        this.workers = io.workers();
        this.maxActive = io.maxActive();
        this.frontier = frontier;
        this.processor = output.processor();
        this.stats = output.stats();
        this.clock = clock.nanoTime();
        this.wallClock = clock.wall();
        this.scheduler = new PolitenessScheduler(config.politeness(), frontier::queued, CrawlRequest::hostOfKey,
                new AddressLookups(config.fetch().overrides(), NameLookup.system(), permits, loop, this));
        this.slots = new RequestSlots(loop, this.clock, stats, this::pump);
        this.wakeup = new WakeupTimer(loop, this::pump);
        this.end = new CrawlEnd(frontier.pageBudget(config.maxPages()), wakeup::cancel);
        EngineParts parts = new EngineParts(scheduler, permits, slots, stats, loop, workers, this.clock, this);
        this.retries = new RetryState(config.retry(), clock.random());
        this.retrying = new RetryStage(retries, config.retry(), scheduler, frontier, stats, workers, this.clock);
        this.pacing = new HostPacing(scheduler, config.retry(), this.clock);
        this.committer = new OutcomeCommitter(frontier, output.index(), processor, permits, loop, workers, this,
                output.listener());
        this.intake = new LinkIntake(new LinkAdmission(config, stats, frontier.judgesTrapsOnPoll()), frontier, scheduler,
                stats, this.clock, committer);
        this.redirects = new RedirectFollower(intake);
        this.sitemaps = new SitemapFollower(fetcher, frontier, intake, parts, config.fetch().maxBodyBytes());
        this.robots = new RobotsGate(new RobotsLoader(fetcher, new RobotsPolicy(config.robotsAgent()), workers), parts,
                retries, config.sitemaps() ? sitemaps::queue : null, frontier::note);
        this.liveness = new Liveness(end, frontier, sitemaps, wakeup, retries, parts);
        this.limits = new RunLimits(config.limits());
        frontier.onReady(this::hostReady);
        frontier.onLoaded(this::pump);
        frontier.onFailure(this::fail);
    }

    /** Queues the seeds and starts crawling; the future completes when the crawl is over. */
    CompletableFuture<StopReason> start() {
        liveness.watch(config.failOnStall());
        loop.execute(() -> {
            for (String seed : config.seeds()) {
                intake.enqueue(CrawlRequest.of(seed, 0, null, 0));
            }
            Duration maxTime = config.limits().maxTime();
            if (maxTime != null) {
                loop.schedule(() -> limitReached(StopReason.MAX_TIME), maxTime.toNanos(), TimeUnit.NANOSECONDS);
            }
            pump();
        });
        return end.future();
    }

    /** A limit of the run was reached: nothing new starts, and the crawl ends once what is under way is done. */
    private void limitReached(StopReason reason) {
        if (!end.over()) {
            end.limitReached(reason);
            pump();
        }
    }

    /**
     * Stops handing out requests; the crawl ends when what is under way has finished, or after
     * {@code grace} (null: no limit), leaving what is still under way queued for the next run.
     */
    void stop(Duration grace) {
        try {
            loop.execute(() -> {
                end.stopAsked();
                if (grace != null && !end.over()) {
                    loop.schedule(this::abandon, grace.toNanos(), TimeUnit.NANOSECONDS);
                }
                pump();
            });
        } catch (RejectedExecutionException e) {
            if (!end.over()) {
                end.loopDied(); // nothing runs on the loop any more: stopping means ending it here
            }
        }
    }

    /** The liveness audit, run once now (see {@link Liveness#audit()}); on the coordinator's thread. */
    Optional<String> audit() {
        return liveness.audit();
    }

    @Override
    public boolean over() {
        return end.over();
    }

    @Override
    public void fail(Throwable error) {
        end.fail(error);
    }

    /** Ends the crawl now; requests under way stay queued in the frontier for the next run. */
    private void abandon() {
        if (!end.over()) {
            log.info("{} requests still under way after the grace period; they stay queued for the next run",
                    permits.held());
            end.finish(StopReason.STOPPED);
        }
    }

    private void hostReady(String host) {
        if (!end.over()) {
            scheduler.workArrived(host, clock.getAsLong());
            pump();
        }
    }

    @Override
    public void pump() {
        long now = clock.getAsLong();
        if (!end.stopping() && !end.budgetSpent()) {
            while (permits.held() < maxActive && !end.budgetSpent()) {
                Optional<String> host = scheduler.nextReady(now);
                if (host.isEmpty()) {
                    break;
                }
                dispatch(host.get(), now);
            }
            if (permits.held() < maxActive) {
                scheduler.nextWakeup().ifPresent(at -> wakeup.wakeAt(at, now));
            }
        }
        stats.queued.set(frontier.queued());
        stats.seen.set(frontier.seen());
        stats.hostsActive.set(scheduler.activeHosts());
        stats.hostsBackingOff.set(scheduler.backingOffHosts(now));
        end.check(permits.held(), frontier.queued() > 0 || frontier.loading() || sitemaps.pending() > 0);
    }

    /** Starts what {@code host}, whose turn has come at {@code now}, has next. */
    private void dispatch(String host, long now) {
        recall(host);
        if (retries.givenUp(host).isPresent()) {
            giveUpNext(host);
            return;
        }
        Optional<RobotsRules> rules = Optional.empty();
        if (config.respectRobots()) {
            rules = robots.rules(host);
            if (rules.isEmpty()) {
                robots.load(host, now);
                return;
            }
            if (sitemaps.hasPending(host)) {
                sitemaps.fetchNext(host, rules.get(), now);
                return;
            }
        }
        Optional<CrawlRequest> next = frontier.poll(host);
        if (next.isEmpty()) {
            scheduler.skip(host, false); // its next URLs are being read back; onReady brings it back
            return;
        }
        CrawlRequest request = next.get();
        Optional<String> trap = retries.attempts(request.url()) == 0 ? intake.trapOnPoll(request) : Optional.empty();
        if (trap.isPresent()) {
            scheduler.skip(host, sitemaps.hostHasWork(host));
            endUnfetched(request);
            committer.unfetched(request, Outcome.TRAP, trap.get());
            return;
        }
        if (rules.isPresent() && !rules.get().allows(request.url())) {
            scheduler.skip(host, sitemaps.hostHasWork(host));
            endUnfetched(request);
            if (rules.get().source() == RobotsRules.Source.UNREACHABLE) {
                committer.unfetched(request, Outcome.ROBOTS_UNREACHABLE, "robots_unreachable: robots.txt could not"
                        + " be fetched (" + rules.get().detail() + "); the host is not crawled");
            } else {
                committer.unfetched(request, Outcome.ROBOTS_DENIED, "robots_denied: disallowed by robots.txt");
            }
            return;
        }
        fetch(request, now);
    }

    /**
     * Takes up what the frontier kept about {@code host} from where its URLs were handed out before
     * (another node of the crawl): its robots.txt rules, whether it was given up, its trap counts.
     */
    private void recall(String host) {
        HostNotes.read(frontier.notes(host)).ifPresent(r -> {
            r.robots().ifPresent(rules -> robots.restore(host, rules));
            r.givenUp().ifPresent(why -> retries.restoreGivenUp(host, why));
            intake.restore(host, r);
        });
    }

    /** The host was given up: its next URL is recorded as such, without a request. */
    private void giveUpNext(String host) {
        Optional<CrawlRequest> next = frontier.poll(host);
        scheduler.skip(host, next.isPresent() && sitemaps.hostHasWork(host));
        if (next.isPresent()) {
            CrawlRequest request = next.get();
            endUnfetched(request);
            committer.unfetched(request, Outcome.HOST_UNAVAILABLE, "host_unavailable: gave up on " + host
                    + " after " + retries.givenUp(host).orElse("failures"));
        }
    }

    /** {@code request} leaves the frontier without a fetch: its retries and redirect chain end. */
    private void endUnfetched(CrawlRequest request) {
        retries.finish(request.url());
        redirects.ended(request.url());
    }

    private void fetch(CrawlRequest request, long now) {
        PolitenessScheduler.Start start = scheduler.started(request.hostKey(), now,
                sitemaps.hostHasWork(request.hostKey()));
        WorkPermits.Permit permit = permits.take(WorkPermits.Kind.FETCH);
        if (retries.begin(request.url()) == 1) {
            end.pageStarted();
        }
        RequestSlots.Slot slot = slots.open(start);
        EarlyPage progress = new EarlyPage(slot,
                held -> CompletableFuture.supplyAsync(() -> processor.prepare(request, held), workers));
        fetcher.fetch(request.uri(), Long.MAX_VALUE, progress)
                .whenComplete((result, error) -> loop.execute(() -> fetched(request, slot, permit, progress, result, error)));
    }

    private void fetched(CrawlRequest request, RequestSlots.Slot slot, WorkPermits.Permit permit,
            EarlyPage early, FetchResult result, Throwable error) {
        if (end.over()) {
            return; // abandoned: still queued in the frontier
        }
        slot.ended();
        if (result != null) {
            pacing.observe(request.hostKey(), result, wallClock.instant());
        }
        if (error != null) {
            log.error("fetcher failed unexpectedly on {}", request.url(), error);
            retries.finish(request.url());
            permit.release();
            pump();
            return;
        }
        limits.fetched(result).ifPresent(end::limitReached);
        Instant at = wallClock.instant(); // one moment for both decisions on a Retry-After date
        if (retrying.retryLater(request, result, at)) {
            permit.release();
            pump();
            return;
        }
        Optional<String> note = retrying.rateLimited(request, result, at)
                .or(() -> retrying.givenUpNote(request, result));
        if (note.isEmpty() && result instanceof FetchResult.Response r && r.status() >= 300 && r.status() < 400) {
            note = redirects.follow(request, r);
        } else {
            redirects.ended(request.url());
        }
        PageProcessor.Verdict verdict = new PageProcessor.Verdict(retries.finish(request.url()), note);
        CompletableFuture<PageProcessor.Prepared> prepared = early.prepared();
        (prepared != null
                ? prepared.thenApplyAsync(page -> processor.process(request, result, verdict, page), workers)
                : CompletableFuture.supplyAsync(() -> processor.process(request, result, verdict, null), workers))
                .whenComplete((next, e) -> loop.execute(() -> processed(request, permit, next, e)));
        pump();
    }

    private void processed(CrawlRequest request, WorkPermits.Permit permit, PageProcessor.Next next, Throwable error) {
        if (end.over()) {
            return;
        }
        if (error != null) {
            permit.release();
            Throwable cause = Failures.cause(error);
            if (cause instanceof OutputException) {
                fail(cause);
                return;
            }
            log.error("processing {} failed; it stays queued for the next run", request.url(), error);
            pump();
            return;
        }
        // a redirect's target was judged and queued when its response came (see fetched)
        List<String> links = next.links();
        int cap = intake.maxLinksPerPage();
        if (cap > 0 && links.size() > cap) {
            int dropped = links.size() - cap;
            stats.linksDropped.add(dropped);
            workers.execute(() -> log.info("{}: {} links, only the first {} are followed", request.url(),
                    cap + dropped, cap));
            links = links.subList(0, cap);
        }
        admitLinks(request, permit, next, links, 0);
    }

    /**
     * Offers a processed page's links from {@code from} on to the intake, at most
     * {@value #LINK_SLICE} per task on this thread, then commits the page. A page with tens of
     * thousands of links (an API index) thus leaves the loop to its sockets between slices
     * instead of holding it for tens of milliseconds, which would delay every response under way
     * and lengthen the settle windows measured from them.
     */
    private void admitLinks(CrawlRequest request, WorkPermits.Permit permit, PageProcessor.Next next,
            List<String> links, int from) {
        if (end.over()) {
            return;
        }
        int to = Math.min(links.size(), from + LINK_SLICE);
        for (int i = from; i < to; i++) {
            intake.consider(links.get(i), request.depth() + 1, request.url());
        }
        if (to < links.size()) {
            loop.execute(() -> admitLinks(request, permit, next, links, to));
        } else {
            committer.complete(request, next.outcome(), permit);
        }
    }
}
