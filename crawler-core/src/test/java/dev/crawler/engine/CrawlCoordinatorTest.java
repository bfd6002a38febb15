package dev.crawler.engine;

import static dev.crawler.engine.ScriptedFetcher.html;
import static dev.crawler.engine.ScriptedFetcher.linking;
import static dev.crawler.engine.ScriptedFetcher.status;
import static dev.crawler.engine.ScriptedFetcher.text;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crawler.CrawlConfig;
import dev.crawler.CrawlOutcome;
import dev.crawler.CrawlSummary.StopReason;
import dev.crawler.CrawlSummary;
import dev.crawler.Outcome;
import dev.crawler.export.Sha256;
import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The crawl engine's state machine, driven with no network: a scripted fetcher, the in-memory
 * frontier, and the engine's own threads. Each test crawls a tiny site to its end and checks each
 * URL's one outcome, the requests the site saw, and how the crawl ended.
 */
class CrawlCoordinatorTest extends OnEngineHarness {

    private static final String SITE = "http://a.test/";

    @Test
    void everyLinkedUrlGetsExactlyOneOutcomeAndOneRequest() throws Exception {
        engine.fetcher.on(SITE, linking("/a", "/b", "/a", "/missing", "http://b.test/elsewhere"))
                .on(SITE + "a", linking("/", "/b"))
                .on(SITE + "b", html("<p>leaf</p>"));

        assertThat(engine.crawl(c -> c, SITE)).isEqualTo(StopReason.COMPLETED);

        Map<String, JsonNode> index = engine.index();
        assertThat(index.keySet()).containsExactlyInAnyOrder(SITE, SITE + "a", SITE + "b", SITE + "missing");
        assertThat(engine.outcome(index, SITE + "missing")).isEqualTo("404");
        assertThat(engine.fetcher.requests()).extracting(ScriptedFetcher.Request::url)
                .containsExactlyInAnyOrder(SITE, SITE + "a", SITE + "b", SITE + "missing");
        assertThat(out.resolve(index.get(SITE + "b").get("file").asText())).hasContent("<p>leaf</p>");
    }

    @Test
    void eachOutcomeReachesTheSinksOnceAndTheListenerOnlyOnceItsIndexLineIsWritten() throws Exception {
        engine.fetcher.on(SITE + "robots.txt", text("User-agent: *\nDisallow: /private\n"))
                .on(SITE, linking("/a", "/missing", "/moved", "/private", "/broken", "/a/a/a/a/a/a/a/a/a/a/a/a"))
                .on(SITE + "a", html("<p>a</p>"))
                .on(SITE + "moved", status(301, "Location", "/a"))
                .on(SITE + "broken", new ScriptedFetcher.Fail(FetchError.CONNECT));

        engine.crawl(c -> c.respectRobots(true).retry(new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 10)), SITE);

        Map<String, Outcome> expected = Map.of(SITE, Outcome.PAGE, SITE + "a", Outcome.PAGE,
                SITE + "missing", Outcome.HTTP_ERROR, SITE + "moved", Outcome.REDIRECT,
                SITE + "private", Outcome.ROBOTS_DENIED, SITE + "broken", Outcome.FETCH_FAILED,
                SITE + "a/a/a/a/a/a/a/a/a/a/a/a", Outcome.TRAP);
        assertThat(engine.sunk).extracting(CrawlOutcome::url).doesNotHaveDuplicates();
        assertThat(engine.sunk.stream().collect(java.util.stream.Collectors.toMap(CrawlOutcome::url,
                CrawlOutcome::outcome))).isEqualTo(expected);
        assertThat(engine.committed).extracting(CrawlOutcome::url).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(engine.indexedWhenCommitted).containsOnly(true);
        assertThat(engine.index().keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        CrawlOutcome moved = engine.sunk.stream().filter(o -> o.url().equals(SITE + "moved")).findFirst().orElseThrow();
        assertThat(moved.links()).containsExactly(SITE + "a");
        assertThat(moved.response()).get().extracting(r -> r.status()).isEqualTo(301);
        CrawlOutcome page = engine.sunk.stream().filter(o -> o.url().equals(SITE)).findFirst().orElseThrow();
        assertThat(page.links()).contains(SITE + "a", SITE + "private");
    }

