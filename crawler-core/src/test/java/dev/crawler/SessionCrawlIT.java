package dev.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.Credentials;
import dev.crawler.fetch.RequestHeaders;
import dev.crawler.filter.Scope;
import dev.crawler.net.AddressPolicy;
import dev.crawler.net.Cidr;
import dev.crawler.net.ResolveOverrides;
import dev.crawler.politeness.PolitenessPolicy;
import dev.crawler.sim.hostile.RawHttpServer;
import dev.crawler.sim.hostile.Responders;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whole crawls of two hosts on one loopback server, checking what each request carried as the
 * server saw it: the user's header fields on every request; the login on the requests for its
 * host only, never on another host's, a redirect's target included; the cookies a page set on the
 * later requests to its host only; no credentials in the index or the WARC files; cookies kept
 * across a resumed crawl, imported from a cookies.txt, and none at all with cookies off.
 */
class SessionCrawlIT {

    private static final String PASSWORD = "pa55-w0rd";

    @TempDir
    Path out;
    private RawHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = new RawHttpServer();
        String b = "http://b.test:" + server.port();
        server.route("a.test", "/", Responders.body(200, "text/html", html("<a href=\"/private\">p</a>"
                + "<a href=\"/go\">go</a><a href=\"" + b + "/\">b</a>"), "Set-Cookie: sid=s1; Path=/; HttpOnly",
                "Set-Cookie: wide=w1; Domain=test"));
        server.route("a.test", "/private", Responders.text("<p>private</p>"));
        server.route("a.test", "/go", Responders.redirect(302, b + "/landing"));
        server.route("b.test", "/", Responders.text("<p>b</p>"));
        server.route("b.test", "/landing", Responders.text("<p>landed</p>"));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private static byte[] html(String body) {
        return ("<html><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }

    private CrawlConfig.Builder config(FetchMode mode, Path dir) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        CrawlConfig.Builder b = CrawlConfig.builder().failOnStall(true)
                .seeds(List.of("http://a.test:" + server.port() + "/"))
                .outDir(dir).mode(mode).scope(Scope.ANY)
                .politeness(new PolitenessPolicy(2, Duration.ofMillis(5), Duration.ofSeconds(1)))
                .addressPolicy(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.0/8"))))
                .overrides(new ResolveOverrides(Map.of("a.test", loopback, "b.test", loopback)))
                .warc(WarcSettings.on());
        return b.fetch(b.fetch().withExtras(new RequestHeaders(
                List.of(Map.entry("X-Crawl-Run", "nightly"), Map.entry("User-Agent", "session-test/1")),
                Map.of("a.test", new Credentials("alice", PASSWORD)))));
    }

    private static void crawl(CrawlConfig config) {
        crawl(config, CrawlSummary.StopReason.COMPLETED);
    }

    private static void crawl(CrawlConfig config, CrawlSummary.StopReason expected) {
        try (Crawler crawler = Crawler.create(config)) {
            assertThat(crawler.run().reason()).isEqualTo(expected);
        }
    }

    private List<RawHttpServer.Request> pages(String host) {
        return server.requests().stream().filter(r -> r.host().equals(host) && !r.path().equals("/robots.txt")).toList();
    }

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC", "BUSY_POLL"})
    void headersLoginsAndCookiesGoWhereTheyBelongAndNowhereElse(FetchMode mode) throws Exception {
        crawl(config(mode, out).build());

        String basic = "Basic " + Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(pages("a.test")).extracting(RawHttpServer.Request::path).containsExactlyInAnyOrder("/", "/private", "/go");
        assertThat(pages("b.test")).extracting(RawHttpServer.Request::path).containsExactlyInAnyOrder("/", "/landing");
        assertThat(server.requests()).allSatisfy(r -> {
            assertThat(r.header("X-Crawl-Run")).isEqualTo("nightly");
            assertThat(r.header("User-Agent")).isEqualTo("session-test/1");
        });
        assertThat(pages("a.test")).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo(basic));
        assertThat(server.requests()).filteredOn(r -> r.host().equals("b.test"))
                .as("b.test, the redirect's target among them, never gets a.test's login")
                .allSatisfy(r -> assertThat(r.header("Authorization")).isNull());

        assertThat(pages("a.test")).filteredOn(r -> !r.path().equals("/"))
                .allSatisfy(r -> assertThat(r.header("Cookie")).isEqualTo("sid=s1"));
        assertThat(server.requests()).filteredOn(r -> r.host().equals("b.test"))
                .as("a cookie of a.test, and one for the public suffix 'test', never reach b.test")
                .allSatisfy(r -> assertThat(r.header("Cookie")).isNull());

        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(text).as(f.toString()).doesNotContain(PASSWORD, basic.substring(6));
            }
        }
        String warc = warcText(out);
        assertThat(warc).contains("Authorization: Basic [withheld]", "X-Crawl-Run: nightly");
        assertThat(Files.readString(out.resolve(".crawl-state").resolve("cookies.txt"))).contains("sid\ts1");
    }

    @Test
    void aResumedCrawlKeepsItsCookies() throws Exception {
        crawl(config(FetchMode.ASYNC, out).maxPages(1).build(), CrawlSummary.StopReason.MAX_PAGES);
        assertThat(pages("a.test")).extracting(RawHttpServer.Request::path).containsExactly("/");
        crawl(config(FetchMode.ASYNC, out).build());
        assertThat(pages("a.test")).filteredOn(r -> r.path().equals("/private"))
                .singleElement().satisfies(r -> assertThat(r.header("Cookie")).isEqualTo("sid=s1"));
    }

    @Test
    void aCookiesTxtStartsTheJarAndNoCookiesSendsNone() throws Exception {
        Path txt = out.resolve("given-cookies.txt");
        Files.writeString(txt, "# Netscape HTTP Cookie File\na.test\tFALSE\t/\tFALSE\t0\tgiven\tg1\n");
        crawl(config(FetchMode.ASYNC, out.resolve("with")).cookies(CookieSettings.from(txt)).build());
        assertThat(pages("a.test")).filteredOn(r -> r.path().equals("/"))
                .singleElement().satisfies(r -> assertThat(r.header("Cookie")).isEqualTo("given=g1"));

        RawHttpServer seen = server;
        int before = seen.requests().size();
        crawl(config(FetchMode.ASYNC, out.resolve("without")).cookies(CookieSettings.off()).build());
        assertThat(seen.requests().subList(before, seen.requests().size()))
                .allSatisfy(r -> assertThat(r.header("Cookie")).isNull());
        assertThat(out.resolve("without").resolve(".crawl-state").resolve("cookies.txt")).doesNotExist();
    }

    private static String warcText(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir.resolve("warc"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] raw = Files.readAllBytes(f);
                try {
                    raw = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(raw)).readAllBytes();
                } catch (IOException notGzip) {
                    // stored plain
                }
                all.append(new String(raw, StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }
}
