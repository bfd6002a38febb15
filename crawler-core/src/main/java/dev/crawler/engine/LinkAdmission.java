package dev.crawler.engine;

import dev.crawler.CrawlConfig;
import dev.crawler.filter.CrawlScope;
import dev.crawler.filter.TrapGuard;
import dev.crawler.filter.UrlFilter;
import dev.crawler.frontier.HostNote;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a URL found in a page (or a redirect's target) may be queued: within
 * {@code --max-depth}, in the crawl's scope, accepted by {@code --include}/{@code --exclude}, and
 * no crawler trap ({@link TrapGuard}). Each refusal is counted in the crawl's statistics. Owned by
 * the coordinator's thread.
 */
final class LinkAdmission {

    /**
     * Why a URL is not queued.
     *
     * @param reason the reason, to follow the URL in a sentence ("is deeper than --max-depth")
     * @param trap the trap rule that refused it, if one did: such a URL gets an index line
     */
    record Refusal(String reason, Optional<TrapGuard.Refusal> trap) {
    }

    private final int maxDepth;
    private final CrawlScope scope;
    private final UrlFilter filter;
    private final TrapGuard traps;
    /** Whether the trap rules judge URLs as they are handed out ({@link #onPoll}), not as they are found. */
    private final boolean trapsOnPoll;
    private final EngineStats stats;

    /**
     * @param trapsOnPoll whether the trap rules judge a URL when the frontier first hands it out
     *     instead of when it is found (see {@link dev.crawler.frontier.Frontier#judgesTrapsOnPoll})
     */
    LinkAdmission(CrawlConfig config, EngineStats stats, boolean trapsOnPoll) {
        this.maxDepth = config.maxDepth();
        this.scope = new CrawlScope(config.scope(), config.seeds());
        this.filter = config.filter();
        this.traps = new TrapGuard(config.traps());
        this.trapsOnPoll = trapsOnPoll;
        this.stats = stats;
    }

    /** Why {@code url} (of {@code hostKey}) found at {@code depth} may not be queued, or empty if it may. */
    Optional<Refusal> check(String url, String hostKey, int depth) {
        if (maxDepth >= 0 && depth > maxDepth) {
            stats.tooDeep.increment();
            return Optional.of(new Refusal("is deeper than --max-depth", Optional.empty()));
        }
        if (!scope.allows(hostKey)) {
            stats.outOfScope.increment();
            return Optional.of(new Refusal("is out of the crawl's scope", Optional.empty()));
        }
        if (!filter.accepts(url)) {
            stats.filtered.increment();
            return Optional.of(new Refusal("is excluded by --include/--exclude", Optional.empty()));
        }
        if (trapsOnPoll) {
            return Optional.empty(); // judged by onPoll, where the host's URLs are handed out
        }
        return traps.check(url, hostKey)
                .map(trap -> new Refusal("is refused (" + trap.indexError() + ")", Optional.of(trap)));
    }

    /**
     * Why the trap rules refuse {@code url} (of {@code hostKey}), handed out by the frontier for
     * the first time, when they judge URLs there; counted as admitted if they do not. Always empty
     * when they judge URLs as they are found.
     */
    Optional<TrapGuard.Refusal> onPoll(String url, String hostKey) {
        if (!trapsOnPoll) {
            return Optional.empty();
        }
        Optional<TrapGuard.Refusal> trap = traps.check(url, hostKey);
        if (trap.isEmpty()) {
            traps.admitted(url, hostKey);
        }
        return trap;
    }

    /** Whether {@code hostKey} is in the crawl's scope (sitemaps of other hosts are not read). */
    boolean inScope(String hostKey) {
        return scope.allows(hostKey);
    }

    /**
     * The notes that keep what the trap rules have counted for {@code url}'s host and path, once
     * it was admitted by {@link #onPoll}, for whichever process hands the host's URLs out next.
     */
    List<HostNote> trapNotes(String url, String hostKey) {
        if (!trapsOnPoll) {
            return List.of(); // counted where found: nothing to hand on
        }
        List<HostNote> notes = new ArrayList<>(2);
        traps.urlsCounted(hostKey).ifPresent(n -> notes.add(HostNotes.trapUrls(hostKey, n)));
        traps.queriesCounted(url).ifPresent(q -> notes.add(HostNotes.trapQueries(hostKey, q.getKey(), q.getValue())));
        return notes;
    }

    /** Takes up what the trap rules counted for {@code hostKey} where its URLs were handed out before. */
    void restore(String hostKey, HostNotes.Recalled recalled) {
        traps.restore(hostKey, recalled.trapUrls(), recalled.trapQueries());
    }

    /** Tells the trap rules that {@code url} was queued (they count queued URLs per host and path). */
    void admitted(String url, String hostKey) {
        if (!trapsOnPoll) {
            traps.admitted(url, hostKey);
        }
    }

    /** The most links followed from one page (0: no limit). */
    int maxLinksPerPage() {
        return traps.maxLinksPerPage();
    }
}
