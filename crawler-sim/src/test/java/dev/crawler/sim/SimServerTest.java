package dev.crawler.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimServerTest {

    private static final Duration LATENCY = Duration.ofMillis(30);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final RequestLog LOG = RequestLog.inMemory();
    private static SimServer server;
    private static SimWeb web;
    private static String site1;

    @BeforeAll
    static void start() throws InterruptedException {
        server = SimServer.start(SimConfig.defaults().withHosts(3).withPages(10).withLatency(LATENCY), LOG);
        web = server.web();
        site1 = "site-1.sim:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clearLog() {
        LOG.clear();
    }

    private static RawHttpClient connect(String host) throws Exception {
        return new RawHttpClient(web.address(host), server.port());
    }

    @Test
    void servesAPageWithContentLengthExactlyAsTheModel() throws Exception {
        try (RawHttpClient c = connect("site-1.sim")) {
            RawHttpClient.Response r = c.get(site1, "/page/1");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("content-type")).isEqualTo("text/html; charset=utf-8");
            assertThat(r.header("content-length")).isEqualTo(String.valueOf(r.wireBody().length));
            assertThat(r.body()).isEqualTo(web.respond("site-1.sim", "/page/1").body());
        }
        RequestRecord rec = LOG.await(1, WAIT).get(0);
        assertThat(rec.host()).isEqualTo("site-1.sim");
        assertThat(rec.path()).isEqualTo("/page/1");
        assertThat(rec.status()).isEqualTo(200);
        assertThat(rec.bytes()).isEqualTo(web.respond("site-1.sim", "/page/1").body().length);
    }

    @Test
    void robotsRedirectsAndNotFound() throws Exception {
        try (RawHttpClient c = connect("site-2.sim")) {
            String host = "site-2.sim:" + server.port();
            RawHttpClient.Response robots = c.get(host, "/robots.txt");
            assertThat(robots.status()).isEqualTo(200);
            assertThat(robots.header("content-type")).startsWith("text/plain");
            assertThat(robots.text()).contains("User-agent: *", "Disallow: /private/");

            RawHttpClient.Response go = c.get(host, "/go/page/3");
            assertThat(go.status()).isIn(301, 302);
            assertThat(go.header("location")).isEqualTo(web.respond("site-2.sim", "/go/page/3").header("Location"));

            RawHttpClient.Response to = c.get(host, "/to/3/page/1?x=1");
            assertThat(to.header("location")).isEqualTo("http://site-3.sim:" + server.port() + "/page/1?x=1");

            assertThat(c.get(host, "/missing/1").status()).isEqualTo(404);
            assertThat(c.get(host, "/no/such/thing").status()).isEqualTo(404);
        }
        assertThat(LOG.await(5, WAIT)).extracting(RequestRecord::status).containsExactly(200, go(), 302, 404, 404);
    }

    private static int go() {
        return web.respond("site-2.sim", "/go/page/3").status();
    }

    @Test
    void gzipWhenAcceptedForEveryThirdPage() throws Exception {
        try (RawHttpClient c = connect("site-1.sim")) {
            RawHttpClient.Response root = c.get(site1, "/", "Accept-Encoding: gzip, deflate");
            assertThat(root.header("content-encoding")).isEqualTo("gzip");
            assertThat(root.wireBody().length).isLessThan(root.body().length);
            assertThat(root.body()).isEqualTo(web.respond("site-1.sim", "/").body());
            RawHttpClient.Response three = c.get(site1, "/page/3", "Accept-Encoding: gzip");
            assertThat(three.header("content-encoding")).isEqualTo("gzip");
            assertThat(three.body()).isEqualTo(web.respond("site-1.sim", "/page/3").body());
            RawHttpClient.Response plain = c.get(site1, "/page/3");
            assertThat(plain.header("content-encoding")).isNull();
            assertThat(plain.body()).isEqualTo(three.body());
            assertThat(c.get(site1, "/page/3", "Accept-Encoding: gzip;q=0").header("content-encoding")).isNull();
        }
        List<RequestRecord> records = LOG.await(4, WAIT);
        assertThat(records.get(1).bytes()).isLessThan(records.get(2).bytes()); // compressed size is what went on the wire
    }

    @Test
    void chunkedForPagesTwoModThree() throws Exception {
        try (RawHttpClient c = connect("site-3.sim")) {
            String host = "site-3.sim:" + server.port();
            RawHttpClient.Response r = c.get(host, "/page/5", "Accept-Encoding: gzip");
            assertThat(r.chunked()).isTrue();
            assertThat(r.header("content-length")).isNull();
            assertThat(r.body()).isEqualTo(web.respond("site-3.sim", "/page/5").body());
            // the connection is still usable after a chunked response
            assertThat(c.get(host, "/page/2").chunked()).isTrue();
        }
    }

    @Test
    void keepAliveReusesTheConnection() throws Exception {
        try (RawHttpClient a = connect("site-1.sim"); RawHttpClient b = connect("site-1.sim")) {
            assertThat(a.get(site1, "/page/1").status()).isEqualTo(200);
            assertThat(a.get(site1, "/page/4").status()).isEqualTo(200);
            assertThat(b.get(site1, "/page/1").status()).isEqualTo(200);
        }
        List<RequestRecord> records = LOG.await(3, WAIT);
        assertThat(records.get(0).connectionId()).isEqualTo(records.get(1).connectionId());
        assertThat(records.get(2).connectionId()).isNotEqualTo(records.get(0).connectionId());
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (RawHttpClient c = connect("site-1.sim")) {
            c.sendRaw("GET /page/1 HTTP/1.1\r\nHost: " + site1 + "\r\n\r\nGET /page/2 HTTP/1.1\r\nHost: " + site1
                    + "\r\n\r\nGET /missing/9 HTTP/1.1\r\nHost: " + site1 + "\r\n\r\n");
            assertThat(c.read().body()).isEqualTo(web.respond("site-1.sim", "/page/1").body());
            assertThat(c.read().body()).isEqualTo(web.respond("site-1.sim", "/page/2").body());
            assertThat(c.read().status()).isEqualTo(404);
        }
        assertThat(LOG.await(3, WAIT)).extracting(RequestRecord::path).containsExactly("/page/1", "/page/2", "/missing/9");
    }

    @Test
    void connectionCloseIsHonored() throws Exception {
        try (RawHttpClient c = connect("site-1.sim")) {
            RawHttpClient.Response r = c.get(site1, "/page/1", "Connection: close");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("connection")).isEqualToIgnoringCase("close");
            assertThat(c.closedByPeer()).isTrue();
        }
    }

    @Test
    void latencyIsAppliedToEveryResponse() throws Exception {
        try (RawHttpClient c = connect("site-2.sim")) {
            for (int i = 0; i < 3; i++) {
                c.get("site-2.sim:" + server.port(), "/page/" + (i + 1));
            }
        }
        assertThat(LOG.await(3, WAIT)).allSatisfy(r -> {
            assertThat(r.durationNanos()).isGreaterThanOrEqualTo(LATENCY.toNanos());
            assertThat(r.endNanos()).isGreaterThan(r.arrivalNanos());
        });
    }

    @Test
    void unknownHostsOtherMethodsAndAddressHosts() throws Exception {
        try (RawHttpClient c = connect("site-1.sim")) {
            assertThat(c.get("example.com", "/").status()).isEqualTo(421);
            c.send("POST", site1, "/", "Content-Length: 0");
            RawHttpClient.Response post = c.read();
            assertThat(post.status()).isEqualTo(405);
            assertThat(post.header("allow")).isEqualTo("GET");
            RawHttpClient.Response byAddress = c.get("127.0.1.1:" + server.port(), "/page/1");
            assertThat(byAddress.body()).isEqualTo(web.respond("site-1.sim", "/page/1").body());
            RawHttpClient.Response absoluteForm = c.get(site1, "http://site-2.sim:" + server.port() + "/page/1");
            assertThat(absoluteForm.body()).isEqualTo(web.respond("site-2.sim", "/page/1").body());
        }
        assertThat(LOG.await(4, WAIT)).extracting(RequestRecord::host)
                .containsExactly("example.com", "site-1.sim", "127.0.1.1", "site-2.sim");
    }

    @Test
    void everyHostListensOnItsOwnAddress() throws Exception {
        for (String host : web.hostNames()) {
            try (RawHttpClient c = connect(host)) {
                assertThat(c.get(host + ":" + server.port(), "/").status()).isEqualTo(200);
            }
        }
        assertThat(server.transport()).isIn("epoll", "nio");
    }

    @Test
    void bindsHundredsOfHostsOnOnePortAndShutsDownCleanly() throws Exception {
        RequestLog log = RequestLog.inMemory();
        SimConfig config = SimConfig.defaults().withHosts(300).withPages(5).withLatency(Duration.ZERO).withFirstAddress("127.0.9.1");
        try (SimServer big = SimServer.start(config, log, 1)) {
            InetAddress last = big.web().address("site-300.sim");
            assertThat(last.getHostAddress()).isEqualTo("127.0.10.46");
            try (RawHttpClient c = new RawHttpClient(last, big.port())) {
                assertThat(c.get("site-300.sim", "/page/4").status()).isEqualTo(200);
            }
            assertThat(log.await(1, WAIT)).hasSize(1);
        }
    }

    @Test
    void clientThatLeavesEarlyIsStillRecorded() throws Exception, TimeoutException {
        try (RawHttpClient c = connect("site-1.sim")) {
            c.send("GET", site1, "/page/1");
        } // closed before the latency elapsed
        RequestRecord r = LOG.await(1, WAIT).get(0);
        assertThat(r.status()).isZero();
        assertThat(r.bytes()).isZero();
    }
}
