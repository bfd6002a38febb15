package dev.crawler.engine;

import static dev.crawler.engine.ScriptedFetcher.status;
import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.crawler.CrawlConfig;
import dev.crawler.fetch.FetchError;
import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.InMemoryFrontier;
import dev.crawler.robots.RobotsRules;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The sitemap follower on its own: which sitemaps it queues (in scope, once each, at most
 * {@value SitemapQueue#MAX_PER_HOST} per host), and what a fetched one brings in. The crawl's seed
 * is {@code http://a.test/}, its scope the seed's host; robots.txt allows everything unless a
 * test says otherwise.
 */
class SitemapFollowerTest {

    private static final String SITE = "http://a.test/";
    private static final String HOST = "http://a.test:80";
    private static final String MAP = "http://a.test/sitemap.xml";
    private static final RobotsRules ALLOW_ALL = new RobotsRules(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL),
            RobotsRules.Source.MISSING);

    private final StageRig rig = new StageRig(new InMemoryFrontier());
    private final HeldFetcher fetcher = new HeldFetcher();
    // no trap fires in these tests, so no refusal is ever committed
    private final SitemapFollower sitemaps = new SitemapFollower(fetcher, rig.frontier,
            rig.intake(CrawlConfig.builder().seeds(List.of(SITE)).build(), null), rig.parts(), 1 << 20);

    @Test
    void aSitemapIsQueuedOnceAndItsHostHearsItHasWork() {
        sitemaps.queue(MAP);
        sitemaps.queue(MAP);

        assertThat(sitemaps.pending()).isEqualTo(1);
        assertThat(sitemaps.hasPending(HOST)).isTrue();
        assertThat(sitemaps.hostHasWork(HOST)).isTrue();
        assertThat(rig.scheduler.nextReady(rig.now())).contains(HOST);
    }

    @Test
    void aSitemapOutOfScopeOrNotAnHttpUrlIsNotQueued() {
        sitemaps.queue("http://b.test/sitemap.xml");
        sitemaps.queue("ftp://a.test/sitemap.xml");
        sitemaps.queue("sitemap.xml");

        assertThat(sitemaps.pending()).isZero();
        assertThat(rig.scheduler.hosts()).isEmpty();
    }

    @Test
    void theUrlsASitemapListsComeInAtDepthZeroWithTheSitemapAsReferrer() {
        sitemaps.queue(MAP);
        fetchNext();
        assertThat(fetcher.urls()).containsExactly(MAP);
        assertThat(rig.permits.describe()).isEqualTo("1 sitemaps");
        assertThat(sitemaps.pending()).isZero();

        answer(MAP, xml(urlset("http://a.test/p1", "http://a.test/p2", "http://b.test/elsewhere")));

        assertThat(rig.frontier.poll(HOST)).contains(new CrawlRequest("http://a.test/p1", HOST, 0, MAP, 0));
        assertThat(rig.frontier.poll(HOST)).contains(new CrawlRequest("http://a.test/p2", HOST, 0, MAP, 0));
        assertThat(rig.frontier.queued()).isZero();
        assertThat(rig.stats.snapshot().sitemaps()).isEqualTo(1);
        assertThat(rig.stats.snapshot().sitemapUrls()).isEqualTo(3);
        assertThat(rig.stats.snapshot().outOfScope()).isEqualTo(1);
        assertThat(rig.stats.snapshot().inFlight()).isZero();
        assertThat(rig.permits.held()).isZero();
    }

    @Test
    void aSitemapIndexQueuesTheSitemapsItListsEachOnceAndThoseInScopeOnly() {
        sitemaps.queue(MAP);
        fetchNext();

        answer(MAP, xml(index("http://a.test/m1.xml", "http://a.test/m2.xml", MAP, "http://a.test/m1.xml",
                "http://b.test/m3.xml")));

        assertThat(sitemaps.pending()).isEqualTo(2);
        assertThat(rig.frontier.queued()).isZero();
        fetchNext();
        fetchNext();
        assertThat(fetcher.urls()).containsExactly(MAP, "http://a.test/m1.xml", "http://a.test/m2.xml");
        answer("http://a.test/m2.xml", xml(urlset("http://a.test/from-m2")));
        assertThat(rig.frontier.poll(HOST).orElseThrow().url()).isEqualTo("http://a.test/from-m2");
        assertThat(rig.permits.describe()).isEqualTo("1 sitemaps");
    }

    @Test
    void sitemapIndexesCannotMakeAHostFetchMoreThanItsCapOfSitemaps() {
        sitemaps.queue(MAP);
        fetchNext();
        String[] many = IntStream.rangeClosed(1, 60).mapToObj(i -> "http://a.test/m" + i + ".xml")
                .toArray(String[]::new);

        answer(MAP, xml(index(many)));

        assertThat(sitemaps.pending()).isEqualTo(SitemapQueue.MAX_PER_HOST - 1);
        sitemaps.queue("http://a.test/late.xml");
        assertThat(sitemaps.pending()).isEqualTo(SitemapQueue.MAX_PER_HOST - 1);
    }

    @Test
    void aSitemapThatCannotBeReadBringsNothingAndFreesItsPermit() {
        sitemaps.queue(MAP);
        sitemaps.queue("http://a.test/page.xml");
        fetchNext();
        fetchNext();

        answer(MAP, xml("{\"urls\": [\"http://a.test/p1\"]}"));
        answer("http://a.test/page.xml", new ScriptedFetcher.Reply(200, List.of(Map.entry("Content-Type",
                "text/html")), "<html><body><a href=\"/p2\">p2</a></body></html>"));

        assertThat(rig.frontier.queued()).isZero();
        assertThat(sitemaps.pending()).isZero();
        assertThat(rig.permits.held()).isZero();
    }

    @Test
    void aSitemapThatFailsIsDroppedNotRetried() {
        sitemaps.queue(MAP);
        sitemaps.queue("http://a.test/m2.xml");
        fetchNext();
        fetchNext();

        answer(MAP, status(503));
        answer("http://a.test/m2.xml", new ScriptedFetcher.Fail(FetchError.CONNECT));

        assertThat(sitemaps.pending()).isZero();
        assertThat(rig.frontier.queued()).isZero();
        assertThat(rig.permits.held()).isZero();
        assertThat(rig.stats.snapshot().inFlight()).isZero();
    }

    @Test
    void aRedirectedSitemapIsFollowedToATargetInScope() {
        sitemaps.queue(MAP);
        sitemaps.queue("http://a.test/away.xml");
        fetchNext();
        fetchNext();

        answer(MAP, status(301, "Location", "/moved.xml"));
        answer("http://a.test/away.xml", status(302, "Location", "http://b.test/sitemap.xml"));

        assertThat(sitemaps.pending()).isEqualTo(1);
        assertThat(rig.permits.held()).isZero();
        fetchNext();
        assertThat(fetcher.urls()).last().isEqualTo("http://a.test/moved.xml");
    }

    @Test
    void aSitemapRobotsTxtDisallowsIsNotFetchedAndItsHostGoesOnWithItsPages() {
        RobotsRules noSitemaps = new RobotsRules(new SimpleRobotRulesParser().parseContent(
                "http://a.test/robots.txt", "User-agent: *\nDisallow: /sitemap".getBytes(StandardCharsets.UTF_8), "text/plain",
                List.of("dev-crawler")), RobotsRules.Source.PARSED);
        rig.frontier.offer(CrawlRequest.of("http://a.test/page", 0, null, 0));
        rig.scheduler.workArrived(HOST, rig.now());
        sitemaps.queue(MAP);
        assertThat(rig.scheduler.nextReady(rig.now())).contains(HOST);

        sitemaps.fetchNext(HOST, noSitemaps, rig.now());

        assertThat(fetcher.urls()).isEmpty();
        assertThat(sitemaps.pending()).isZero();
        assertThat(rig.permits.held()).isZero();
        assertThat(rig.stats.snapshot().sitemaps()).isZero();
        assertThat(rig.scheduler.nextReady(rig.now())).as("its page is still to fetch").contains(HOST);
    }

    @Test
    void aSitemapThatComesAfterTheCrawlEndedIsDropped() {
        sitemaps.queue(MAP);
        fetchNext();
        rig.end();

        answer(MAP, xml(urlset("http://a.test/p1")));

        assertThat(rig.frontier.queued()).isZero();
        assertThat(rig.permits.held()).as("the crawl is over: nothing is handed back").isEqualTo(1);
    }

    /** Gives the host its turn and fetches its next sitemap. */
    private void fetchNext() {
        assertThat(rig.scheduler.nextReady(rig.now())).as("the host's turn").contains(HOST);
        sitemaps.fetchNext(HOST, ALLOW_ALL, rig.now());
    }

    private void answer(String url, ScriptedFetcher.Answer answer) {
        fetcher.answer(url, answer);
        rig.runTasks();
    }

    private static ScriptedFetcher.Answer xml(String body) {
        return new ScriptedFetcher.Reply(200, List.of(Map.entry("Content-Type", "application/xml")), body);
    }

    private static String urlset(String... urls) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + Arrays.stream(urls).map(u -> "<url><loc>" + u + "</loc></url>").collect(Collectors.joining())
                + "</urlset>";
    }

    private static String index(String... sitemaps) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + Arrays.stream(sitemaps).map(u -> "<sitemap><loc>" + u + "</loc></sitemap>")
                        .collect(Collectors.joining())
                + "</sitemapindex>";
    }
}