    @Test
    void aTransientFailureIsRetriedAndOnlyItsLastResultRecorded() throws Exception {
        engine.fetcher.on(SITE, status(503), new ScriptedFetcher.Fail(FetchError.IO), html("<p>ok</p>"));

        assertThat(engine.crawl(c -> c, SITE)).isEqualTo(StopReason.COMPLETED);

        assertThat(engine.outcome(engine.index(), SITE)).isEqualTo("200");
        assertThat(engine.fetcher.requestsFor(SITE)).hasSize(3);
        assertThat(engine.stats.retries.sum()).isEqualTo(2);
    }

    /**
     * A page the fetcher holds for its settle window is worked out (parsed, hashed) meanwhile, but
     * what is recorded is the result the fetch ends with: the held page when it stands, and never
     * the held bytes of a server found out of step, whose links are not followed.
     */
    @Test
    void aHeldPageIsRecordedOnlyIfTheFetchEndsWithIt() throws Exception {
        ScriptedFetcher.Reply page = (ScriptedFetcher.Reply) linking("/from-a");
        ScriptedFetcher.Reply unasked = (ScriptedFetcher.Reply) linking("/unasked");
        engine.fetcher.on(SITE, linking("/a", "/b", "/c"))
                .on(SITE + "a", new ScriptedFetcher.Held(page, page))
                .on(SITE + "b", new ScriptedFetcher.Held(unasked, new ScriptedFetcher.Fail(FetchError.DESYNC)),
                        html("<p>b</p>"))
                .on(SITE + "c", new ScriptedFetcher.Held(unasked, html("<p>c</p>")))
                .on(SITE + "from-a", html("<p>from a</p>"));

        assertThat(engine.crawl(c -> c, SITE)).isEqualTo(StopReason.COMPLETED);

        Map<String, JsonNode> index = engine.index();
        assertThat(index.keySet()).containsExactlyInAnyOrder(SITE, SITE + "a", SITE + "b", SITE + "c", SITE + "from-a");
        assertThat(engine.fetcher.requestsFor(SITE + "unasked")).isEmpty();
        assertThat(engine.fetcher.requestsFor(SITE + "b")).as("the desync is retried").hasSize(2);
        assertThat(out.resolve(index.get(SITE + "a").get("file").asText())).hasContent(page.body());
        assertThat(out.resolve(index.get(SITE + "b").get("file").asText())).hasContent("<p>b</p>");
        assertThat(out.resolve(index.get(SITE + "c").get("file").asText())).hasContent("<p>c</p>");
        assertThat(index.get(SITE + "a").get("sha256").asText()).isEqualTo(Sha256.hex(page.body().getBytes(UTF_8)));
        assertThat(index.get(SITE + "c").get("sha256").asText()).isEqualTo(Sha256.hex("<p>c</p>".getBytes(UTF_8)));
    }

    @Test
    void whenRetriesRunOutTheLastStatusIsRecordedWithHowManyAttemptsItTook() throws Exception {
        engine.fetcher.on(SITE, status(503));

        engine.crawl(c -> c, SITE);

        JsonNode line = engine.index().get(SITE);
        assertThat(line.get("status").asInt()).isEqualTo(503);
        assertThat(line.get("error").asText()).startsWith("retries_exhausted: status 503 after 3 attempts");
        assertThat(engine.fetcher.requestsFor(SITE)).hasSize(3);
    }

