package dev.crawler.engine;

import static dev.crawler.engine.ScriptedFetcher.html;
import static dev.crawler.engine.ScriptedFetcher.linking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.CrawlLimits;
import dev.crawler.CrawlSummary.StopReason;
import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.RetryPolicy;
import dev.crawler.politeness.PolitenessPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The run's limits beside the page budget stop the crawl gracefully, each with its own reason:
 * nothing new starts, what is under way is recorded, and the rest stays queued.
 */
class RunLimitsTest extends OnEngineHarness {

    private static final String SITE = "http://a.test/";
    private static final RetryPolicy NO_RETRIES = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 100);

    @Test
    void theBytesLimitStopsOnceTheBodiesFetchedReachIt() throws Exception {
        String page = "x".repeat(100);
        engine.fetcher.on(SITE, linking("/a", "/b", "/c"));
        for (String p : new String[] {"a", "b", "c"}) {
            engine.fetcher.on(SITE + p, html(page));
        }
        long root = ScriptedFetcher.linking("/a", "/b", "/c") instanceof ScriptedFetcher.Reply r ? r.body().length() : 0;

        StopReason reason = engine.crawl(c -> c.concurrency(1).limits(new CrawlLimits(null, root + 50, -1)), SITE);

        assertThat(reason).isEqualTo(StopReason.MAX_BYTES);
        assertThat(engine.fetcher.requests()).as("the root, then the page that passed the limit").hasSize(2);
        assertThat(engine.index()).hasSize(2);
    }

    @Test
    void failuresInARowStopTheCrawlAndOneResponseBetweenThemCountsAgainFromZero() throws Exception {
        engine.fetcher.on(SITE, linking("/1", "/2", "/3", "/4", "/5", "/6", "/7"))
                .on(SITE + "1", new ScriptedFetcher.Fail(FetchError.CONNECT))
                .on(SITE + "2", new ScriptedFetcher.Fail(FetchError.RESPONSE_TIMEOUT))
                .on(SITE + "3", html("<p>answers</p>"))
                .on(SITE + "4", new ScriptedFetcher.Fail(FetchError.CONNECT))
                .on(SITE + "5", new ScriptedFetcher.Fail(FetchError.CONNECT))
                .on(SITE + "6", new ScriptedFetcher.Fail(FetchError.CONNECT))
                .on(SITE + "7", html("<p>never asked</p>"));

        StopReason reason = engine.crawl(c -> c.concurrency(1).retry(NO_RETRIES).limits(new CrawlLimits(null, -1, 3)), SITE);

        assertThat(reason).isEqualTo(StopReason.MAX_ERRORS);
        assertThat(engine.fetcher.requests()).extracting(ScriptedFetcher.Request::url)
                .as("/1 and /2 failed, /3 answered, then /4, /5 and /6 failed in a row")
                .containsExactly(SITE, SITE + "1", SITE + "2", SITE + "3", SITE + "4", SITE + "5", SITE + "6");
        assertThat(engine.index()).hasSize(7);
    }

    @Test
    void failuresThatAreNeverThatManyInARowDoNotStopTheCrawl() throws Exception {
        engine.fetcher.on(SITE, linking("/1", "/2", "/3"))
                .on(SITE + "1", new ScriptedFetcher.Fail(FetchError.CONNECT))
                .on(SITE + "2", html("<p>answers</p>"))
                .on(SITE + "3", new ScriptedFetcher.Fail(FetchError.CONNECT));

        assertThat(engine.crawl(c -> c.concurrency(1).retry(NO_RETRIES).limits(new CrawlLimits(null, -1, 2)), SITE))
                .isEqualTo(StopReason.COMPLETED);
    }

    /** At one page per 200 ms, a limit of 300 ms stops the crawl after a page or two of six. */
    @Test
    void theTimeLimitStopsTheCrawlAndLeavesTheRestQueued() throws Exception {
        engine.fetcher.on(SITE, linking("/1", "/2", "/3", "/4", "/5"));
        for (int i = 1; i <= 5; i++) {
            engine.fetcher.on(SITE + i, html("<p>" + i + "</p>"));
        }

        StopReason reason = engine.crawl(c -> c.concurrency(1)
                .politeness(new PolitenessPolicy(1, Duration.ofMillis(200), Duration.ofSeconds(1)))
                .limits(new CrawlLimits(Duration.ofMillis(300), -1, -1)), SITE);

        assertThat(reason).isEqualTo(StopReason.MAX_TIME);
        assertThat(engine.fetcher.requests()).hasSizeBetween(1, 3);
        assertThat(engine.index()).hasSameSizeAs(engine.fetcher.requests());
    }

    @Test
    void aLimitOfZeroOrLessIsRefusedWithWhatToGive() {
        assertThatThrownBy(() -> new CrawlLimits(Duration.ZERO, -1, -1)).hasMessageContaining("maxTime must be positive");
        assertThatThrownBy(() -> new CrawlLimits(null, 0, -1)).hasMessageContaining("maxBytes must be >= 1");
        assertThatThrownBy(() -> new CrawlLimits(null, -1, 0)).hasMessageContaining("maxFailuresInARow must be >= 1");
    }
}
