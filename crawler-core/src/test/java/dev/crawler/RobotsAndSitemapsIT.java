package dev.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.RetryPolicy;
import dev.crawler.politeness.PolitenessPolicy;
import dev.crawler.sim.hostile.RawHttpServer;
import dev.crawler.sim.hostile.Responders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * robots.txt as RFC 9309 says, against a raw server on loopback, in the async and the sync mode:
 * 5xx holds the host's URLs back while robots.txt is fetched again; unreachable for good refuses
 * them with a clear reason; 4xx allows all; redirects are followed up to 5 hops; 500 KiB are
 * parsed and no more kept; Crawl-delay is honoured up to its cap; the rules are fetched once per
 * host; and {@code --sitemaps} seeds the crawl from the sitemaps robots.txt lists.
 */
@Timeout(120)
@ExtendWith(NoBlockingOnEventLoops.class)
class RobotsAndSitemapsIT {

    private static final String H = "robots.test";
    private RawHttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RawHttpServer();
        server.route(H, "/", Responders.html("<a href=/a>a</a> <a href=/b>b</a> <a href=/private/x>p</a>"));
        server.route(H, "/a", Responders.html("a"));
        server.route(H, "/b", Responders.html("b"));
        server.route(H, "/private/x", Responders.html("private"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HostileCrawl crawl(FetchMode mode, Path out) throws Exception {
        return HostileCrawl.run(server, mode, out, List.of(H), List.of(server.url(H, "/")), b -> b);
    }

    private long pageRequests() {
        return server.requests().stream().filter(r -> !r.path().equals("/robots.txt")).count();
    }

    private static RawHttpServer.Responder robots(String text) {
        return Responders.body(200, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void aRobotsTxtThatFailsForAWhileHoldsTheUrlsBackUntilItIsRead(FetchMode mode, @TempDir Path out) throws Exception {
        server.route(H, "/robots.txt", Responders.sequence(Responders.status(503, "busy"), Responders.status(500, "oops"),
                robots("User-agent: *\nDisallow: /private/\n")));
        HostileCrawl crawl = crawl(mode, out);
        assertThat(server.requests(H, "/robots.txt")).hasSize(3);
        assertThat(crawl.status(server.url(H, "/a"))).contains(200);
        assertThat(crawl.error(server.url(H, "/private/x"))).startsWith("robots_denied");
        assertThat(crawl.index.values()).noneMatch(n -> n.path("error").asText().startsWith("robots_unreachable"));
        RawHttpServer.Request firstPage = server.requests().stream().filter(r -> !r.path().equals("/robots.txt"))
                .findFirst().orElseThrow();
        assertThat(firstPage.arrivalNanos()).as("no page before robots.txt was read")
                .isGreaterThan(server.requests(H, "/robots.txt").get(2).arrivalNanos());
    }

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void aRobotsTxtThatNeverAnswersDisallowsTheHostAfterItsRetries(FetchMode mode, @TempDir Path out) throws Exception {
        server.route(H, "/robots.txt", Responders.status(503, "down"));
        HostileCrawl crawl = crawl(mode, out);
        assertThat(server.requests(H, "/robots.txt")).as("1 + 2 retries").hasSize(3);
        assertThat(pageRequests()).as("nothing of the host is fetched").isZero();
        assertThat(crawl.error(server.url(H, "/"))).startsWith("robots_unreachable: ").contains("status 503", "3 attempts");
    }

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void a4xxRobotsTxtAllowsEverything(FetchMode mode, @TempDir Path out) throws Exception {
        server.route(H, "/robots.txt", Responders.status(403, "forbidden"));
        HostileCrawl crawl = crawl(mode, out);
        assertThat(crawl.status(server.url(H, "/private/x"))).contains(200);
        assertThat(server.requests(H, "/robots.txt")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void redirectsAreFollowedUpToFiveHops(FetchMode mode, @TempDir Path out) throws Exception {
        server.route(H, "/robots.txt", Responders.redirect(301, "/r1"));
        for (int i = 1; i < 5; i++) {
            server.route(H, "/r" + i, Responders.redirect(302, "/r" + (i + 1)));
        }
        server.route(H, "/r5", robots("User-agent: *\nDisallow: /private/\n"));
        HostileCrawl crawl = crawl(mode, out);
        assertThat(crawl.error(server.url(H, "/private/x"))).as("rules 5 redirects away apply").startsWith("robots_denied");
    }

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void moreThanFiveRedirectsMeanNoRobotsTxt(FetchMode mode, @TempDir Path out) throws Exception {
        server.route(H, "/robots.txt", Responders.redirect(301, "/r1"));
        for (int i = 1; i < 6; i++) {
            server.route(H, "/r" + i, Responders.redirect(302, "/r" + (i + 1)));
        }
        server.route(H, "/r6", robots("User-agent: *\nDisallow: /\n"));
        HostileCrawl crawl = crawl(mode, out);
        assertThat(server.requests(H, "/r6")).as("the 6th hop is not taken").isEmpty();
        assertThat(crawl.status(server.url(H, "/private/x"))).as("unavailable robots.txt: allow all").contains(200);
    }

    /** A rule within the first 500 KiB is obeyed; one past it is never seen (and never held in memory). */
    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void theFirst500KibAreParsedAndNoMore(FetchMode mode, @TempDir Path out) throws Exception {
        StringBuilder txt = new StringBuilder("User-agent: *\n");
        while (txt.length() < 400 * 1024) {
            txt.append("# filler comment line to make robots.txt long\n");
        }
        txt.append("Disallow: /a\n");
        while (txt.length() < 600 * 1024) {
            txt.append("# more filler past the 500 KiB parsers must read\n");
        }
        txt.append("Disallow: /b\n");
        server.route(H, "/robots.txt", robots(txt.toString()));
        HostileCrawl crawl = crawl(mode, out);
        assertThat(crawl.error(server.url(H, "/a"))).startsWith("robots_denied");
        assertThat(crawl.status(server.url(H, "/b"))).contains(200);
    }

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void crawlDelayIsHonouredAndRobotsTxtIsReadOncePerHost(FetchMode mode, @TempDir Path out) throws Exception {
        server.route(H, "/robots.txt", robots("User-agent: *\nCrawl-delay: 1\n"));
        HostileCrawl.run(server, mode, out, List.of(H), List.of(server.url(H, "/")),
                b -> b.politeness(new PolitenessPolicy(2, Duration.ZERO, Duration.ofSeconds(30))));
        List<RawHttpServer.Request> pages = server.requests().stream().filter(r -> !r.path().equals("/robots.txt"))
                .toList();
        assertThat(pages).hasSize(4);
        assertSpacedAtLeast(pages, 1000);
        assertThat(server.requests(H, "/robots.txt")).as("one robots.txt for all of the host's requests").hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void aHugeCrawlDelayIsCappedAtMaxCrawlDelay(FetchMode mode, @TempDir Path out) throws Exception {
        server.route(H, "/robots.txt", robots("User-agent: *\nCrawl-delay: 86400\n"));
        HostileCrawl crawl = HostileCrawl.run(server, mode, out, List.of(H), List.of(server.url(H, "/")),
                b -> b.politeness(new PolitenessPolicy(1, Duration.ZERO, Duration.ofMillis(300))));
        List<RawHttpServer.Request> pages = server.requests().stream().filter(r -> !r.path().equals("/robots.txt"))
                .toList();
        assertThat(pages).hasSize(4);
        assertSpacedAtLeast(pages, 300);
        assertThat(crawl.summary.reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
    }

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void sitemapsListedInRobotsTxtSeedTheCrawl(FetchMode mode, @TempDir Path out) throws Exception {
        String base = server.url(H, "");
        server.route(H, "/robots.txt", robots("User-agent: *\nDisallow: /private/\nSitemap: " + base + "/sitemap_index.xml\n"
                + "Sitemap: http://elsewhere.test/sitemap.xml\n"));
        server.route(H, "/sitemap_index.xml", Responders.body(200, "application/xml", ("<?xml version=\"1.0\"?>"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<sitemap><loc>" + base + "/sm1.xml</loc></sitemap>"
                + "<sitemap><loc>" + base + "/sm2.xml.gz</loc></sitemap>"
                + "<sitemap><loc>" + base + "/sitemap_index.xml</loc></sitemap>"
                + "</sitemapindex>").getBytes(StandardCharsets.UTF_8)));
        server.route(H, "/sm1.xml", Responders.body(200, "text/xml", ("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>" + base + "/only-in-sitemap-1</loc></url>"
                + "<url><loc>" + base + "/private/hidden</loc></url></urlset>").getBytes(StandardCharsets.UTF_8)));
        server.route(H, "/sm2.xml.gz", Responders.body(200, "application/gzip", Responders.gzip(
                ("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" + base
                        + "/only-in-sitemap-2</loc></url></urlset>").getBytes(StandardCharsets.UTF_8))));
        server.route(H, "/only-in-sitemap-1", Responders.html("s1"));
        server.route(H, "/only-in-sitemap-2", Responders.html("s2"));

        HostileCrawl without = crawl(mode, out.resolve("without"));
        assertThat(without.index).doesNotContainKey(server.url(H, "/only-in-sitemap-1"));

        HostileCrawl with = HostileCrawl.run(server, mode, out.resolve("with"), List.of(H),
                List.of(server.url(H, "/")), b -> b.sitemaps(true).scope(dev.crawler.filter.Scope.HOST));
        assertThat(with.status(server.url(H, "/only-in-sitemap-1"))).contains(200);
        assertThat(with.status(server.url(H, "/only-in-sitemap-2"))).contains(200);
        assertThat(with.line(server.url(H, "/only-in-sitemap-1")).get("depth").asInt()).isZero();
        assertThat(with.error(server.url(H, "/private/hidden"))).startsWith("robots_denied");
        assertThat(server.requests(H, "/sitemap_index.xml")).as("an index listing itself is read once").hasSize(1);
        assertThat(server.requests().stream().filter(r -> r.host().equals("elsewhere.test"))).as("out of scope").isEmpty();
        assertThat(with.summary.stats().sitemaps()).isEqualTo(3);
        assertThat(with.summary.stats().sitemapUrls()).isEqualTo(3);
    }

    /**
     * Request starts {@code millis} apart, as the server saw them. The server notes a request when
     * its thread reads it; on a loaded machine that can lag behind the crawler's start, which makes
     * the next gap look shorter, so each gap may come up short by a lag, but all of them together
     * not by more than one.
     */
    private static void assertSpacedAtLeast(List<RawHttpServer.Request> pages, long millis) {
        long lag = 200;
        for (int i = 1; i < pages.size(); i++) {
            assertThat((pages.get(i).arrivalNanos() - pages.get(i - 1).arrivalNanos()) / 1_000_000)
                    .as("gap before %s", pages.get(i).path()).isGreaterThanOrEqualTo(millis - lag);
        }
        long span = (pages.get(pages.size() - 1).arrivalNanos() - pages.get(0).arrivalNanos()) / 1_000_000;
        assertThat(span).isGreaterThanOrEqualTo((pages.size() - 1) * millis - lag);
    }

    static RetryPolicy quickRetries() {
        return new RetryPolicy(2, Duration.ofMillis(50), Duration.ofSeconds(1), 10);
    }
}