    @Test
    void backOffWaitsAsLongAsTheInjectedRandomSays() throws Exception {
        engine.fetcher.on(SITE, status(503), html("<p>ok</p>"));
        CrawlConfig config = engine.settings(SITE)
                .retry(new RetryPolicy(2, Duration.ofMillis(400), Duration.ofSeconds(5), 10)).build();
        EngineClock clock = new EngineClock(System::nanoTime, InstantSource.system(), () -> 0.999);

        engine.crawl(config, clock);

        List<ScriptedFetcher.Request> tries = engine.fetcher.requestsFor(SITE);
        assertThat(tries).hasSize(2);
        // the jitter spans half to all of the base delay: 0.999 takes nearly all of it (a system
        // random would give less than 380 ms nine times in ten)
        assertThat(tries.get(1).sentNanos() - tries.get(0).sentNanos()).isGreaterThanOrEqualTo(
                Duration.ofMillis(380).toNanos());
    }

    @Test
    void aRetryAfterDateIsReadOnTheEnginesWallClock() throws Exception {
        Instant now = Instant.parse("2001-02-03T04:05:06Z");
        String inOneSecond = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(now.plusSeconds(1));
        engine.fetcher.on(SITE, status(503, "Retry-After", inOneSecond), html("<p>ok</p>"));
        EngineClock clock = new EngineClock(System::nanoTime, InstantSource.fixed(now), () -> 0.5);

        engine.crawl(engine.settings(SITE).build(), clock);

        List<ScriptedFetcher.Request> tries = engine.fetcher.requestsFor(SITE);
        assertThat(tries).hasSize(2);
        // read on the system clock, a date in 2001 would be long past and the retry immediate
        assertThat(tries.get(1).sentNanos() - tries.get(0).sentNanos())
                .isGreaterThanOrEqualTo(Duration.ofMillis(900).toNanos());
    }

    @Test
    void theStatsCountAHostWaitingOutItsRetryAfterAsBackingOffAndOneAwaitingAnAnswerAsActive() throws Exception {
        engine.fetcher.on(SITE, status(503, "Retry-After", "1"), html("<p>ok</p>"));
        engine.fetcher.on("http://b.test/", new ScriptedFetcher.Never());
        CompletableFuture<StopReason> done = engine.start(engine.settings(SITE, "http://b.test/").build());

        awaitStats("a.test backing off, b.test active", s -> s.hostsBackingOff() == 1 && s.hostsActive() == 1);
        assertThat(engine.fetcher.requestsFor(SITE)).as("its retry waits for the Retry-After").hasSize(1);
        awaitStats("a.test answered its retry", s -> s.hostsBackingOff() == 0 && s.pages() == 1);
        assertThat(engine.stats.snapshot().hostsActive()).as("b.test still has not answered").isEqualTo(1);

        engine.coordinator().stop(Duration.ofMillis(50));
        assertThat(done.get(5, TimeUnit.SECONDS)).isEqualTo(StopReason.STOPPED);
    }

