package dev.crawler.engine;

import static dev.crawler.engine.ScriptedFetcher.status;
import static dev.crawler.engine.ScriptedFetcher.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.RetryPolicy;
import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.InMemoryFrontier;
import dev.crawler.politeness.PolitenessPolicy;
import dev.crawler.politeness.PolitenessScheduler;
import dev.crawler.robots.RobotsLoader;
import dev.crawler.robots.RobotsPolicy;
import dev.crawler.robots.RobotsRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The robots.txt gate on its own, with time standing still until the test moves it: what it
 * decides shows in its rules, in the scheduler (whether and when the host may go) and in the
 * permits. Retries wait the back-off with no jitter: half the base delay (1 s) for the first.
 */
class RobotsGateTest {

    private static final String HOST = "http://a.test:80";
    private static final String ROBOTS = "http://a.test/robots.txt";

    private final List<String> sitemaps = new ArrayList<>();
    private final HeldFetcher fetcher = new HeldFetcher();
    private StageRig rig = new StageRig(new InMemoryFrontier());
    private RobotsGate gate = gate(sitemaps::add);

    private RobotsGate gate(Consumer<String> sitemapListed) {
        RetryPolicy retry = new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(10), 10);
        return new RobotsGate(new RobotsLoader(fetcher, new RobotsPolicy("dev-crawler"), rig.workers), rig.parts(),
                new RetryState(retry, () -> 0.0), sitemapListed, note -> { });
    }

    @Test
    void aHostWaitsWhileItsRobotsTxtIsInFlightAndGoesOnceItsRulesAreKnown() {
        load();

        assertThat(fetcher.urls()).containsExactly(ROBOTS);
        assertThat(gate.rules(HOST)).isEmpty();
        assertThat(rig.permits.describe()).isEqualTo("1 robots.txt loads");
        rig.advance(Duration.ofMinutes(10));
        assertThat(rig.scheduler.nextReady(rig.now())).isEmpty();
        assertThat(rig.scheduler.nextWakeup()).isEmpty();

        answer(text("User-agent: *\nDisallow: /private\n"));

        RobotsRules rules = gate.rules(HOST).orElseThrow();
        assertThat(rules.source()).isEqualTo(RobotsRules.Source.PARSED);
        assertThat(rules.allows("http://a.test/public")).isTrue();
        assertThat(rules.allows("http://a.test/private")).isFalse();
        assertThat(rig.permits.held()).isZero();
        assertThat(rig.stats.snapshot().inFlight()).isZero();
        assertThat(rig.stats.snapshot().robotsFetches()).isEqualTo(1);
        assertThat(rig.pumps()).isEqualTo(1);
        assertThat(rig.scheduler.nextReady(rig.now())).contains(HOST);
    }

    /** RFC 9309 2.3.1.3: robots.txt "unavailable" (any 4xx, 401 and 403 too) allows everything. */
    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404, 410})
    void aRobotsTxtThatIsNotThereAllowsEverythingAtOnce(int status) {
        load();

        answer(status(status));

        RobotsRules rules = gate.rules(HOST).orElseThrow();
        assertThat(rules.source()).isEqualTo(RobotsRules.Source.MISSING);
        assertThat(rules.allows("http://a.test/private")).isTrue();
        assertThat(fetcher.urls()).containsExactly(ROBOTS);
        assertThat(rig.scheduler.nextReady(rig.now())).contains(HOST);
    }

    /** RFC 9309 2.3.1.4: a 5xx (or a 429) disallows everything for now; here robots.txt is fetched again. */
    @ParameterizedTest
    @ValueSource(ints = {500, 503, 429})
    void aServerErrorHoldsTheHostBackAndRobotsTxtIsFetchedAgainAfterTheBackOff(int status) {
        long start = rig.now();
        load();

        answer(status(status));

        assertThat(gate.rules(HOST)).as("not known yet: the host's next turn loads it again").isEmpty();
        assertThat(rig.permits.held()).isZero();
        assertThat(rig.pumps()).isEqualTo(1);
        assertThat(rig.scheduler.nextReady(rig.now())).isEmpty();
        assertThat(rig.scheduler.nextWakeup()).hasValue(start + Duration.ofMillis(500).toNanos());

        rig.advance(Duration.ofMillis(500));
        load();
        answer(text("User-agent: *\nDisallow: /private\n"));

        assertThat(gate.rules(HOST).orElseThrow().source()).isEqualTo(RobotsRules.Source.PARSED);
        assertThat(fetcher.urls()).containsExactly(ROBOTS, ROBOTS);
    }

    @Test
    void whenItsRetriesAreUsedUpTheHostIsUnreachableAndNothingOfItMayBeFetched() {
        load();
        answer(status(503));
        assertThat(rig.scheduler.nextWakeup()).hasValue(rig.now() + Duration.ofMillis(500).toNanos());
        rig.advance(Duration.ofMillis(500));
        load();
        answer(status(503));
        assertThat(rig.scheduler.nextWakeup()).as("the back-off doubles").hasValue(
                rig.now() + Duration.ofSeconds(1).toNanos());
        rig.advance(Duration.ofSeconds(1));
        load();

        answer(status(503));

        RobotsRules rules = gate.rules(HOST).orElseThrow();
        assertThat(rules.source()).isEqualTo(RobotsRules.Source.UNREACHABLE);
        assertThat(rules.detail()).isEqualTo("status 503, 3 attempts");
        assertThat(rules.transientFailure()).isFalse();
        assertThat(rules.allows("http://a.test/")).isFalse();
        assertThat(rig.stats.snapshot().robotsFetches()).isEqualTo(3);
        assertThat(rig.scheduler.nextReady(rig.now())).as("its URLs go now, to be recorded unfetched").contains(HOST);
    }

    @Test
    void aFailureThatWillNotPassIsNotTriedAgain() {
        load();

        answer(new ScriptedFetcher.Fail(FetchError.DNS));

        RobotsRules rules = gate.rules(HOST).orElseThrow();
        assertThat(rules.source()).isEqualTo(RobotsRules.Source.UNREACHABLE);
        assertThat(rules.detail()).isEqualTo("dns: scripted dns");
        assertThat(rules.allows("http://a.test/")).isFalse();
        assertThat(fetcher.urls()).containsExactly(ROBOTS);
        assertThat(rig.scheduler.nextReady(rig.now())).contains(HOST);
    }

    @Test
    void unreachableRulesAreTrustedFiveMinutesThenRobotsTxtIsLoadedAfresh() {
        load();
        answer(new ScriptedFetcher.Fail(FetchError.DNS));

        rig.advance(Duration.ofMinutes(5).minusNanos(1));
        assertThat(gate.rules(HOST)).isPresent();
        rig.advance(Duration.ofNanos(1));
        assertThat(gate.rules(HOST)).isEmpty();

        load();
        answer(status(503));
        assertThat(rig.scheduler.nextWakeup()).as("a first failure again: the earlier ones were forgotten")
                .hasValue(rig.now() + Duration.ofMillis(500).toNanos());
    }

    @Test
    void aParsedRobotsTxtIsTrustedForADay() {
        load();
        answer(text("User-agent: *\nDisallow: /private\n"));

        rig.advance(Duration.ofDays(1).minusNanos(1));
        assertThat(gate.rules(HOST)).isPresent();
        rig.advance(Duration.ofNanos(1));
        assertThat(gate.rules(HOST)).isEmpty();
    }

    @Test
    void aCrawlDelayRaisesTheHostsSpacingCountedFromTheRobotsTxtRequest() {
        long start = rig.now();
        load();
        rig.advance(Duration.ofMillis(10));
        fetcher.open(ROBOTS).sent().sent(rig.now());
        rig.advance(Duration.ofMillis(90));

        answer(text("User-agent: *\nCrawl-delay: 2\n"));

        // 2 s and its margin (a tenth, at most 50 ms), from the robots.txt request's write
        long next = start + Duration.ofMillis(10 + 2050).toNanos();
        assertThat(rig.scheduler.nextReady(rig.now())).isEmpty();
        assertThat(rig.scheduler.nextWakeup()).hasValue(next);
        rig.advance(Duration.ofNanos(next - rig.now()));
        assertThat(rig.scheduler.nextReady(rig.now())).contains(HOST);
    }

    @Test
    void theSitemapsAParsedRobotsTxtListsAreHandedOnAsWritten() {
        load();

        answer(text("User-agent: *\nDisallow:\nSitemap: http://a.test/sitemap.xml\nSitemap: http://b.test/m.xml\n"));

        assertThat(sitemaps).containsExactly("http://a.test/sitemap.xml", "http://b.test/m.xml");
    }

    @Test
    void withoutSitemapsTheListedOnesAreIgnored() {
        gate = gate(null);
        load();

        answer(text("User-agent: *\nDisallow: /x\nSitemap: http://a.test/sitemap.xml\n"));

        assertThat(gate.rules(HOST).orElseThrow().sitemaps()).containsExactly("http://a.test/sitemap.xml");
        assertThat(rig.permits.held()).isZero();
        assertThat(rig.scheduler.nextReady(rig.now())).contains(HOST);
    }

    @Test
    void aRobotsTxtThatComesAfterTheCrawlEndedChangesNothing() {
        load();
        rig.end();

        answer(text("User-agent: *\nDisallow:\n"));

        assertThat(gate.rules(HOST)).isEmpty();
        assertThat(rig.permits.held()).as("the crawl is over: nothing is handed back").isEqualTo(1);
        assertThat(rig.pumps()).isZero();
        assertThat(rig.scheduler.nextReady(rig.now())).isEmpty();
    }

    @Test
    void aRedirectedRobotsTxtWaitsForTheSpacingOfTheHostItGoesToAndHoldsIt() {
        rig = new StageRig(new InMemoryFrontier(), new PolitenessPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(30)));
        gate = gate(sitemaps::add);
        String other = "http://b.test:80";
        long spacing = Duration.ofMillis(1050).toNanos();
        rig.scheduler.workArrived(other, rig.now());
        assertThat(rig.scheduler.nextReady(rig.now())).contains(other);
        PolitenessScheduler.Start page = rig.scheduler.started(other, rig.now(), false);
        page.sent(rig.now());
        long free = rig.now() + spacing;
        load();

        answer(status(301, "Location", "http://b.test/robots.txt"));

        assertThat(fetcher.urls()).containsExactly(ROBOTS);
        rig.advance(Duration.ofNanos(free - 1 - rig.now()));
        rig.runTasks();
        assertThat(fetcher.urls()).containsExactly(ROBOTS);
        rig.advance(Duration.ofNanos(1));
        rig.runTasks();
        assertThat(fetcher.urls()).containsExactly(ROBOTS, "http://b.test/robots.txt");
        assertThat(rig.scheduler.hopAllowedAt(other, rig.now())).isEqualTo(rig.now() + spacing);
        assertThat(rig.scheduler.inFlight(other)).isEqualTo(2);

        answer("http://b.test/robots.txt", text("User-agent: *\nDisallow: /x\n"));

        assertThat(rig.scheduler.inFlight(other)).as("the hop's slot is given back").isEqualTo(1);
        assertThat(gate.rules(HOST).orElseThrow().allows("http://a.test/x")).isFalse();
        assertThat(gate.rules(other)).as("rules of the host asked for only").isEmpty();
        assertThat(rig.permits.held()).isZero();
    }

    /** Gives the host its turn, as the coordinator does when its rules are not known, and loads them. */
    private void load() {
        if (!rig.frontier.hasQueued(HOST)) {
            rig.frontier.offer(CrawlRequest.of("http://a.test/page", 0, null, 0));
            rig.scheduler.workArrived(HOST, rig.now());
        }
        assertThat(rig.scheduler.nextReady(rig.now())).as("the host's turn").contains(HOST);
        gate.load(HOST, rig.now());
    }

    private void answer(ScriptedFetcher.Answer answer) {
        answer(ROBOTS, answer);
    }

    private void answer(String url, ScriptedFetcher.Answer answer) {
        fetcher.answer(url, answer);
        rig.runTasks();
    }
}
