package dev.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.RetryPolicy;
import dev.crawler.politeness.PolitenessPolicy;
import dev.crawler.net.AddressPolicy;
import dev.crawler.net.Cidr;
import dev.crawler.net.ResolveOverrides;
import dev.crawler.sim.hostile.RawHttpServer;
import dev.crawler.sim.hostile.Responders;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whole crawls against a raw server on loopback that misbehaves on purpose, in the async and the
 * sync mode: failures are retried with back-off and a bounded number of attempts (counted on the
 * server), Retry-After backs off that host only, a dead host is given up, redirects that loop,
 * chain too long or leave http(s) are refused with a clear reason, and the address guard holds for
 * redirect targets and names, and a response the server sends unasked on a kept-alive connection is
 * never stored as another URL's page. Every URL ends with one index line; BlockHound watches the
 * loops.
 */
@Timeout(120)
@ExtendWith(NoBlockingOnEventLoops.class)
class HostileCrawlIT {

    private RawHttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RawHttpServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private static String links(String... hrefs) {
        StringBuilder html = new StringBuilder("<html><body>");
        for (String h : hrefs) {
            html.append("<a href=\"").append(h).append("\">x</a>\n");
        }
        return html.append("</body></html>").toString();
    }

    private static long millisBetween(RawHttpServer.Request a, RawHttpServer.Request b) {
        return (b.arrivalNanos() - a.arrivalNanos()) / 1_000_000;
    }

    // --- retries and back-off -------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void failuresAreRetriedWithBackoffABoundedNumberOfTimes(FetchMode mode, @TempDir Path out) throws Exception {
        String h = "flaky.test";
        server.route(h, "/", Responders.html(links("/recovers", "/always-500", "/resets", "/404", "/reset-then-404")));
        server.route(h, "/reset-then-404", Responders.sequence(Responders.thenReset(""), Responders.status(404, "gone")));
        server.route(h, "/recovers", Responders.sequence(Responders.status(503, "busy"), Responders.status(502, "bad"),
                Responders.html("finally")));
        server.route(h, "/always-500", Responders.status(500, "broken"));
        server.route(h, "/resets", Responders.thenReset("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial"));
        server.route(h, "/404", Responders.status(404, "gone"));
        server.route(h, "/robots.txt", Responders.status(404, "none"));

        HostileCrawl crawl = HostileCrawl.run(server, mode, out, List.of(h), List.of(server.url(h, "/")), b -> b);

