package dev.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.net.AddressPolicy;
import dev.crawler.net.Cidr;
import dev.crawler.net.ResolveOverrides;
import dev.crawler.sim.hostile.RawHttpServer;
import dev.crawler.sim.hostile.Responders;
import dev.crawler.fetch.http.RequestHead;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import javax.net.ssl.TrustManagerFactory;

/**
 * The behaviour every {@link Fetcher} must show, run against a real server on loopback. Each mode
 * subclasses this with its own factory, so all modes pass the very same cases.
 */
public abstract class FetcherContractTest {

    public static final AddressPolicy LOOPBACK_ALLOWED = AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.0/8")));

    /** Short timeouts so the whole suite stays fast. */
    public static FetchSettings settings() {
        return new FetchSettings("crawler-test/1.0 (+https://example.invalid/bot)", Duration.ofSeconds(1),
                Duration.ofMillis(1500), Duration.ofSeconds(4), 1 << 20, 8 << 10, true,
                LOOPBACK_ALLOWED, ResolveOverrides.none());
    }

    /** A fetcher of the mode under test. */
    protected abstract Fetcher newFetcher(FetchSettings settings);

    /** A fetcher of the mode under test that trusts exactly {@code trust} for https. */
    protected abstract Fetcher newFetcherTrusting(FetchSettings settings, TrustManagerFactory trust) throws Exception;

    /** A fetcher of the mode under test whose DNS can never resolve a name (and sends nothing off loopback). */
    protected abstract Fetcher newFetcherWithFailingDns(FetchSettings settings) throws IOException;

    /**
     * A fetcher of the mode under test whose DNS answers {@code 127.0.0.1} for every name, but only
     * {@code delay} after it was asked (and sends nothing off loopback).
     */
    protected abstract Fetcher newFetcherWithSlowDns(FetchSettings settings, Duration delay) throws IOException;

