package dev.crawler.engine;

import dev.crawler.filter.TrapGuard;
import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.Frontier;
import dev.crawler.politeness.PolitenessScheduler;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Where every URL the crawl finds comes in (a seed, a page's link, a redirect's target, a
 * sitemap's entry): it is judged ({@link LinkAdmission}: depth, scope, filters, traps), and if
 * admitted, offered to the frontier, and the politeness scheduler learns that its host has work.
 * A URL a trap refuses gets its own index line, once. Runs on the coordinator's thread.
 */
final class LinkIntake {

    private final LinkAdmission admission;
    private final Frontier frontier;
    private final PolitenessScheduler scheduler;
    private final EngineStats stats;
    private final LongSupplier clock;
    private final OutcomeCommitter committer;

    LinkIntake(LinkAdmission admission, Frontier frontier, PolitenessScheduler scheduler, EngineStats stats,
            LongSupplier clock, OutcomeCommitter committer) {
        this.admission = admission;
        this.frontier = frontier;
        this.scheduler = scheduler;
        this.stats = stats;
        this.clock = clock;
        this.committer = committer;
    }

    /**
     * Queues {@code url}, found at {@code depth} on {@code referrer}, if it is admitted. A URL the
     * frontier has seen already is dropped first, unjudged: queued, fetched or refused by a trap
     * before, it would be a duplicate whatever the rules said now.
     */
    void consider(String url, int depth, String referrer) {
        if (frontier.seenAlready(url)) {
            return;
        }
        String hostKey = CrawlRequest.hostKeyOf(url);
        if (refusal(url, hostKey, depth, referrer).isEmpty()) {
            enqueue(new CrawlRequest(url, hostKey, depth, referrer, 0));
        }
    }

    /**
     * Why {@code url} found at {@code depth} is not queued, or empty if it may be. A URL refused by
     * a trap rule also gets an index line, once.
     */
    Optional<String> refusal(String url, String hostKey, int depth, String referrer) {
        Optional<LinkAdmission.Refusal> refusal = admission.check(url, hostKey, depth);
        refusal.flatMap(LinkAdmission.Refusal::trap).ifPresent(trap -> {
            if (frontier.markSeen(url)) {
                stats.trap(trap.kind());
                committer.refusedLink(IndexEntries.refusedLink(url, depth, referrer, trap.indexError()));
            }
        });
        return refusal.map(LinkAdmission.Refusal::reason);
    }

    /**
     * Why the trap rules refuse {@code request}, handed out by the frontier for the first time, as
     * its index error, if the rules judge URLs there ({@link Frontier#judgesTrapsOnPoll}) and
     * refuse it; counted in the crawl's statistics.
     */
    Optional<String> trapOnPoll(CrawlRequest request) {
        Optional<TrapGuard.Refusal> trap = admission.onPoll(request.url(), request.hostKey());
        if (trap.isPresent()) {
            stats.trap(trap.get().kind());
            return Optional.of(trap.get().indexError());
        }
        admission.trapNotes(request.url(), request.hostKey()).forEach(frontier::note);
        return Optional.empty();
    }

    /** Takes up what the trap rules counted for {@code hostKey} where its URLs were handed out before. */
    void restore(String hostKey, HostNotes.Recalled recalled) {
        admission.restore(hostKey, recalled);
    }

    /** Offers {@code request} to the frontier, admitted already; the scheduler learns of new work. */
    Frontier.Offer enqueue(CrawlRequest request) {
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

    /** Whether {@code hostKey} is in the crawl's scope. */
    boolean inScope(String hostKey) {
        return admission.inScope(hostKey);
    }

    /** The most links followed from one page (0: no limit). */
    int maxLinksPerPage() {
        return admission.maxLinksPerPage();
    }
}
