package dev.crawler.fetch;

import static dev.crawler.fetch.FetcherContractTest.failure;
import static dev.crawler.fetch.FetcherContractTest.response;
import static dev.crawler.fetch.FetcherContractTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.blocking.BlockingFetcher;
import dev.crawler.fetch.http.Brotli;
import dev.crawler.fetch.http.BrotliSupport;
import dev.crawler.fetch.netty.NettyFetcher;
import dev.crawler.net.AddressPolicy;
import dev.crawler.net.ResolveOverrides;
import dev.crawler.sim.hostile.RawHttpServer;
import dev.crawler.sim.hostile.Responders;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every misbehaving-server case of the fetch layer, run against a raw socket server on loopback in
 * each fetch mode ({@code async}, {@code sync}, {@code virtual}): each ends in a bounded response
 * or a failure of a clear kind, with memory bounded by the body limit and time by the timeouts.
 */
class HostileResponsesTest {

    /** The fetch modes under test, built the way the crawler builds them. */
    enum Mode {
        ASYNC(s -> NettyFetcher.builder(s).build()),
        SYNC(BlockingFetcher::sequential),
        VIRTUAL(BlockingFetcher::virtualThreads);

        final Function<FetchSettings, Fetcher> factory;

        Mode(Function<FetchSettings, Fetcher> factory) {
            this.factory = factory;
        }
    }

    private static final int LIMIT = 256 << 10;

