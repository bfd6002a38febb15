package dev.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.FetchSettings;
import dev.crawler.filter.TrapPolicy;
import dev.crawler.sim.hostile.RawHttpServer;
import dev.crawler.sim.hostile.Responders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Crawler traps and hostile content against a raw server on loopback, in the async and the sync
 * mode: each trap rule refuses its URLs with a counted, indexed reason; pages with wrong
 * charsets, binary bodies, 100,000 links, 100,000 levels of nesting, 50 MB or nothing at all end
 * with one sensible index line each and the crawl goes on.
 */
@Timeout(180)
@ExtendWith(NoBlockingOnEventLoops.class)
class TrapsAndContentIT {

    private static final String H = "traps.test";
    private RawHttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RawHttpServer();
        server.route("/robots.txt", Responders.status(404, "none"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void trapsAreRefusedCountedAndIndexed(FetchMode mode, @TempDir Path out) throws Exception {
        String longPath = "/long/" + "x".repeat(300);
        String deep = "/d/e/e/p/1/2/3/4/5/6/7";
        String capped = "capped.test";
        server.route(H, "/", Responders.html("<a href='a/'>a</a> <a href='" + longPath + "'>l</a> <a href='" + deep
                + "'>d</a> <a href='/cal?m=0'>calendar</a>"));
        // relative links that nest a path ever deeper: /a/ -> /a/a/ -> /a/a/a/ ...
        server.route(H, "/a/", Responders.html("<a href='a/'>deeper</a>"));
        server.route(H, "/a/a/", Responders.html("<a href='a/'>deeper</a>"));
        server.route(H, "/a/a/a/", Responders.html("<a href='a/'>deeper</a>"));
        for (int m = 0; m < 12; m++) {
            server.route(H, "/cal?m=" + m, Responders.html("<a href='/cal?m=" + (m + 1) + "'>next month</a>"));
        }
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            many.append("<a href='/page").append(i).append("'>p</a>");
            server.route(capped, "/page" + i, Responders.html("page"));
        }
        server.route(capped, "/", Responders.html(many.toString()));

        HostileCrawl crawl = HostileCrawl.run(server, mode, out, List.of(H, capped),
                List.of(server.url(H, "/"), server.url(capped, "/")),
                b -> b.traps(new TrapPolicy(200, 8, 3, 5, 20, 10_000)));

        assertThat(crawl.error(server.url(H, "/a/a/a/a/"))).startsWith("trap_repeated_segments: ");
        assertThat(server.requests(H, "/a/a/a/a/")).isEmpty();
        assertThat(crawl.error(server.url(H, longPath))).startsWith("trap_url_too_long: ");
        assertThat(crawl.error(server.url(H, deep))).startsWith("trap_path_too_deep: ");
        assertThat(crawl.error(server.url(H, "/cal?m=5"))).startsWith("trap_query_variants: ");
        assertThat(server.requests(H, "/cal?m=5")).isEmpty();
        assertThat(crawl.status(server.url(H, "/cal?m=4"))).contains(200);
        long cappedUrls = crawl.index.values().stream().filter(n -> n.path("error").asText().startsWith("host_page_cap")).count();
        assertThat(cappedUrls).as("31 URLs, at most 20 per host").isEqualTo(11);
        assertThat(server.requests().stream().filter(r -> r.host().equals(capped) && !r.path().equals("/robots.txt")))
                .hasSize(20);
        var traps = crawl.summary.stats().traps();
        assertThat(traps.get("trap_repeated_segments")).isEqualTo(1);
        assertThat(traps.get("trap_url_too_long")).isEqualTo(1);
        assertThat(traps.get("trap_path_too_deep")).isEqualTo(1);
        assertThat(traps.get("trap_query_variants")).isEqualTo(1);
        assertThat(traps.get("host_page_cap")).isEqualTo(11);
    }

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void hostileContentIsSavedAndTheCrawlGoesOn(FetchMode mode, @TempDir Path out) throws Exception {
        byte[] utf8 = "<html><body><a href='/caf\u00e9'>caf\u00e9</a></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] binary = new byte[1 << 20];
        new Random(7).nextBytes(binary);
        StringBuilder links = new StringBuilder("<html><body>");
        for (int i = 0; i < 100_000; i++) {
            links.append("<a href='http://elsewhere.test/l/").append(i).append("'>x</a>");
        }
        String nested = "<div>".repeat(100_000) + "<a href='/deep-link'>deep</a>" + "</div>".repeat(100_000);
        server.route(H, "/", Responders.html("<a href=/no-charset>1</a><a href=/wrong-charset>2</a>"
                + "<a href=/disagreeing>3</a><a href=/binary>4</a><a href=/links>5</a><a href=/nested>6</a>"
                + "<a href=/huge>7</a><a href=/empty>8</a><a href=/after>9</a>"));
        server.route(H, "/no-charset", Responders.body(200, "text/html", utf8));
        server.route(H, "/wrong-charset", Responders.body(200, "text/html; charset=utf-99", utf8));
        server.route(H, "/disagreeing", Responders.body(200, "text/html; charset=iso-8859-1",
                ("<meta charset=utf-8>" + new String(utf8, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        server.route(H, "/binary", Responders.body(200, "text/html", binary));
        server.route(H, "/links", Responders.html(links.toString()));
        server.route(H, "/nested", Responders.html(nested));
        server.route(H, "/huge", Responders.zeros(50L << 20));
        server.route(H, "/empty", Responders.body(200, "text/html", new byte[0]));
        server.route(H, "/after", Responders.html("the crawl went on"));
        server.route(H, "/caf%C3%A9", Responders.html("utf-8 link followed"));

        HostileCrawl crawl = HostileCrawl.run(server, mode, out, List.of(H), List.of(server.url(H, "/")),
                b -> b.maxDepth(2).scope(dev.crawler.filter.Scope.HOST).fetch(FetchSettings.defaults("t").withAddressPolicy(b.fetch().addressPolicy())
                        .withOverrides(b.fetch().overrides()))
                        .traps(new TrapPolicy(2048, 32, 3, 1000, -1, 1000)));

        for (String p : List.of("/no-charset", "/wrong-charset", "/disagreeing", "/binary", "/links", "/nested",
                "/empty", "/after")) {
            assertThat(crawl.status(server.url(H, p))).as(p).contains(200);
            assertThat(crawl.error(server.url(H, p))).as(p).isEmpty();
            Path file = out.resolve(crawl.line(server.url(H, p)).get("file").asText());
            assertThat(file).as(p).isRegularFile();
        }
        assertThat(crawl.status(server.url(H, "/caf%C3%A9"))).as("missing charset: sniffed as UTF-8").contains(200);
        assertThat(Files.readAllBytes(out.resolve(crawl.line(server.url(H, "/binary")).get("file").asText())))
                .isEqualTo(binary);
        assertThat(Files.size(out.resolve(crawl.line(server.url(H, "/empty")).get("file").asText()))).isZero();
        assertThat(crawl.error(server.url(H, "/huge"))).isEqualTo("truncated: body longer than 10485760 bytes");
        assertThat(crawl.line(server.url(H, "/huge")).get("length").asLong()).isEqualTo(10L << 20);
        assertThat(crawl.summary.stats().linksDropped()).as("100,000 links, 1,000 followed").isEqualTo(99_000);
        assertThat(crawl.summary.reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
    }

    /**
     * With --max-depth 1, the page at depth 1 is fetched and stored but its links are not read:
     * none could be queued. A redirect from it is still followed (it adds no depth), and the
     * counts of the crawl are those of the pages within the limit.
     */
    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void aPageAtTheDepthLimitIsStoredButNotReadForLinks(FetchMode mode, @TempDir Path out) throws Exception {
        server.route(H, "/", Responders.html("<a href='/one'>1</a> <a href='/moved'>m</a>"));
        server.route(H, "/one", Responders.html("<a href='/two'>2</a> <a href='/three'>3</a>"));
        server.route(H, "/moved", Responders.redirect(301, "/landing"));
        server.route(H, "/landing", Responders.html("<a href='/two'>2</a>"));
        server.route(H, "/two", Responders.html("too deep"));

        HostileCrawl crawl = HostileCrawl.run(server, mode, out, List.of(H), List.of(server.url(H, "/")),
                b -> b.maxDepth(1));

        assertThat(crawl.index.keySet()).containsExactlyInAnyOrder(server.url(H, "/"), server.url(H, "/one"),
                server.url(H, "/moved"), server.url(H, "/landing"));
        assertThat(crawl.status(server.url(H, "/one"))).contains(200);
        assertThat(out.resolve(crawl.line(server.url(H, "/one")).get("file").asText())).isRegularFile();
        assertThat(crawl.status(server.url(H, "/landing"))).as("a redirect adds no depth").contains(200);
        assertThat(server.requests()).noneMatch(r -> r.path().equals("/two") || r.path().equals("/three"));
        assertThat(crawl.summary.stats().tooDeep()).as("no link was read from a page at the limit, so none dropped")
                .isZero();
        assertThat(crawl.summary.reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
    }
}
