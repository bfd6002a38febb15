package dev.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.CrawlConfig;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.ResponseHeaders;
import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.InMemoryFrontier;
import dev.crawler.politeness.PolitenessPolicy;
import dev.crawler.politeness.PolitenessScheduler;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The redirect follower on its own: which targets it queues, and what it says of the others. */
class RedirectFollowerTest {

    private final InMemoryFrontier frontier = new InMemoryFrontier();
    private final EngineStats stats = new EngineStats();
    private final PolitenessScheduler scheduler = new PolitenessScheduler(
            new PolitenessPolicy(2, Duration.ZERO, Duration.ofSeconds(30)), frontier::queued, CrawlRequest::hostOfKey);
    private final CrawlConfig config = CrawlConfig.builder().seeds(List.of("http://a.test/")).build();
    // no trap fires in these tests, so no refusal is ever committed
    private final LinkIntake intake = new LinkIntake(new LinkAdmission(config, stats, false), frontier, scheduler, stats,
            () -> 0L, null);
    private final RedirectFollower redirects = new RedirectFollower(intake);

    @Test
    void aTargetIsQueuedAtTheSameDepthOneHopFurther() {
        CrawlRequest from = new CrawlRequest("http://a.test/old", "http://a.test:80", 2, "http://a.test/", 0);

        assertThat(redirects.follow(from, redirect(from, "/new"))).isEmpty();

        CrawlRequest target = frontier.poll("http://a.test:80").orElseThrow();
        assertThat(target.url()).isEqualTo("http://a.test/new");
        assertThat(target.depth()).isEqualTo(2);
        assertThat(target.redirects()).isEqualTo(1);
        assertThat(target.referrer()).isEqualTo("http://a.test/");
    }

    @Test
    void aChainThatComesBackToItsStartIsALoop() {
        CrawlRequest first = CrawlRequest.of("http://a.test/x", 0, null, 0);
        assertThat(redirects.follow(first, redirect(first, "/y"))).isEmpty();
        CrawlRequest second = frontier.poll("http://a.test:80").orElseThrow();

        Optional<String> why = redirects.follow(second, redirect(second, "/x"));

        assertThat(why).get().asString().startsWith("redirect_loop: http://a.test/x");
    }

    @Test
    void aTargetOutOfScopeIsNotFollowedAndTheRedirectSaysWhy() {
        CrawlRequest from = CrawlRequest.of("http://a.test/away", 0, null, 0);

        Optional<String> why = redirects.follow(from, redirect(from, "http://b.test/"));

        assertThat(why).contains("redirect_not_followed: http://b.test/ is out of the crawl's scope");
        assertThat(frontier.queued()).isZero();
    }

    @Test
    void aRedirectWithoutLocationIsRefused() {
        CrawlRequest from = CrawlRequest.of("http://a.test/nowhere", 0, null, 0);
        FetchResult.Response r = new FetchResult.Response(URI.create(from.url()), 302, ResponseHeaders.empty(),
                new byte[0], false, Instant.EPOCH, Duration.ZERO, true);

        assertThat(redirects.follow(from, r)).get().asString().startsWith("bad_redirect: ");
    }

    private static FetchResult.Response redirect(CrawlRequest from, String location) {
        return new FetchResult.Response(URI.create(from.url()), 301,
                new ResponseHeaders(List.of(Map.entry("Location", location))), new byte[0], false, Instant.EPOCH,
                Duration.ZERO, true);
    }
}