        assertThat(server.requests(h, "/recovers")).as("2 failures, then a success").hasSize(3);
        assertThat(server.requests(h, "/always-500")).as("1 attempt + 2 retries, no more").hasSize(3);
        assertThat(server.requests(h, "/resets")).hasSize(3);
        assertThat(server.requests(h, "/404")).as("a 404 is not retried").hasSize(1);
        assertThat(server.requests(h, "/reset-then-404")).hasSize(2);
        assertThat(crawl.status(server.url(h, "/reset-then-404"))).contains(404);
        assertThat(crawl.error(server.url(h, "/reset-then-404"))).as("a final answer, not an exhausted retry").isEmpty();
        assertThat(crawl.status(server.url(h, "/recovers"))).contains(200);
        assertThat(crawl.error(server.url(h, "/recovers"))).isEmpty();
        assertThat(crawl.status(server.url(h, "/always-500"))).contains(500);
        assertThat(crawl.error(server.url(h, "/always-500"))).isEqualTo("retries_exhausted: status 500 after 3 attempts");
        assertThat(crawl.error(server.url(h, "/resets"))).startsWith("io: ").endsWith("(after 3 attempts)");
        // 2 each for /recovers, /always-500 and /resets, 1 for /reset-then-404 (reset with no byte
        // on a reused connection: a stale connection, retried by the crawler, not the fetcher)
        assertThat(crawl.summary.stats().retries()).isEqualTo(7);
        assertBackedOff(server.requests(h, "/always-500"), 100);
        assertBackedOff(server.requests(h, "/recovers"), 100);
    }

    /**
     * The server reads /drop on a kept-alive connection and closes it without a byte. It may have
     * acted on the request, so the fetcher does not resend it at once: the crawler retries it, and
     * the retry keeps the politeness delay to the first attempt. The URL ends with one line, a 200.
     */
    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void aRequestDroppedOnAReusedConnectionIsRetriedNoSoonerThanTheDelay(FetchMode mode, @TempDir Path out)
            throws Exception {
        String h = "dropper.test";
        server.route(h, "/robots.txt", Responders.status(404, "none"));
        server.route(h, "/", Responders.html(links("/drop")));
        server.route(h, "/drop", Responders.sequence(Responders.raw(""), Responders.html("here after all")));
        HostileCrawl crawl = HostileCrawl.run(server, mode, out, List.of(h), List.of(server.url(h, "/")),
                b -> b.politeness(new PolitenessPolicy(1, Duration.ofMillis(200), Duration.ofSeconds(1))));

        List<RawHttpServer.Request> drops = server.requests(h, "/drop");
        assertThat(drops).as("the first attempt and one retry").hasSize(2);
        assertThat(drops.get(0).connection()).as("the first rode the kept-alive connection of /")
                .isEqualTo(server.requests(h, "/").get(0).connection());
        assertThat(drops.get(1).connection()).as("the retry, a fresh one").isNotEqualTo(drops.get(0).connection());
        assertThat(millisBetween(drops.get(0), drops.get(1))).as("the retry keeps the delay")
                .isGreaterThanOrEqualTo(200);
        String url = server.url(h, "/drop");
        assertThat(crawl.status(url)).contains(200);
        assertThat(crawl.error(url)).isEmpty();
        assertThat(crawl.index.keySet()).filteredOn(url::equals).hasSize(1);
        assertThat(crawl.summary.stats().retries()).isEqualTo(1);
    }

    /** Retry n waits retryDelay x 2^(n-1) with jitter down to half of it: at least 100 ms, then 200 ms. */
    private static void assertBackedOff(List<RawHttpServer.Request> attempts, long firstMillis) {
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(millisBetween(attempts.get(i - 1), attempts.get(i)))
                    .as("wait before retry %d", i).isGreaterThanOrEqualTo(firstMillis << (i - 1));
        }
    }

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void retryAfterInSecondsBacksOffThatHostWhileOthersGoOn(FetchMode mode, @TempDir Path out) throws Exception {
        String busy = "busy.test";
        String free = "free.test";
        server.route(busy, "/", Responders.html(links("/limited", "/next")));
        server.route(busy, "/limited", Responders.sequence(
                Responders.status(429, "slow down", "Retry-After: 1"), Responders.html("ok now")));
        server.route(busy, "/next", Responders.html("next"));
        List<String> freePages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            freePages.add("/p" + i);
            server.route(free, "/p" + i, Responders.html(i < 5 ? links("/p" + (i + 1)) : "end"));
        }
        server.route("/robots.txt", Responders.status(404, "none"));

        HostileCrawl crawl = HostileCrawl.run(server, mode, out, List.of(busy, free),
                List.of(server.url(busy, "/"), server.url(free, "/p0")), b -> b);

        RawHttpServer.Request limited = server.requests(busy, "/limited").get(0);
        RawHttpServer.Request retried = server.requests(busy, "/limited").get(1);
        RawHttpServer.Request next = server.requests(busy, "/next").get(0);
        assertThat(millisBetween(limited, retried)).as("Retry-After: 1 honoured").isGreaterThanOrEqualTo(990);
        assertThat(millisBetween(limited, next)).as("the whole host backs off").isGreaterThanOrEqualTo(990);
        RawHttpServer.Request lastFree = server.requests(free, "/p5").get(0);
        assertThat(lastFree.arrivalNanos()).as("the other host went on meanwhile").isLessThan(retried.arrivalNanos());
        assertThat(crawl.status(server.url(busy, "/limited"))).contains(200);
        assertThat(crawl.index).hasSize(3 + freePages.size());
    }

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void retryAfterAsAnHttpDateIsHonoured(FetchMode mode, @TempDir Path out) throws Exception {
        String h = "dated.test";
        server.route(h, "/", (req, o, s) -> {
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
            return Responders.status(503, "maintenance", "Retry-After: " + date).respond(req, o, s);
        });
        server.route(h, "/robots.txt", Responders.status(404, "none"));
        HostileCrawl crawl = HostileCrawl.run(server, mode, out, List.of(h), List.of(server.url(h, "/")),
                b -> b.retry(new RetryPolicy(1, Duration.ofMillis(10), Duration.ofSeconds(5), 10)));
        List<RawHttpServer.Request> attempts = server.requests(h, "/");
        assertThat(attempts).hasSize(2);
        assertThat(millisBetween(attempts.get(0), attempts.get(1))).as("waited for the date, not 10 ms")
                .isGreaterThanOrEqualTo(500);
        assertThat(crawl.error(server.url(h, "/"))).isEqualTo("retries_exhausted: status 503 after 2 attempts");
    }

    /** A host that fails every time is given up after a few failures, not retried URL by URL. */
    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void aHostThatKeepsFailingIsGivenUpWithoutARetryStorm(FetchMode mode, @TempDir Path out) throws Exception {
        String h = "dead.test";
        List<String> seeds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seeds.add(server.url(h, "/u" + i));
            server.route(h, "/u" + i, Responders.thenReset(""));
        }
        // closed after robots.txt, so no page request rides (and is transparently redone on) a stale connection
        server.route(h, "/robots.txt", Responders.status(404, "none", "Connection: close"));
        HostileCrawl crawl = HostileCrawl.run(server, mode, out, List.of(h), seeds,
                b -> b.retry(new RetryPolicy(2, Duration.ofMillis(20), Duration.ofSeconds(1), 4)));
        long pageRequests = server.requests().stream().filter(r -> r.path().startsWith("/u")).count();
        assertThat(pageRequests).as("given up after 4 failures in a row, not 8 x 3 attempts").isEqualTo(4);
        assertThat(crawl.index).hasSize(8);
        long unavailable = crawl.index.values().stream()
                .filter(n -> n.path("error").asText().contains("host_unavailable")).count();
        assertThat(unavailable).as("the rest are recorded, not dropped").isGreaterThanOrEqualTo(7);
        assertThat(crawl.summary.stats().hostsGivenUp()).isEqualTo(1);
    }

    // --- redirects ----------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void hostileRedirectsEndWithAClearReason(FetchMode mode, @TempDir Path out) throws Exception {
        String h = "redirects.test";
        server.route(h, "/robots.txt", Responders.status(404, "none"));
        server.route(h, "/", Responders.html(links("/loop-a", "/chain/0", "/to-ftp", "/to-file", "/to-js",
                "/to-mailto", "/relative/start", "/no-location", "/self")));
        server.route(h, "/loop-a", Responders.redirect(302, "/loop-b"));
        server.route(h, "/loop-b", Responders.redirect(301, "/loop-a"));
        for (int i = 0; i < 12; i++) {
            server.route(h, "/chain/" + i, Responders.redirect(302, "/chain/" + (i + 1)));
        }
        server.route(h, "/chain/12", Responders.html("end of a long chain"));
        server.route(h, "/to-ftp", Responders.redirect(301, "ftp://files.example/x"));
        server.route(h, "/to-file", Responders.redirect(302, "file:///etc/passwd"));
        server.route(h, "/to-js", Responders.redirect(302, "javascript:alert(1)"));
        server.route(h, "/to-mailto", Responders.redirect(302, "mailto:someone@example.com"));
        server.route(h, "/relative/start", Responders.redirect(302, "../landed?x=1"));
        server.route(h, "/landed?x=1", Responders.html("landed"));
        server.route(h, "/no-location", Responders.status(302, "no location"));
        server.route(h, "/self", Responders.redirect(301, "/self"));

        HostileCrawl crawl = HostileCrawl.run(server, mode, out, List.of(h), List.of(server.url(h, "/")), b -> b);

        assertThat(crawl.error(server.url(h, "/loop-b"))).startsWith("redirect_loop: ")
                .contains(server.url(h, "/loop-a"));
        assertThat(server.requests(h, "/loop-a")).hasSize(1);
        assertThat(crawl.error(server.url(h, "/self"))).startsWith("redirect_loop: ");
        assertThat(crawl.error(server.url(h, "/chain/10"))).startsWith("too_many_redirects: more than 10");
        assertThat(server.requests(h, "/chain/11")).as("the 11th redirect is not followed").isEmpty();
        assertThat(crawl.error(server.url(h, "/to-ftp"))).contains("bad_redirect", "ftp: scheme");
        assertThat(crawl.error(server.url(h, "/to-file"))).contains("bad_redirect", "file: scheme");
        assertThat(crawl.error(server.url(h, "/to-js"))).contains("bad_redirect", "javascript: scheme");
        assertThat(crawl.error(server.url(h, "/to-mailto"))).contains("bad_redirect", "mailto: scheme");
        assertThat(crawl.line(server.url(h, "/relative/start")).get("final_url").asText())
                .isEqualTo(server.url(h, "/landed?x=1"));
        assertThat(crawl.status(server.url(h, "/landed?x=1"))).contains(200);
        assertThat(crawl.error(server.url(h, "/no-location"))).isEqualTo("bad_redirect: status 302 without a Location header");
        assertThat(crawl.summary.reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
    }

    /**
     * Only 127.0.0.2 is allowed: a redirect to http://127.0.0.1/ and a name pinned to the
     * metadata address 169.254.169.254 are refused on the resolved address, before any connection.
     */
    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void theAddressGuardHoldsForRedirectsAndNames(FetchMode mode, @TempDir Path out) throws Exception {
        try (RawHttpServer allowed = new RawHttpServer(null, InetAddress.getByName("127.0.0.2"))) {
            String site = "site.test";
            int port = allowed.port();
            allowed.route("/robots.txt", Responders.status(404, "none"));
            allowed.route("/", Responders.html(links("/to-loopback", "http://metadata.test:" + port + "/latest/")));
            allowed.route("/to-loopback", Responders.redirect(302, "http://127.0.0.1:" + port + "/admin"));
            CrawlConfig config = HostileCrawl.config(allowed, mode, out, List.of(), List.of(allowed.url(site, "/")))
                    .addressPolicy(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.2/32"))))
                    .overrides(new ResolveOverrides(Map.of(site, InetAddress.getByName("127.0.0.2"),
                            "metadata.test", InetAddress.getByName("169.254.169.254"))))
                    .respectRobots(false)
                    .build();
            HostileCrawl crawl = HostileCrawl.run(config);
            assertThat(crawl.error("http://127.0.0.1:" + port + "/admin")).startsWith("address_refused: ")
                    .contains("loopback", "127.0.0.1");
            assertThat(crawl.error("http://metadata.test:" + port + "/latest/")).startsWith("address_refused: ")
                    .contains("link-local", "169.254.169.254");
            assertThat(allowed.requests()).extracting(RawHttpServer.Request::path)
                    .containsExactlyInAnyOrder("/", "/to-loopback");
        }
    }

    // --- liveness -----------------------------------------------------------------------------

    /**
     * Every connection slot of a host is held by a request that never answers; when they time out
     * and are retried, the rest of the host's URLs are still fetched and the crawl ends by itself
     * (it used to stall for good: the wake-up timer that fired saw itself as still pending).
     */
    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void slotsHeldBySilentRequestsAreGivenBackAndTheCrawlEnds(FetchMode mode, @TempDir Path out) throws Exception {
        String h = "stall.test";
        List<String> seeds = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            seeds.add(server.url(h, "/s" + i));
            server.route(h, "/s" + i, i < 4 ? Responders.silent() : Responders.html("ok " + i));
        }
        server.route(h, "/robots.txt", Responders.status(404, "none"));
        HostileCrawl crawl = HostileCrawl.run(server, mode, out, List.of(h), seeds,
                b -> b.politeness(new PolitenessPolicy(4, Duration.ZERO, Duration.ofSeconds(1)))
                        .fetch(b.fetch().withFirstByteTimeout(Duration.ofMillis(700)))
                        .retry(new RetryPolicy(1, Duration.ofMillis(300), Duration.ofSeconds(5), 0)));
        assertThat(crawl.index).as("one line per seed").hasSize(18);
        for (int i = 0; i < 18; i++) {
            String url = server.url(h, "/s" + i);
            if (i < 4) {
                assertThat(crawl.error(url)).startsWith("first_byte_timeout").endsWith("(after 2 attempts)");
                assertThat(server.requests(h, "/s" + i)).as("tried, then retried once").hasSize(2);
            } else {
                assertThat(crawl.status(url)).contains(200);
            }
        }
        assertThat(crawl.summary.reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
        assertThat(crawl.summary.stats().stalls()).isZero();
    }

    /**
     * A Retry-After beyond the longest allowed wait gives the URL up at once with a clear reason,
     * and its host waits that longest wait, no longer.
     */
    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void aRetryAfterBeyondMaxBackoffGivesTheUrlUpAndHoldsTheHostNoLonger(FetchMode mode, @TempDir Path out)
            throws Exception {
        String h = "limited.test";
        server.route(h, "/robots.txt", Responders.status(404, "none"));
        server.route(h, "/", Responders.html(links("/forever", "/after")));
        server.route(h, "/forever", Responders.status(429, "come back in 1000 days", "Retry-After: 86400000"));
        server.route(h, "/after", Responders.html("after"));
        long started = System.nanoTime();
        HostileCrawl crawl = HostileCrawl.run(server, mode, out, List.of(h), List.of(server.url(h, "/")),
                b -> b.retry(new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(2), 10)));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(server.requests(h, "/forever")).as("not retried").hasSize(1);
        assertThat(crawl.error(server.url(h, "/forever")))
                .isEqualTo("rate_limited: Retry-After 86400000 s exceeds --max-backoff 2s");
        assertThat(crawl.status(server.url(h, "/after"))).contains(200);
        // one connection per host and the links in page order: /forever goes first, /after waits
        RawHttpServer.Request after = server.requests(h, "/after").get(0);
        RawHttpServer.Request limited = server.requests(h, "/forever").get(0);
        assertThat(after.arrivalNanos()).as("/after is asked for after /forever").isGreaterThan(limited.arrivalNanos());
        assertThat(millisBetween(limited, after)).as("the host waits --max-backoff (2 s), and no longer")
                .isBetween(1990L, 3500L);
        assertThat(tookMillis).as("ends by itself, not after the asked wait").isLessThan(30_000);
    }

    // --- a server out of step with its requests ---------------------------------------------------

    /**
     * /a answers correctly on a kept-alive connection, then 300 ms later sends a complete second
     * response nobody asked for. Whichever request rides that connection next must not get it: it
     * fails as a desync (or the connection is dropped while idle), the origin is no longer reused,
     * and the URL is fetched once more on a fresh connection. Nothing stored or indexed is the
     * smuggled page, and every page ends with its own 200.
     */
    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void aResponseSentUnaskedIsNeverStoredAsAnotherPage(FetchMode mode, @TempDir Path out) throws Exception {
        String h = "smuggler.test";
        List<String> pages = List.of("/a", "/p1", "/p2", "/p3", "/p4", "/p5");
        server.route(h, "/robots.txt", Responders.status(404, "none"));
        server.route(h, "/", Responders.html(links(pages.toArray(String[]::new))));
        String smuggled = "<html><body>SMUGGLED page</body></html>";
        server.route(h, "/a", Responders.thenSmuggleLate(Responders.html("<html><body>page a</body></html>"), 300,
                smuggled));
        for (String p : pages.subList(1, pages.size())) {
            server.route(h, p, Responders.html("<html><body>page " + p + "</body></html>"));
        }

        HostileCrawl crawl = HostileCrawl.run(server, mode, out, List.of(h), List.of(server.url(h, "/")), b -> b);

        for (JsonNode line : crawl.index.values()) {
            assertThat(line.toString()).doesNotContain("SMUGGLED");
        }
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain("SMUGGLED");
            }
        }
        for (String p : pages) {
            String url = server.url(h, p);
            assertThat(crawl.status(url)).as(url).contains(200);
            assertThat(crawl.error(url)).as(url).isEmpty();
            JsonNode line = crawl.line(url);
            assertThat(Files.readString(out.resolve(line.get("file").asText()))).isEqualTo(
                    "<html><body>page " + (p.equals("/a") ? "a" : p) + "</body></html>");
            assertThat(server.requests(h, p)).as("requests for %s: the first, at most one retry", p).hasSizeLessThanOrEqualTo(2);
        }
        List<RawHttpServer.Request> all = server.requests();
        int distrusted = 0;
        while (distrusted < all.size() && !"close".equals(all.get(distrusted).header("Connection"))) {
            distrusted++;
        }
        assertThat(distrusted).as("the origin was caught out of step, after /a").isBetween(3, all.size() - 1);
        List<RawHttpServer.Request> after = all.subList(distrusted, all.size());
        assertThat(after).as("from then on, one fresh connection per request, closed after it")
                .allSatisfy(r -> assertThat(r.header("Connection")).isEqualTo("close"))
                .extracting(RawHttpServer.Request::connection).doesNotHaveDuplicates();
        assertThat(crawl.summary.reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
    }
}
