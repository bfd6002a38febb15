package dev.crawler.engine;

import dev.crawler.fetch.FetchResult;
import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.Frontier;
import java.util.Optional;

/**
 * Judges redirects before their responses are recorded: a target is queued like any link found
 * (scope, filters, traps and dedup apply), unless the chain loops, grows past
 * {@value RedirectChains#MAX_REDIRECTS} hops, or the {@code Location} is missing or not http(s);
 * then the redirect's own index line says why. Runs on the coordinator's thread.
 */
final class RedirectFollower {

    private final RedirectChains chains = new RedirectChains();
    private final LinkIntake intake;

    RedirectFollower(LinkIntake intake) {
        this.intake = intake;
    }

    /**
     * Follows the redirect {@code r} that answered {@code from} if it may be followed (its target
     * is queued); otherwise says why not, for the redirect's own index line.
     */
    Optional<String> follow(CrawlRequest from, FetchResult.Response r) {
        Optional<String> why = switch (chains.judge(from, r)) {
            case RedirectChains.Refuse refuse -> Optional.of(refuse.why());
            case RedirectChains.Follow follow -> queue(from, follow.target());
        };
        why.ifPresent(w -> chains.ended(from.url()));
        return why;
    }

    /** {@code url} ended with something else than a redirect followed: its chain, if any, ends. */
    void ended(String url) {
        chains.ended(url);
    }

    /** Queues a redirect's target unless scope or traps refuse it; says why not, if they do. */
    private Optional<String> queue(CrawlRequest from, String target) {
        String hostKey = CrawlRequest.hostKeyOf(target);
        Optional<String> refused = intake.refusal(target, hostKey, from.depth(), from.url());
        if (refused.isPresent()) {
            return Optional.of("redirect_not_followed: " + target + " " + refused.get());
        }
        if (intake.enqueue(new CrawlRequest(target, hostKey, from.depth(), from.referrer(), from.redirects() + 1))
                != Frontier.Offer.DUPLICATE) {
            chains.followed(from.url(), target);
        }
        return Optional.empty();
    }
}