    private RawHttpServer server;
    private final List<Fetcher> fetchers = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new RawHttpServer();
    }

    @AfterEach
    void stop() throws IOException {
        fetchers.forEach(Fetcher::close);
        server.close();
    }

    /** Short timeouts, a 256 KiB body limit, 8 KiB of headers, no rate check unless asked. */
    static FetchSettings settings() {
        return FetcherContractTest.settings().withMaxBodyBytes(LIMIT).withMinTransferRate(0, Duration.ofSeconds(1));
    }

    private Fetcher fetcher(Mode mode, FetchSettings s) {
        Fetcher f = mode.factory.apply(s);
        fetchers.add(f);
        return f;
    }

    private FetchResult get(Mode mode, String path) throws Exception {
        return get(fetcher(mode, settings()), server.uri(path));
    }

    private static FetchResult get(Fetcher f, URI uri) throws Exception {
        return f.fetch(uri).get(20, TimeUnit.SECONDS);
    }

    private static void assertCappedAtTheLimit(FetchResult r) {
        FetchResult.Response resp = response(r);
        assertThat(resp.truncated()).as("marked truncated").isTrue();
        assertThat(resp.body()).hasSize(LIMIT);
    }

    // --- decompression bombs --------------------------------------------------------------

    private static byte[] gzipBomb;
    private static byte[] brotliBomb;

    private static synchronized byte[] gzipBomb() {
        if (gzipBomb == null) {
            gzipBomb = Responders.gzipBomb(200);
        }
        return gzipBomb;
    }

    private static synchronized byte[] brotliBomb() {
        if (brotliBomb == null) {
            brotliBomb = Brotli.bomb(1024);
        }
        return brotliBomb;
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void gzipBombIsCappedAfterDecompression(Mode mode) throws Exception {
        assertThat(gzipBomb().length).as("200 MB of zeros on the wire").isLessThan(1 << 20);
        server.route("/bomb", Responders.encoded("gzip", gzipBomb()));
        assertCappedAtTheLimit(get(mode, "/bomb"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void deflateBombsZlibAndRawAreCappedAfterDecompression(Mode mode) throws Exception {
        server.route("/zlib", Responders.encoded("deflate", Responders.deflateBomb(200, false)));
        server.route("/raw", Responders.encoded("deflate", Responders.deflateBomb(200, true)));
        assertCappedAtTheLimit(get(mode, "/zlib"));
        assertCappedAtTheLimit(get(mode, "/raw"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void brotliBombIsCappedAfterDecompression(Mode mode) throws Exception {
        assertThat(BrotliSupport.available()).isTrue();
        assertThat(brotliBomb().length).as("1 GB of zeros on the wire").isLessThan(1 << 20);
        server.route("/br", Responders.encoded("br", brotliBomb()));
        assertCappedAtTheLimit(get(mode, "/br"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void brotliIsAskedForAndDecoded(Mode mode) throws Exception {
        byte[] page = "<p>brotli page</p>".repeat(500).getBytes(StandardCharsets.UTF_8);
        server.route("/br", Responders.encoded("br", Brotli.compress(page)));
        FetchResult.Response r = response(get(mode, "/br"));
        assertThat(r.body()).isEqualTo(page);
        assertThat(r.truncated()).isFalse();
        assertThat(server.requests().get(0).header("Accept-Encoding")).isEqualTo("gzip, deflate, br");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void multiMemberGzipIsDecodedWhole(Mode mode) throws Exception {
        byte[] a = Responders.gzip("first ".getBytes(StandardCharsets.UTF_8));
        byte[] b = Responders.gzip("second".getBytes(StandardCharsets.UTF_8));
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        server.route("/two", Responders.encoded("gzip", both));
        assertThat(text(response(get(mode, "/two")))).isEqualTo("first second");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void brokenCompressedBodiesAreProtocolErrors(Mode mode) throws Exception {
        byte[] gz = Responders.gzip("a page that will be cut short".repeat(50).getBytes(StandardCharsets.UTF_8));
        server.route("/cut", Responders.encoded("gzip", Arrays.copyOf(gz, gz.length / 2)));
        server.route("/notgzip", Responders.encoded("gzip", "plain text, not gzip".getBytes(StandardCharsets.UTF_8)));
        server.route("/notbr", Responders.encoded("br", "plain text, not brotli at all".getBytes(StandardCharsets.UTF_8)));
        Fetcher f = fetcher(mode, settings());
        assertThat(failure(get(f, server.uri("/cut")), FetchError.PROTOCOL).message()).contains("compressed");
        assertThat(failure(get(f, server.uri("/notgzip")), FetchError.PROTOCOL).message()).contains("gzip");
        assertThat(failure(get(f, server.uri("/notbr")), FetchError.PROTOCOL).message()).contains("brotli");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anEmptyBodyLabelledGzipIsEmpty(Mode mode) throws Exception {
        server.route("/empty", Responders.encoded("gzip", new byte[0]));
        assertThat(response(get(mode, "/empty")).body()).isEmpty();
    }

    // --- bodies and heads that never end, trickles, silence ----------------------------------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void endlessChunkedBodyIsCutAtTheLimit(Mode mode) throws Exception {
        server.route("/endless", Responders.endlessChunked());
        assertCappedAtTheLimit(get(mode, "/endless"));
    }

    /** One byte every 50 ms: the idle timeout never fires, the minimum rate does. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void trickleFailsTheMinimumTransferRateLongBeforeTheResponseTimeout(Mode mode) throws Exception {
        server.route("/trickle", Responders.trickle(50));
        FetchSettings s = settings().withResponseTimeout(Duration.ofSeconds(15))
                .withMinTransferRate(1024, Duration.ofMillis(300));
        FetchResult.Failure fail = failure(get(fetcher(mode, s), server.uri("/trickle")), FetchError.TOO_SLOW);
        assertThat(fail.message()).contains("1024 bytes/s");
        assertThat(fail.elapsed()).isLessThan(Duration.ofSeconds(15));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void headersTrickledForeverFailTheMinimumTransferRate(Mode mode) throws Exception {
        server.route("/slowhead", Responders.endlessHeaders(100));
        FetchSettings s = settings().withResponseTimeout(Duration.ofSeconds(15))
                .withMinTransferRate(1024, Duration.ofMillis(300));
        failure(get(fetcher(mode, s), server.uri("/slowhead")), FetchError.TOO_SLOW);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aFastResponseIsNeverJudgedTooSlow(Mode mode) throws Exception {
        server.route("/ok", Responders.text("fine"));
        FetchSettings s = settings().withMinTransferRate(1 << 30, Duration.ofMillis(500));
        assertThat(text(response(get(fetcher(mode, s), server.uri("/ok"))))).isEqualTo("fine");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void serverThatAcceptsAndNeverAnswersTimesOutAtTheFirstByte(Mode mode) throws Exception {
        server.route("/silent", Responders.silent());
        FetchSettings s = new FetchSettings("t", Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(10),
                LIMIT, 8 << 10, true, FetcherContractTest.LOOPBACK_ALLOWED, ResolveOverrides.none());
        failure(get(fetcher(mode, s), server.uri("/silent")), FetchError.FIRST_BYTE_TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void headersThatNeverEndHitTheHeaderLimit(Mode mode) throws Exception {
        server.route("/endless-head", Responders.endlessHeaders(0));
        failure(get(mode, "/endless-head"), FetchError.PROTOCOL);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aFloodOfHeadersHitsTheHeaderLimit(Mode mode) throws Exception {
        server.route("/flood", Responders.headerFlood(5000));
        failure(get(mode, "/flood"), FetchError.PROTOCOL);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void oneEnormousHeaderLineHitsTheHeaderLimit(Mode mode) throws Exception {
        server.route("/huge", Responders.hugeHeaderLine(4 << 20));
        failure(get(mode, "/huge"), FetchError.PROTOCOL);
    }

    // --- malformed framing -------------------------------------------------------------------

    static List<Arguments> malformedStatusLines() {
        List<String> lines = List.of(
                "HTTP/1.1 abc OK",
                "HTTP/2 200 OK",
                "HTTP/1.1 99 Too Low",
                "HTTP/1.1 2000 Too Long",
                "ICY 200 OK",
                "HTTP/1.1200 OK",
                "HTTP/1.1 -200 Negative",
                "\u0001\u0002\u0003\u0004binary junk");
        List<Arguments> out = new ArrayList<>();
        for (Mode m : Mode.values()) {
            for (String l : lines) {
                out.add(Arguments.of(m, l));
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("malformedStatusLines")
    void malformedStatusLinesAreProtocolErrors(Mode mode, String statusLine) throws Exception {
        server.route("/bad", Responders.raw(statusLine + "\r\nContent-Length: 2\r\n\r\nok"));
        failure(get(mode, "/bad"), FetchError.PROTOCOL);
    }

    static List<Arguments> invalidChunks() {
        List<String> bodies = List.of(
                "zz\r\nabc\r\n0\r\n\r\n",
                "-1\r\nabc\r\n0\r\n\r\n",
                "fffffffffffffffffffff\r\nabc\r\n0\r\n\r\n",
                "3\r\nabcdef\r\n0\r\n\r\n",
                "\r\nabc\r\n0\r\n\r\n");
        List<Arguments> out = new ArrayList<>();
        for (Mode m : Mode.values()) {
            for (String b : bodies) {
                out.add(Arguments.of(m, b));
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("invalidChunks")
    void invalidChunkSizesAreProtocolErrors(Mode mode, String chunkedBody) throws Exception {
        server.route("/chunk", Responders.raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunkedBody));
        failure(get(mode, "/chunk"), FetchError.PROTOCOL);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void badContentLengthsAreProtocolErrors(Mode mode) throws Exception {
        server.route("/two", Responders.raw("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabcde"));
        server.route("/list", Responders.raw("HTTP/1.1 200 OK\r\nContent-Length: 3, 5\r\n\r\nabcde"));
        server.route("/neg", Responders.raw("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\nabcde"));
        server.route("/nan", Responders.raw("HTTP/1.1 200 OK\r\nContent-Length: many\r\n\r\nabcde"));
        Fetcher f = fetcher(mode, settings());
        for (String path : List.of("/two", "/list", "/neg", "/nan")) {
            failure(get(f, server.uri(path)), FetchError.PROTOCOL);
        }
    }

    /** The extra bytes after a short Content-Length must not be read as the next response. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void contentLengthShorterThanTheBodyKeepsTheLengthAndDropsTheConnection(Mode mode) throws Exception {
        server.route("/short", Responders.raw("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
                + "HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nsmuggled"));
        server.route("/next", Responders.text("the real next page"));
        Fetcher f = fetcher(mode, settings());
        assertThat(text(response(get(f, server.uri("/short"))))).isEqualTo("hello");
        assertThat(text(response(get(f, server.uri("/next"))))).isEqualTo("the real next page");
        assertThat(server.connections()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void contentLengthLongerThanTheBodyFails(Mode mode) throws Exception {
        server.route("/closes", Responders.raw("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this"));
        server.route("/stalls", (req, out, s) -> {
            out.write(Responders.ascii("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this"));
            out.flush();
            Responders.silent().respond(req, out, s);
            return false;
        });
        FetchSettings s = settings().withResponseTimeout(Duration.ofSeconds(15)).withMinTransferRate(64, Duration.ofMillis(300));
        Fetcher f = fetcher(mode, s);
        failure(get(f, server.uri("/closes")), FetchError.IO);
        failure(get(f, server.uri("/stalls")), FetchError.TOO_SLOW);
    }

    static List<Arguments> resets() {
        List<String> partial = List.of(
                "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + "x".repeat(5000),
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n" + "y".repeat(3000),
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + "z".repeat(5000),
                "HTTP/1.1 200 OK\r\nContent-Len");
        List<Arguments> out = new ArrayList<>();
        for (Mode m : Mode.values()) {
            for (String p : partial) {
                out.add(Arguments.of(m, p));
            }
        }
        return out;
    }

    /** A reset in the middle of a body (or head) is an IO failure, never a short page taken as whole. */
    @ParameterizedTest
    @MethodSource("resets")
    void aResetMidResponseIsAnIoFailure(Mode mode, String partial) throws Exception {
        server.route("/reset", Responders.thenReset(partial));
        failure(get(mode, "/reset"), FetchError.IO);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void http09StyleRepliesAreRefused(Mode mode) throws Exception {
        server.route("/closes", Responders.raw("<html><body>no status line</body></html>\n"));
        server.route("/stays", (req, out, s) -> {
            out.write(Responders.ascii("<html><body>no status line, and the connection stays open"));
            out.flush();
            Responders.silent().respond(req, out, s);
            return false;
        });
        FetchSettings s = settings().withResponseTimeout(Duration.ofSeconds(15));
        Fetcher f = fetcher(mode, s);
        assertThat(failure(get(f, server.uri("/closes")), FetchError.PROTOCOL).message()).contains("HTTP/0.9");
        FetchResult.Failure stays = failure(get(f, server.uri("/stays")), FetchError.PROTOCOL);
        assertThat(stays.message()).contains("HTTP/0.9").contains("<html>");
        assertThat(stays.elapsed()).as("refused at once, not at a timeout").isLessThan(Duration.ofSeconds(10));
    }

    /** Bytes a server sends on an idle keep-alive connection are not taken as the next response. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void bytesSentOnAnIdleConnectionDoNotBecomeTheNextResponse(Mode mode) throws Exception {
        server.route("/first", Responders.thenChatterWhileIdle(Responders.text("first"), 100,
                "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nforged"));
        server.route("/second", Responders.text("second"));
        Fetcher f = fetcher(mode, settings());
        assertThat(text(response(get(f, server.uri("/first"))))).isEqualTo("first");
        Thread.sleep(250);
        assertThat(text(response(get(f, server.uri("/second"))))).isEqualTo("second");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void statusCodesStayInRange(Mode mode) throws Exception {
        server.route("/999", Responders.status(999, "request denied"));
        assertThat(response(get(mode, "/999")).status()).isEqualTo(999);
    }

    // --- address guard -----------------------------------------------------------------------

    static List<Arguments> refusedDestinations() {
        List<String> addresses = List.of("169.254.169.254", "127.0.0.1", "10.0.0.1", "0.0.0.0", "::1", "fd00::1",
                "::ffff:169.254.169.254");
        List<Arguments> out = new ArrayList<>();
        for (Mode m : Mode.values()) {
            for (String a : addresses) {
                out.add(Arguments.of(m, a));
            }
        }
        return out;
    }

    /** A harmless-looking name that resolves to a special address is refused on the address. */
    @ParameterizedTest
    @MethodSource("refusedDestinations")
    void namesResolvingToSpecialAddressesAreRefused(Mode mode, String address) throws Exception {
        FetchSettings s = settings().withAddressPolicy(AddressPolicy.publicOnly()).withOverrides(
                new ResolveOverrides(Map.of("innocent.example", InetAddress.getByName(address))));
        FetchResult.Failure fail = failure(get(fetcher(mode, s), URI.create("http://innocent.example:"
                + server.port() + "/latest/meta-data/")), FetchError.ADDRESS_REFUSED);
        assertThat(fail.message()).contains("refused");
        assertThat(server.connections()).isZero();
    }

    // --- TLS ---------------------------------------------------------------------------------

    private static final String HOST = "tls.test";

    private FetchResult getTls(Mode mode, TestCertificates.Identity serverId, FetchSettings s) throws Exception {
        try (RawHttpServer tls = new RawHttpServer(serverId.serverContext())) {
            tls.route("/secure", Responders.text("over tls"));
            FetchSettings pinned = s.withOverrides(new ResolveOverrides(Map.of(HOST, InetAddress.getByName("127.0.0.1"))));
            return get(fetcher(mode, pinned), URI.create("https://" + HOST + ":" + tls.port() + "/secure"));
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aSelfSignedCertificateIsRefusedByDefaultAndTrustedOnRequest(Mode mode) throws Exception {
        TestCertificates.Identity self = TestCertificates.selfSigned(HOST);
        FetchResult.Failure fail = failure(getTls(mode, self, settings()), FetchError.TLS);
        assertThat(fail.message()).contains("not trusted", "--trust-cert");
        FetchSettings trusting = settings().withTrustedCertificates(List.of(self.certificate()));
        assertThat(text(response(getTls(mode, self, trusting)))).isEqualTo("over tls");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anExpiredCertificateIsRefusedAsExpired(Mode mode) throws Exception {
        TestCertificates.Identity ca = TestCertificates.authority("Test CA");
        Instant now = Instant.now();
        TestCertificates.Identity expired = TestCertificates.server(ca, HOST, now.minus(Duration.ofDays(10)),
                now.minus(Duration.ofDays(1)));
        FetchSettings trustCa = settings().withTrustedCertificates(List.of(ca.certificate()));
        assertThat(failure(getTls(mode, expired, trustCa), FetchError.TLS).message()).contains("expired");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aCertificateForAnotherHostIsRefused(Mode mode) throws Exception {
        TestCertificates.Identity ca = TestCertificates.authority("Test CA");
        TestCertificates.Identity other = TestCertificates.server(ca, "other.test");
        FetchSettings trustCa = settings().withTrustedCertificates(List.of(ca.certificate()));
        assertThat(failure(getTls(mode, other, trustCa), FetchError.TLS).message()).contains("not valid for " + HOST);
        TestCertificates.Identity right = TestCertificates.server(ca, HOST);
        assertThat(text(response(getTls(mode, right, trustCa)))).isEqualTo("over tls");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void httpsSendsSniAndOffersAlpn(Mode mode) throws Exception {
        TestCertificates.Identity ca = TestCertificates.authority("Test CA");
        TestCertificates.Identity id = TestCertificates.server(ca, HOST);
        try (RawHttpServer tls = new RawHttpServer(id.serverContext())) {
            tls.route("/secure", Responders.text("over tls"));
            FetchSettings s = settings().withTrustedCertificates(List.of(ca.certificate()))
                    .withOverrides(new ResolveOverrides(Map.of(HOST, InetAddress.getByName("127.0.0.1"))));
            assertThat(text(response(get(fetcher(mode, s), URI.create("https://" + HOST + ":" + tls.port() + "/secure")))))
                    .isEqualTo("over tls");
            assertThat(tls.serverNames()).containsExactly(HOST);
            assertThat(tls.applicationProtocols()).containsExactly("http/1.1");
        }
    }

    /** A server that accepts the connection but never answers the TLS hello. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void aStalledTlsHandshakeTimesOut(Mode mode) throws Exception {
        try (ServerSocket mute = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            Thread t = new Thread(() -> {
                try (Socket s = mute.accept()) {
                    s.getInputStream().readAllBytes();
                } catch (IOException e) {
                    // the client gave up
                }
            });
            t.setDaemon(true);
            t.start();
            FetchSettings s = new FetchSettings("t", Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(10),
                    LIMIT, 8 << 10, true, FetcherContractTest.LOOPBACK_ALLOWED, ResolveOverrides.none());
            FetchResult.Failure fail = failure(get(fetcher(mode, s), URI.create("https://127.0.0.1:" + mute.getLocalPort()
                    + "/")), FetchError.CONNECT_TIMEOUT);
            assertThat(fail.message()).contains("TLS", "timed out");
        }
    }

    /** A plain HTTP server answers the TLS hello with an HTTP error, as real ones do. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void plainHttpOnAnHttpsPortIsATlsError(Mode mode) throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            Thread t = new Thread(() -> {
                try (Socket s = plain.accept()) {
                    s.getInputStream().read(new byte[512]);
                    s.getOutputStream().write(Responders.ascii("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                            + "Connection: close\r\n\r\n"));
                    s.getOutputStream().flush();
                    Thread.sleep(200);
                } catch (IOException | InterruptedException e) {
                    // the client gave up
                }
            });
            t.setDaemon(true);
            t.start();
            FetchResult.Failure fail = failure(get(fetcher(mode, settings()),
                    URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/")), FetchError.TLS);
            assertThat(fail.message()).contains("TLS");
        }
    }
}