    protected RawHttpServer server;
    protected final List<Fetcher> fetchers = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new RawHttpServer();
    }

    @AfterEach
    void stop() throws IOException {
        fetchers.forEach(Fetcher::close);
        server.close();
    }

    protected Fetcher fetcher(FetchSettings s) {
        Fetcher f = newFetcher(s);
        fetchers.add(f);
        return f;
    }

    protected Fetcher fetcher() {
        return fetcher(settings());
    }

    /** What a slow name lookup answers, for {@link #newFetcherWithSlowDns}: the loopback address, after {@code delay}. */
    public static InetAddress[] loopbackAfter(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new InetAddress[] {InetAddress.getLoopbackAddress()};
    }

    protected static FetchResult get(Fetcher f, URI uri) throws Exception {
        return f.fetch(uri).get(10, TimeUnit.SECONDS);
    }

    protected static FetchResult.Response response(FetchResult r) {
        assertThat(r).as("expected a response but got %s", r).isInstanceOf(FetchResult.Response.class);
        return (FetchResult.Response) r;
    }

    protected static FetchResult.Failure failure(FetchResult r, FetchError expected) {
        assertThat(r).as("expected a %s failure but got %s", expected, r).isInstanceOf(FetchResult.Failure.class);
        FetchResult.Failure f = (FetchResult.Failure) r;
        assertThat(f.error()).as(f.message()).isEqualTo(expected);
        return f;
    }

    protected static String text(FetchResult.Response r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void okWithContentLength() throws Exception {
        server.route("/ok", Responders.text("<p>hello</p>"));
        FetchResult.Response r = response(get(fetcher(), server.uri("/ok")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("<p>hello</p>");
        assertThat(r.truncated()).isFalse();
        assertThat(r.headers().mediaType()).contains("text/html");
        assertThat(r.uri()).isEqualTo(server.uri("/ok"));
        assertThat(r.elapsed()).isPositive();
    }

    @Test
    void sendsTheSharedRequestHead() throws Exception {
        server.route("/h", Responders.text("x"));
        response(get(fetcher(), server.uri("/h?q=1")));
        RawHttpServer.Request req = server.requests().get(0);
        assertThat(req.line()).isEqualTo("GET /h?q=1 HTTP/1.1");
        assertThat(req.header("Host")).isEqualTo("127.0.0.1:" + server.port());
        assertThat(req.header("User-Agent")).isEqualTo(settings().userAgent());
        assertThat(req.header("Accept")).startsWith("text/html");
        assertThat(req.header("Accept-Encoding")).isEqualTo(RequestHead.ACCEPT_ENCODING).startsWith("gzip, deflate");
        assertThat(req.header("Connection")).isEqualTo("keep-alive");
    }

    @Test
    void chunkedBody() throws Exception {
        server.route("/c", Responders.chunked("alpha-", "beta-", "gamma"));
        FetchResult.Response r = response(get(fetcher(), server.uri("/c")));
        assertThat(text(r)).isEqualTo("alpha-beta-gamma");
        assertThat(r.truncated()).isFalse();
    }

    @Test
    void bodyUntilClose() throws Exception {
        server.route("/u", Responders.untilClose("all of it"));
        assertThat(text(response(get(fetcher(), server.uri("/u"))))).isEqualTo("all of it");
    }

    @Test
    void gzipIsDecodedAndHeadersStayAsSent() throws Exception {
        byte[] page = "<html>gzipped page</html>".repeat(100).getBytes(StandardCharsets.UTF_8);
        server.route("/gz", Responders.encoded("gzip", Responders.gzip(page)));
        FetchResult.Response r = response(get(fetcher(), server.uri("/gz")));
        assertThat(r.body()).isEqualTo(page);
        assertThat(r.headers().first("Content-Encoding")).contains("gzip");
    }

    @Test
    void deflateZlibAndRawAreDecoded() throws Exception {
        byte[] page = "deflated text ".repeat(200).getBytes(StandardCharsets.UTF_8);
        server.route("/zlib", Responders.encoded("deflate", Responders.deflate(page, false)));
        server.route("/raw", Responders.encoded("deflate", Responders.deflate(page, true)));
        Fetcher f = fetcher();
        assertThat(response(get(f, server.uri("/zlib"))).body()).isEqualTo(page);
        assertThat(response(get(f, server.uri("/raw"))).body()).isEqualTo(page);
    }

    @Test
    void bodyOverTheLimitIsTruncated() throws Exception {
        server.route("/big", Responders.zeros(50L << 20));
        FetchSettings s = settings();
        FetchResult.Response r = response(get(fetcher(withMaxBody(s, 100_000)), server.uri("/big")));
        assertThat(r.truncated()).isTrue();
        assertThat(r.body()).hasSize(100_000);
    }

    @Test
    void aSmallerLimitForOneRequestStopsTheReadThereAsRobotsTxtNeeds() throws Exception {
        // 200 KB of a 1 MB body, then the server holds the connection: a fetcher that read on to
        // the settings' 1 MB limit before cutting would wait for bytes that never come
        server.route("/stalls", (req, out, socket) -> {
            out.write(Responders.ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000000\r\n\r\n"));
            out.write(new byte[200_000]);
            out.flush();
            while (socket.getInputStream().read() >= 0) {
                // until the client leaves
            }
            return false;
        });
        FetchResult.Response r = response(fetcher().fetch(server.uri("/stalls"), 10_000).get(10, TimeUnit.SECONDS));
        assertThat(r.truncated()).isTrue();
        assertThat(r.body()).hasSize(10_000);
    }

    @Test
    void bodyOfExactlyTheLimitIsNotTruncated() throws Exception {
        server.route("/exact", Responders.body(200, "text/plain", new byte[4096]));
        FetchResult.Response r = response(get(fetcher(withMaxBody(settings(), 4096)), server.uri("/exact")));
        assertThat(r.truncated()).isFalse();
        assertThat(r.body()).hasSize(4096);
    }

    @Test
    void gzipBombIsCappedAtTheLimit() throws Exception {
        byte[] bomb = Responders.gzipBomb(50);
        assertThat(bomb.length).isLessThan(1 << 20);
        server.route("/bomb", Responders.encoded("gzip", bomb));
        FetchResult.Response r = response(get(fetcher(withMaxBody(settings(), 256 << 10)), server.uri("/bomb")));
        assertThat(r.truncated()).isTrue();
        assertThat(r.body()).hasSize(256 << 10);
    }

    @Test
    void keepAliveReusesOneConnection() throws Exception {
        server.route("/a", Responders.text("a")).route("/b", Responders.text("b"));
        Fetcher f = fetcher();
        assertThat(text(response(get(f, server.uri("/a"))))).isEqualTo("a");
        assertThat(text(response(get(f, server.uri("/b"))))).isEqualTo("b");
        assertThat(text(response(get(f, server.uri("/a"))))).isEqualTo("a");
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void keepAliveOffSendsCloseAndUsesNewConnections() throws Exception {
        server.route("/a", Responders.text("a"));
        FetchSettings s = settings();
        Fetcher f = fetcher(new FetchSettings(s.userAgent(), s.connectTimeout(), s.firstByteTimeout(),
                s.responseTimeout(), s.maxBodyBytes(), s.maxHeaderBytes(), false, s.addressPolicy(), s.overrides()));
        response(get(f, server.uri("/a")));
        response(get(f, server.uri("/a")));
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.header("Connection")).isEqualTo("close"));
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void connectionCloseFromServerIsHonoured() throws Exception {
        server.route("/bye", Responders.status(200, "bye", "Connection: close"));
        Fetcher f = fetcher();
        assertThat(text(response(get(f, server.uri("/bye"))))).isEqualTo("bye");
        assertThat(text(response(get(f, server.uri("/bye"))))).isEqualTo("bye");
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void idleConnectionClosedByServerIsReplaced() throws Exception {
        server.route("/once", Responders.thenHangUp("once"));
        Fetcher f = fetcher();
        assertThat(text(response(get(f, server.uri("/once"))))).isEqualTo("once");
        Thread.sleep(100);
        assertThat(text(response(get(f, server.uri("/once"))))).isEqualTo("once");
        assertThat(server.connections()).isEqualTo(2);
        assertThat(requests("/once")).as("each fetch reached the server once").hasSize(2);
    }

    /**
     * The server reads the request on a kept-alive connection, then closes it (or resets it)
     * without a byte: it may have acted on the request, so the fetcher does not send it again at
     * once (the crawler retries it, through its politeness scheduler) but fails it as a stale
     * connection.
     */
    @Test
    void aRequestReadAndDroppedOnAReusedConnectionIsNotSentAgainAtOnce() throws Exception {
        server.route("/a", Responders.text("a"))
                .route("/closed", Responders.raw(""))
                .route("/reset", Responders.thenReset(""));
        Fetcher f = fetcher();
        for (String path : List.of("/closed", "/reset")) {
            assertThat(text(response(get(f, server.uri("/a"))))).isEqualTo("a");
            int before = server.connections();
            FetchResult.Failure stale = failure(get(f, server.uri(path)), FetchError.STALE_CONNECTION);
            assertThat(stale.message()).contains("connection closed before any response (reused keep-alive connection)");
            Thread.sleep(150);
            assertThat(requests(path)).as("%s reached the server once, not resent", path).hasSize(1);
            assertThat(server.connections()).as("no fresh connection for a resend").isEqualTo(before);
        }
    }

    /** The same on a fresh connection is a plain I/O failure: the connection had never idled. */
    @Test
    void aRequestDroppedOnAFreshConnectionIsAnIoFailure() throws Exception {
        server.route("/closed", Responders.raw(""));
        failure(get(fetcher(), server.uri("/closed")), FetchError.IO);
        assertThat(requests("/closed")).hasSize(1);
    }

    List<RawHttpServer.Request> requests(String path) {
        return server.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    @Test
    void notFoundAndRedirectAreResponses() throws Exception {
        server.route("/moved", Responders.status(301, "moved", "Location: /new-place"));
        Fetcher f = fetcher();
        FetchResult.Response missing = response(get(f, server.uri("/nothing-here")));
        assertThat(missing.status()).isEqualTo(404);
        FetchResult.Response moved = response(get(f, server.uri("/moved")));
        assertThat(moved.status()).isEqualTo(301);
        assertThat(moved.headers().first("location")).contains("/new-place");
    }

    @Test
    void noContentHasEmptyBody() throws Exception {
        server.route("/204", Responders.raw("HTTP/1.1 204 No Content\r\nX-A: b\r\n\r\n"));
        FetchResult.Response r = response(get(fetcher(), server.uri("/204")));
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void connectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        failure(get(fetcher(), URI.create("http://127.0.0.1:" + port + "/")), FetchError.CONNECT);
    }

    @Test
    void serverThatNeverAnswersTimesOutAtFirstByte() throws Exception {
        server.route("/silent", Responders.silent());
        FetchSettings s = settings();
        Fetcher f = fetcher(new FetchSettings(s.userAgent(), s.connectTimeout(), Duration.ofMillis(300),
                Duration.ofSeconds(3), s.maxBodyBytes(), s.maxHeaderBytes(), true, s.addressPolicy(), s.overrides()));
        FetchResult.Failure fail = failure(get(f, server.uri("/silent")), FetchError.FIRST_BYTE_TIMEOUT);
        assertThat(fail.elapsed()).isBetween(Duration.ofMillis(250), Duration.ofMillis(2500));
    }

    @Test
    void trickleTimesOutAsAWholeResponse() throws Exception {
        server.route("/trickle", Responders.trickle(50));
        FetchSettings s = settings();
        Fetcher f = fetcher(new FetchSettings(s.userAgent(), s.connectTimeout(), Duration.ofMillis(500),
                Duration.ofMillis(800), s.maxBodyBytes(), s.maxHeaderBytes(), true, s.addressPolicy(), s.overrides()));
        FetchResult.Failure fail = failure(get(f, server.uri("/trickle")), FetchError.RESPONSE_TIMEOUT);
        assertThat(fail.elapsed()).isBetween(Duration.ofMillis(700), Duration.ofMillis(3000));
    }

    @Test
    void malformedStatusLineIsAProtocolError() throws Exception {
        server.route("/junk", Responders.raw("HELLO THERE\r\n\r\n<html>not http</html>"));
        failure(get(fetcher(), server.uri("/junk")), FetchError.PROTOCOL);
    }

    @Test
    void headerFloodIsAProtocolError() throws Exception {
        server.route("/flood", Responders.headerFlood(2000));
        failure(get(fetcher(), server.uri("/flood")), FetchError.PROTOCOL);
    }

    @Test
    void conflictingContentLengthsAreAProtocolError() throws Exception {
        server.route("/cl", Responders.raw("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabcde"));
        failure(get(fetcher(), server.uri("/cl")), FetchError.PROTOCOL);
    }

    @Test
    void invalidChunkSizeIsAProtocolError() throws Exception {
        server.route("/chunk", Responders.raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"));
        failure(get(fetcher(), server.uri("/chunk")), FetchError.PROTOCOL);
    }

    @Test
    void bodyCutShortIsAnIoError() throws Exception {
        server.route("/short", Responders.raw("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this"));
        failure(get(fetcher(), server.uri("/short")), FetchError.IO);
    }

    @Test
    void loopbackIsRefusedByDefaultWithoutConnecting() throws Exception {
        server.route("/ok", Responders.text("never"));
        FetchResult.Failure fail = failure(get(fetcher(settings().withAddressPolicy(AddressPolicy.publicOnly())),
                server.uri("/ok")), FetchError.ADDRESS_REFUSED);
        assertThat(fail.message()).contains("loopback").contains("127.0.0.1");
        Thread.sleep(50);
        assertThat(server.connections()).isZero();
    }

    @Test
    void resolveOverridePointsAMadeUpNameAtLoopback() throws Exception {
        server.route("/ok", Responders.text("pinned"));
        FetchSettings s = settings().withOverrides(
                new ResolveOverrides(Map.of("Made-Up.test", InetAddress.getByName("127.0.0.1"))));
        URI uri = URI.create("http://made-up.test:" + server.port() + "/ok");
        assertThat(text(response(get(fetcher(s), uri)))).isEqualTo("pinned");
        assertThat(server.requests().get(0).header("Host")).isEqualTo("made-up.test:" + server.port());
    }

    @Test
    void overrideStillPassesTheAddressPolicy() throws Exception {
        FetchSettings s = settings().withAddressPolicy(AddressPolicy.publicOnly()).withOverrides(
                new ResolveOverrides(Map.of("inside.test", InetAddress.getByName("10.1.2.3"))));
        FetchResult.Failure fail = failure(get(fetcher(s), URI.create("http://inside.test/")),
                FetchError.ADDRESS_REFUSED);
        assertThat(fail.message()).contains("private");
    }

    @Test
    void unresolvableNameIsADnsFailure() throws Exception {
        Fetcher f = newFetcherWithFailingDns(settings());
        fetchers.add(f);
        FetchResult.Failure fail = failure(get(f, URI.create("http://no-such-host.invalid/")), FetchError.DNS);
        assertThat(fail.message()).contains("no-such-host.invalid");
    }

    /**
     * A name that resolves only after the whole-response time has run out: the request fails with
     * RESPONSE_TIMEOUT and no connection is opened for it, neither then nor once the answer comes.
     */
    @Test
    void aNameResolvedAfterTheResponseTimeoutIsNeverConnectedTo() throws Exception {
        server.route("/ok", Responders.text("too late"));
        Fetcher f = newFetcherWithSlowDns(settings().withResponseTimeout(Duration.ofMillis(400)), Duration.ofMillis(800));
        fetchers.add(f);
        failure(get(f, URI.create("http://slow.test:" + server.port() + "/ok")), FetchError.RESPONSE_TIMEOUT);
        Thread.sleep(700);
        assertThat(server.connections()).isZero();
    }

    @Test
    void unsupportedSchemeIsRefused() throws Exception {
        failure(get(fetcher(), URI.create("ftp://127.0.0.1/file")), FetchError.UNSUPPORTED_SCHEME);
    }

    @Test
    protected void httpsWithSniAndKeepAlive() throws Exception {
        try (RawHttpServer tls = new RawHttpServer(TestCertificate.serverContext())) {
            tls.route("/secure", Responders.text("over tls"));
            FetchSettings s = settings().withOverrides(
                    new ResolveOverrides(Map.of(TestCertificate.HOST, InetAddress.getByName("127.0.0.1"))));
            Fetcher f = newFetcherTrusting(s, TestCertificate.trust());
            fetchers.add(f);
            URI uri = URI.create("https://" + TestCertificate.HOST + ":" + tls.port() + "/secure");
            assertThat(text(response(get(f, uri)))).isEqualTo("over tls");
            assertThat(text(response(get(f, uri)))).isEqualTo("over tls");
            assertThat(tls.connections()).isEqualTo(1);
            assertThat(tls.serverNames()).containsExactly(TestCertificate.HOST);
        }
    }

    @Test
    protected void httpsWithAnUntrustedCertificateFailsToConnect() throws Exception {
        try (RawHttpServer tls = new RawHttpServer(TestCertificate.serverContext())) {
            tls.route("/secure", Responders.text("never"));
            FetchResult.Failure fail = failure(get(fetcher(), tls.uri("/secure")), FetchError.TLS);
            assertThat(fail.message()).contains("TLS", "not trusted");
            assertThat(tls.requests()).isEmpty();
        }
    }

    @Test
    void manyConcurrentRequestsAllComplete() throws Exception {
        server.route("/p", Responders.text("page"));
        Fetcher f = fetcher();
        List<CompletableFuture<FetchResult>> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            all.add(f.fetch(server.uri("/p")));
        }
        for (CompletableFuture<FetchResult> c : all) {
            assertThat(text(response(c.get(10, TimeUnit.SECONDS)))).isEqualTo("page");
        }
        assertThat(server.requests()).hasSize(40);
    }

    // --- a server out of step with its requests on a kept-alive connection --------------------

    /** A complete response nobody asked for. */
    private static final String SMUGGLED = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 17\r\n\r\n"
            + "SMUGGLED response";

    /** An answer read where unasked bytes may come: its own page, or a desync; never those bytes. */
    private static void assertOwnPageOrDesync(FetchResult answer, String page) {
        if (answer instanceof FetchResult.Response r) {
            assertThat(text(r)).isEqualTo(page);
        } else {
            assertThat(failure(answer, FetchError.DESYNC).message()).contains("reused keep-alive connection");
        }
    }

    /**
     * /b is asked on the reused connection at once, before the late response arrives, so that
     * response comes where /b's answer is awaited: it must never be taken as /b's page. Then /b is
     * fetched on fresh connections only, closed after each request.
     */
    @Test
    void aLateUnaskedResponseIsNeverTakenAsTheNextRequestsAnswer() throws Exception {
        server.route("/a", Responders.thenSmuggleLate(Responders.text("page a"), 300, "SMUGGLED response"));
        // answered 10 ms after the smuggled response: only the settle window can tell them apart
        server.route("/b", Responders.after(10, Responders.text("page b")));
        Fetcher f = fetcher();
        FetchResult.Response a = response(get(f, server.uri("/a")));
        assertThat(text(a)).isEqualTo("page a");
        assertThat(a.keepAliveAsked()).isTrue();
        FetchResult b = get(f, server.uri("/b"));
        assertOwnPageOrDesync(b, "page b");
        int before = server.connections();
        assertThat(text(response(get(f, server.uri("/b"))))).isEqualTo("page b");
        assertThat(server.connections()).as("a fresh connection").isEqualTo(before + 1);
        FetchResult.Response last = response(get(f, server.uri("/b")));
        assertThat(text(last)).isEqualTo("page b");
        assertThat(server.connections()).as("the origin is not trusted with reuse any more").isEqualTo(before + 2);
        assertThat(server.requests().getLast().header("Connection")).isEqualTo("close");
        assertThat(last.keepAliveAsked()).as("the result says what was sent").isFalse();
    }

    /**
     * The settle window scales with the server: /a takes 40 ms to answer, then sends a response
     * unasked 5 ms later, while /b is on its way on the reused connection. The unasked bytes come
     * quickly, but /b is held until two of the server's replies (80 ms) have passed since it was
     * asked, so /b's true answer, 20 ms after the server reads it, shows the mix-up.
     */
    @Test
    void anUnaskedResponseIsHeldUntilTheServersUsualReplyTimeHasPassed() throws Exception {
        server.route("/a", Responders.after(40, Responders.thenSmuggleLate(Responders.text("page a"), 5,
                "SMUGGLED response")));
        server.route("/b", Responders.after(20, Responders.text("page b")));
        Fetcher f = fetcher(settings().withReuseSettle(Duration.ofSeconds(1)));
        assertThat(text(response(get(f, server.uri("/a"))))).isEqualTo("page a");
        FetchResult b = get(f, server.uri("/b"));
        assertOwnPageOrDesync(b, "page b");
    }

    /**
     * A server that answers at once is watched for a few milliseconds on a reused connection, not
     * for the whole window allowed: the window is a bound, the hold follows the server's replies.
     */
    @Test
    void aQuickServersResponsesAreHeldForMuchLessThanTheWholeWindow() throws Exception {
        server.route("/a", Responders.text("a"));
        Fetcher f = fetcher(settings().withReuseSettle(Duration.ofSeconds(5)));
        assertThat(text(response(get(f, server.uri("/a"))))).isEqualTo("a");
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            assertThat(text(response(get(f, server.uri("/a"))))).isEqualTo("a");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(server.connections()).as("reused").isEqualTo(1);
    }

    /**
     * A smuggled response that says {@code Connection: close} (so its connection would not go back
     * to the pool) is held for the settle window all the same: the true answer that follows it
     * shows it up, and it is never the next request's page.
     */
    @Test
    void aSmuggledResponseThatClosesIsHeldForTheSettleWindowToo() throws Exception {
        RawHttpServer.Responder closing = Responders.body(200, "text/html", Responders.ascii("SMUGGLED response"),
                "Connection: close");
        // the server keeps reading after it: the next request is answered right after the smuggled one
        server.route("/a", Responders.thenSmuggleLate(Responders.text("page a"), 300,
                (req, out, s) -> closing.respond(req, out, s) || true));
        server.route("/b", Responders.after(10, Responders.text("page b")));
        Fetcher f = fetcher();
        assertThat(text(response(get(f, server.uri("/a"))))).isEqualTo("page a");
        FetchResult b = get(f, server.uri("/b"));
        assertOwnPageOrDesync(b, "page b");
    }

    /**
     * Bytes on an idle pooled connection close it and end reuse of that origin at once: the very
     * request that then goes on a fresh connection already asks for {@code Connection: close}.
     */
    @Test
    void bytesOnAnIdleConnectionCloseItAndEndReuseOfTheOrigin() throws Exception {
        server.route("/first", Responders.thenChatterWhileIdle(Responders.text("first"), 100, SMUGGLED));
        server.route("/second", Responders.text("second"));
        Fetcher f = fetcher();
        assertThat(text(response(get(f, server.uri("/first"))))).isEqualTo("first");
        Thread.sleep(250);
        FetchResult.Response second = response(get(f, server.uri("/second")));
        assertThat(text(second)).isEqualTo("second");
        assertThat(server.connections()).isEqualTo(2);
        assertThat(server.requests().getLast().header("Connection")).isEqualTo("close");
        assertThat(second.keepAliveAsked()).as("the result says what was sent").isFalse();
        assertThat(text(response(get(f, server.uri("/second"))))).isEqualTo("second");
        assertThat(server.connections()).isEqualTo(3);
    }

    /**
     * On a fresh connection the response is the first bytes after the request, so it is its
     * answer and is delivered at once; the surplus after it only keeps the connection from reuse,
     * and the origin stays trusted.
     */
    @Test
    void aResponseOnAFreshConnectionIsDeliveredDespiteSurplusWhichOnlyPreventsReuse() throws Exception {
        server.route("/fresh", (req, out, s) -> {
            out.write(Responders.ascii("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello" + SMUGGLED));
            out.flush();
            return true;
        });
        server.route("/next", Responders.text("next"));
        Fetcher f = fetcher();
        assertThat(text(response(get(f, server.uri("/fresh"))))).isEqualTo("hello");
        assertThat(text(response(get(f, server.uri("/next"))))).isEqualTo("next");
        assertThat(server.connections()).as("not reused after surplus").isEqualTo(2);
        assertThat(text(response(get(f, server.uri("/next"))))).isEqualTo("next");
        assertThat(server.connections()).as("still trusted: reused").isEqualTo(2);
    }

    /** What a fetcher told of one request: the responses it showed as held, and when. */
    private static final class Shown implements FetchProgress {
        final List<FetchResult.Response> held = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile long heldAt;

        @Override
        public void sent(long at) {
        }

        @Override
        public void held(FetchResult.Response response) {
            heldAt = System.nanoTime();
            held.add(response);
        }
    }

    /**
     * A response on a reused connection is shown as held while it waits out the settle window,
     * and the request then ends with that very object; a response on a fresh connection, handed
     * back at once, is never shown as held.
     */
    @Test
    void aResponseHeldForTheSettleWindowIsShownFirstThenDeliveredAsItIs() throws Exception {
        server.route("/a", Responders.after(30, Responders.text("a")));
        Fetcher f = fetcher(settings().withReuseSettle(Duration.ofSeconds(1)));
        Shown fresh = new Shown();
        assertThat(text(response(f.fetch(server.uri("/a"), Long.MAX_VALUE, fresh).get(10, TimeUnit.SECONDS))))
                .isEqualTo("a");
        assertThat(fresh.held).as("a fresh connection's response is not held").isEmpty();

        Shown reused = new Shown();
        CompletableFuture<FetchResult> pending = f.fetch(server.uri("/a"), Long.MAX_VALUE, reused);
        long[] doneAt = new long[1];
        CompletableFuture<FetchResult> done = pending.whenComplete((r, e) -> doneAt[0] = System.nanoTime());
        FetchResult r = done.get(10, TimeUnit.SECONDS);
        assertThat(server.connections()).as("reused").isEqualTo(1);
        assertThat(reused.held).hasSize(1);
        assertThat(reused.held.get(0)).as("the held response is the result").isSameAs(r);
        assertThat(doneAt[0] - reused.heldAt).as("held (30 ms replies: about 60 ms) before delivered")
                .isGreaterThan(Duration.ofMillis(20).toNanos());
    }

    /**
     * Unasked bytes read as the next request's answer may be shown as held, but the request never
     * ends with them: a held response that is not the result leaves a desync.
     */
    @Test
    void anUnaskedResponseShownAsHeldNeverBecomesTheResult() throws Exception {
        server.route("/a", Responders.thenSmuggleLate(Responders.text("page a"), 300, "SMUGGLED response"));
        server.route("/b", Responders.after(10, Responders.text("page b")));
        Fetcher f = fetcher();
        assertThat(text(response(get(f, server.uri("/a"))))).isEqualTo("page a");
        Shown shown = new Shown();
        FetchResult b = f.fetch(server.uri("/b"), Long.MAX_VALUE, shown).get(10, TimeUnit.SECONDS);
        assertOwnPageOrDesync(b, "page b");
        assertThat(shown.held).hasSizeLessThanOrEqualTo(1);
        for (FetchResult.Response held : shown.held) {
            if (held == b) {
                assertThat(text(held)).isEqualTo("page b");
            } else {
                failure(b, FetchError.DESYNC);
            }
        }
    }

    /** The server closing the connection within the settle window: the response is delivered. */
    @Test
    void aReusedConnectionClosedRightAfterItsResponseDeliversIt() throws Exception {
        server.route("/a", Responders.text("a")).route("/once", Responders.thenHangUp("once"));
        Fetcher f = fetcher(settings().withReuseSettle(Duration.ofMillis(500)));
        assertThat(text(response(get(f, server.uri("/a"))))).isEqualTo("a");
        assertThat(text(response(get(f, server.uri("/once"))))).isEqualTo("once");
        assertThat(server.connections()).isEqualTo(1);
    }

    /**
     * The settle window is not the server's time: it counts against neither timeout nor elapsed.
     * /a answers in 700 ms, so /b on the same connection is held until two such replies have
     * passed since it was asked (1,400 ms, cut to the 1,200 ms allowed).
     */
    @Test
    void theSettleWindowIsNotCountedAgainstTheServer() throws Exception {
        server.route("/a", Responders.after(700, Responders.text("a"))).route("/b", Responders.text("b"));
        Fetcher f = fetcher(settings().withResponseTimeout(Duration.ofMillis(1000))
                .withReuseSettle(Duration.ofMillis(1200)));
        assertThat(text(response(get(f, server.uri("/a"))))).isEqualTo("a");
        long start = System.nanoTime();
        FetchResult.Response b = response(get(f, server.uri("/b")));
        assertThat(text(b)).isEqualTo("b");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("held for the window")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1150));
        assertThat(b.elapsed()).isLessThan(Duration.ofMillis(1000));
        assertThat(text(response(get(f, server.uri("/a"))))).isEqualTo("a");
        assertThat(server.connections()).as("a quiet window keeps the connection").isEqualTo(1);
    }

    @Test
    void closeCancelsRequestsInFlight() throws Exception {
        server.route("/silent", Responders.silent());
        Fetcher f = newFetcher(settings());
        CompletableFuture<FetchResult> pending = f.fetch(server.uri("/silent"));
        Thread.sleep(200);
        long start = System.nanoTime();
        f.close();
        failure(pending.get(5, TimeUnit.SECONDS), FetchError.CANCELLED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        failure(f.fetch(server.uri("/silent")).get(1, TimeUnit.SECONDS), FetchError.CANCELLED);
    }

    static FetchSettings withMaxBody(FetchSettings s, long max) {
        return new FetchSettings(s.userAgent(), s.connectTimeout(), s.firstByteTimeout(), s.responseTimeout(), max,
                s.maxHeaderBytes(), s.keepAlive(), s.addressPolicy(), s.overrides());
    }
}