    /** Waits (at most 5 s) until the crawl's counters show {@code state}. */
    private void awaitStats(String state, java.util.function.Predicate<dev.crawler.CrawlStats.Snapshot> test)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!test.test(engine.stats.snapshot())) {
            assertThat(System.nanoTime() - deadline).as("%s within 5 s: %s", state, engine.stats.snapshot()).isNegative();
            Thread.sleep(5);
        }
    }

    @Test
    void aRedirectIsFollowedAndBothEndsRecorded() throws Exception {
        engine.fetcher.on(SITE, status(301, "Location", "/new")).on(SITE + "new", html("<p>moved</p>"));

        engine.crawl(c -> c, SITE);

        Map<String, JsonNode> index = engine.index();
        assertThat(index.get(SITE).get("final_url").asText()).isEqualTo(SITE + "new");
        assertThat(engine.outcome(index, SITE + "new")).isEqualTo("200");
    }

    @Test
    void aRedirectLoopEndsWithItsReason() throws Exception {
        engine.fetcher.on(SITE, status(302, "Location", "/x")).on(SITE + "x", status(302, "Location", "/"));

        assertThat(engine.crawl(c -> c, SITE)).isEqualTo(StopReason.COMPLETED);

        Map<String, JsonNode> index = engine.index();
        assertThat(index).containsOnlyKeys(SITE, SITE + "x");
        assertThat(engine.outcome(index, SITE + "x")).isEqualTo("redirect_loop");
        assertThat(engine.fetcher.requests()).hasSize(2);
    }

    @Test
    void aUrlRobotsTxtDisallowsIsRecordedWithoutARequest() throws Exception {
        engine.fetcher.on(SITE + "robots.txt", text("User-agent: *\nDisallow: /private\n"))
                .on(SITE, linking("/private", "/public"))
                .on(SITE + "public", html("<p>hi</p>"));

        engine.crawl(c -> c.respectRobots(true), SITE);

        Map<String, JsonNode> index = engine.index();
        assertThat(engine.outcome(index, SITE + "private")).isEqualTo("robots_denied");
        assertThat(engine.outcome(index, SITE + "public")).isEqualTo("200");
        assertThat(engine.fetcher.requestsFor(SITE + "private")).isEmpty();
        assertThat(engine.fetcher.requestsFor(SITE + "robots.txt")).hasSize(1);
    }

    @Test
    void anUnreachableRobotsTxtIsTriedAgainThenTheHostIsNotCrawled() throws Exception {
        engine.fetcher.on(SITE + "robots.txt", status(503));

        assertThat(engine.crawl(c -> c.respectRobots(true), SITE)).isEqualTo(StopReason.COMPLETED);

        assertThat(engine.outcome(engine.index(), SITE)).isEqualTo("robots_unreachable");
        assertThat(engine.fetcher.requestsFor(SITE + "robots.txt")).hasSize(3);
        assertThat(engine.fetcher.requestsFor(SITE)).isEmpty();
    }

    @Test
    void aHostThatKeepsFailingIsGivenUpAndItsOtherUrlsRecordedWithoutRequests() throws Exception {
        String[] pages = {"/1", "/2", "/3", "/4", "/5", "/6"};
        engine.fetcher.on(SITE, linking(pages));
        for (String p : pages) {
            engine.fetcher.on(SITE + p.substring(1), new ScriptedFetcher.Fail(FetchError.CONNECT));
        }
        CrawlConfig config = engine.settings(SITE).concurrency(1)
                .retry(new RetryPolicy(0, Duration.ofMillis(1), Duration.ofSeconds(1), 3)).build();

        assertThat(engine.crawl(config)).isEqualTo(StopReason.COMPLETED);

        Map<String, JsonNode> index = engine.index();
        assertThat(index).hasSize(7);
        long givenUp = index.values().stream().filter(n -> n.path("error").asText().startsWith("host_unavailable"))
                .count();
        // three failures in a row give the host up (the third's line says so after its own error)
        assertThat(givenUp).isEqualTo(3);
        assertThat(index.get(SITE + "3").get("error").asText()).startsWith("connect: ").contains("host_unavailable");
        assertThat(engine.fetcher.requests()).extracting(ScriptedFetcher.Request::url)
                .containsExactly(SITE, SITE + "1", SITE + "2", SITE + "3");
        assertThat(engine.stats.hostsGivenUp.sum()).isEqualTo(1);
    }

    @Test
    void thePageBudgetEndsTheCrawlWithoutFurtherRequests() throws Exception {
        engine.fetcher.on(SITE, linking("/1", "/2", "/3", "/4"));

        assertThat(engine.crawl(c -> c.maxPages(2).concurrency(1), SITE)).isEqualTo(StopReason.MAX_PAGES);

        assertThat(engine.fetcher.requests()).hasSize(2);
        assertThat(engine.index()).hasSize(2);
    }

    @Test
    void aFetcherThatFailsUnexpectedlyDoesNotStallTheCrawl() throws Exception {
        engine.fetcher.on(SITE, linking("/bug", "/fine")).on(SITE + "bug", new ScriptedFetcher.Bug())
                .on(SITE + "fine", html("<p>fine</p>"));

        assertThat(engine.crawl(c -> c, SITE)).isEqualTo(StopReason.COMPLETED);

        Map<String, JsonNode> index = engine.index();
        assertThat(engine.outcome(index, SITE + "fine")).isEqualTo("200");
        assertThat(index).doesNotContainKey(SITE + "bug"); // left queued for the next run
    }

    @Test
    void stopWithAGraceEndsACrawlWhoseRequestNeverAnswers() throws Exception {
        engine.fetcher.on(SITE, new ScriptedFetcher.Never());
        CompletableFuture<StopReason> done = engine.start(engine.settings(SITE).build());
        while (engine.fetcher.requests().isEmpty()) {
            Thread.sleep(5);
        }

        engine.coordinator().stop(Duration.ofMillis(50));

        assertThat(done.get(5, TimeUnit.SECONDS)).isEqualTo(StopReason.STOPPED);
        assertThat(engine.index()).isEmpty();
    }

    /**
     * A frontier that may still get work from elsewhere (the other nodes of a crawl) keeps the
     * crawl open with nothing queued and nothing under way, and it ends once the frontier says no
     * more will come.
     */
    @Test
    void aCrawlDoesNotEndWhileItsFrontierMayStillGetWorkFromElsewhere() throws Exception {
        engine.fetcher.on(SITE, html("<p>alone</p>"));
        WaitingFrontier frontier = new WaitingFrontier();
        CompletableFuture<StopReason> done = engine.start(engine.settings(SITE).build(), frontier);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (engine.sunk.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(300);
        assertThat(done).as("ended while its frontier was still loading").isNotDone();
        assertThat(engine.loop.submit(() -> engine.coordinator().audit()).get(5, TimeUnit.SECONDS))
                .as("waiting for other nodes is not a stall").isEmpty();

        engine.loop.execute(frontier::loaded);

        assertThat(done.get(5, TimeUnit.SECONDS)).isEqualTo(StopReason.COMPLETED);
        assertThat(engine.index()).containsOnlyKeys(SITE);
    }

    @Test
    void linksBeyondTheDepthLimitAreNotQueued() throws Exception {
        engine.fetcher.on(SITE, linking("/1")).on(SITE + "1", linking("/2")).on(SITE + "2", linking("/3"));

        engine.crawl(c -> c.maxDepth(1), SITE);

        assertThat(engine.index()).containsOnlyKeys(SITE, SITE + "1");
        assertThat(engine.fetcher.requests()).hasSize(2);
    }

    @Test
    void aPageWithMoreLinksThanOneSliceHasEveryLinkQueuedOnceAndIsCommittedAfterThem() throws Exception {
        int many = 3 * CrawlCoordinator.LINK_SLICE + 7;
        String[] first = new String[many];
        String[] second = new String[many];
        for (int i = 0; i < many; i++) {
            first[i] = "/leaf" + i;
            second[i] = "/leaf" + (i + many / 2); // half of them the first hub's too
        }
        engine.fetcher.on(SITE, linking("/hub1", "/hub2"))
                .on(SITE + "hub1", linking(first))
                .on(SITE + "hub2", linking(second));

        assertThat(engine.crawl(c -> c, SITE)).isEqualTo(StopReason.COMPLETED);

        int leaves = many + many / 2;
        Map<String, JsonNode> index = engine.index();
        assertThat(index).hasSize(3 + leaves);
        assertThat(engine.fetcher.requests()).extracting(ScriptedFetcher.Request::url)
                .hasSize(3 + leaves).doesNotHaveDuplicates()
                .contains(SITE + "leaf0", SITE + "leaf" + (many - 1), SITE + "leaf" + (many + many / 2 - 1));
        assertThat(engine.outcome(index, SITE + "hub1")).isEqualTo("200");
    }
}
