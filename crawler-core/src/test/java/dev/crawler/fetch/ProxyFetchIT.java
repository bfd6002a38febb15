package dev.crawler.fetch;

import static dev.crawler.fetch.FetcherContractTest.failure;
import static dev.crawler.fetch.FetcherContractTest.response;
import static dev.crawler.fetch.FetcherContractTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.HostileResponsesTest.Mode;
import dev.crawler.fetch.proxy.NoProxy;
import dev.crawler.fetch.proxy.ProxyConfig;
import dev.crawler.fetch.proxy.ProxyProcess;
import dev.crawler.fetch.proxy.ProxyServer;
import dev.crawler.net.AddressPolicy;
import dev.crawler.net.ResolveOverrides;
import dev.crawler.sim.hostile.RawHttpServer;
import dev.crawler.sim.hostile.Responders;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every fetch mode through real proxies on loopback: tinyproxy (HTTP: plain http forwarded, https
 * tunnelled with CONNECT) and microsocks (SOCKS5), with and without a login, a proxy that is down,
 * one that refuses, and the address policy still applied to the target.
 */
class ProxyFetchIT {

    private static final String HOST = "tls.test";

    @TempDir
    Path dir;
    private RawHttpServer server;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new RawHttpServer();
        server.route("/page", Responders.text("through the proxy"));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
        server.close();
    }

    private <T extends AutoCloseable> T closing(T c) {
        closing.add(c);
        return c;
    }

    private FetchResult get(Mode mode, FetchSettings s, URI uri) throws Exception {
        Fetcher f = closing(mode.factory.apply(s));
        return f.fetch(uri).get(20, TimeUnit.SECONDS);
    }

    private static FetchSettings via(String proxyUrl) {
        return HostileResponsesTest.settings().withProxy(ProxyConfig.of(ProxyServer.parse(proxyUrl), NoProxy.none()));
    }

    /** A TLS server for {@link #HOST}, whose certificate authority the returned settings trust. */
    private RawHttpServer tlsServer(FetchSettings[] settings) throws Exception {
        TestCertificates.Identity ca = TestCertificates.authority("Proxy test CA");
        RawHttpServer tls = closing(new RawHttpServer(TestCertificates.server(ca, HOST).serverContext()));
        tls.route("/secure", Responders.text("over tls"));
        settings[0] = settings[0].withTrustedCertificates(List.of(ca.certificate()))
                .withOverrides(new ResolveOverrides(Map.of(HOST, InetAddress.getByName("127.0.0.1"))));
        return tls;
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void plainHttpIsForwardedByAnHttpProxyInAbsoluteForm(Mode mode) throws Exception {
        ProxyProcess proxy = closing(ProxyProcess.tinyproxy(dir));
        FetchResult.Response r = response(get(mode, via(proxy.url("http", null)), server.uri("/page")));
        assertThat(text(r)).isEqualTo("through the proxy");
        assertThat(proxy.log()).contains("GET " + server.uri("/page") + " HTTP/1.1");
        assertThat(server.requests()).singleElement().satisfies(req -> assertThat(req.header("via")).contains("tinyproxy"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void httpsIsTunnelledWithConnectToTheAddressTheCrawlerChecked(Mode mode) throws Exception {
        ProxyProcess proxy = closing(ProxyProcess.tinyproxy(dir));
        FetchSettings[] s = {via(proxy.url("http", null))};
        RawHttpServer tls = tlsServer(s);
        FetchResult.Response r = response(get(mode, s[0], URI.create("https://" + HOST + ":" + tls.port() + "/secure")));
        assertThat(text(r)).isEqualTo("over tls");
        assertThat(proxy.log()).contains("CONNECT 127.0.0.1:" + tls.port() + " HTTP/1.1");
        assertThat(tls.serverNames()).as("TLS inside the tunnel names the host").containsExactly(HOST);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void socks5CarriesHttpAndHttps(Mode mode) throws Exception {
        ProxyProcess proxy = closing(ProxyProcess.microsocks(dir, null, null));
        FetchSettings[] s = {via(proxy.url("socks5", null))};
        RawHttpServer tls = tlsServer(s);
        assertThat(text(response(get(mode, s[0], server.uri("/page"))))).isEqualTo("through the proxy");
        assertThat(text(response(get(mode, s[0], URI.create("https://" + HOST + ":" + tls.port() + "/secure")))))
                .isEqualTo("over tls");
        assertThat(proxy.log()).contains("connected to 127.0.0.1:" + server.port(), "connected to 127.0.0.1:" + tls.port());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anHttpProxyLoginIsSentAndAMissingOrWrongOneIsAClearError(Mode mode) throws Exception {
        ProxyProcess proxy = closing(ProxyProcess.tinyproxy(dir, "BasicAuth alice s3cret"));
        FetchSettings[] tlsSettings = {via(proxy.url("http", "alice:s3cret"))};
        RawHttpServer tls = tlsServer(tlsSettings);
        URI secure = URI.create("https://" + HOST + ":" + tls.port() + "/secure");
        assertThat(text(response(get(mode, via(proxy.url("http", "alice:s3cret")), server.uri("/page")))))
                .isEqualTo("through the proxy");
        assertThat(text(response(get(mode, tlsSettings[0], secure)))).isEqualTo("over tls");

        for (String login : new String[] {null, "alice:wrong"}) {
            FetchSettings s = via(proxy.url("http", login)).withTrustedCertificates(tlsSettings[0].trustedCertificates())
                    .withOverrides(tlsSettings[0].overrides());
            FetchResult.Failure f = failure(get(mode, s, secure), FetchError.PROXY);
            // tinyproxy answers 407 to no login and 401 to a wrong one
            assertThat(f.message()).as("CONNECT with " + login).contains("127.0.0.1:" + proxy.port(),
                    login == null ? "407" : "401", "user and password").doesNotContain("wrong");
        }
        // forwarded: without a login tinyproxy answers 407, a proxy error; with a wrong one it
        // answers 401, as an origin would, and nothing tells that from the target's own 401
        FetchResult.Failure none = failure(get(mode, via(proxy.url("http", null)), server.uri("/page")), FetchError.PROXY);
        assertThat(none.message()).contains("127.0.0.1:" + proxy.port(), "407", "user and password");
        FetchResult.Response wrong = response(get(mode, via(proxy.url("http", "alice:wrong")), server.uri("/page")));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.headers().first("Server")).hasValueSatisfying(v -> assertThat(v).contains("tinyproxy"));
        assertThat(server.requests()).as("only the request with the right login reached the server").hasSize(1);
    }

    /** A forwarding proxy's 407 is the proxy's answer, never the target's: a clear proxy error. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void aForwardingProxysOwn407IsAProxyError(Mode mode) throws Exception {
        RawHttpServer asking = closing(new RawHttpServer());
        asking.route(server.uri("/page").toString(), Responders.status(407, "log in first",
                "Proxy-Authenticate: Basic realm=\"proxy\""));
        FetchResult.Failure f = failure(get(mode, via("http://127.0.0.1:" + asking.port()), server.uri("/page")),
                FetchError.PROXY);
        assertThat(f.message()).contains("proxy http://127.0.0.1:" + asking.port(), "407", "user and password");
        assertThat(asking.requests()).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo(server.uri("/page").toString()));
        assertThat(server.connections()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aSocks5LoginIsSentAndAMissingOrWrongOneIsAClearError(Mode mode) throws Exception {
        ProxyProcess proxy = closing(ProxyProcess.microsocks(dir, "alice", "s3cret"));
        assertThat(text(response(get(mode, via(proxy.url("socks5", "alice:s3cret")), server.uri("/page")))))
                .isEqualTo("through the proxy");
        FetchResult.Failure none = failure(get(mode, via(proxy.url("socks5", null)), server.uri("/page")), FetchError.PROXY);
        assertThat(none.message()).contains("socks5://127.0.0.1:" + proxy.port(), "login");
        FetchResult.Failure wrong = failure(get(mode, via(proxy.url("socks5", "alice:wrong")), server.uri("/page")),
                FetchError.PROXY);
        assertThat(wrong.message()).contains("user and password").doesNotContain("wrong");
        assertThat(server.requests()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aProxyThatIsDownIsAClearErrorNamingIt(Mode mode) throws Exception {
        int down = ProxyProcess.freePort();
        for (String scheme : List.of("http", "socks5")) {
            FetchResult.Failure f = failure(get(mode, via(scheme + "://127.0.0.1:" + down), server.uri("/page")),
                    FetchError.PROXY);
            assertThat(f.message()).contains("cannot connect to proxy " + scheme + "://127.0.0.1:" + down,
                    "is it running");
        }
        assertThat(server.connections()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aProxyThatRefusesTheTunnelIsAClearError(Mode mode) throws Exception {
        ProxyProcess proxy = closing(ProxyProcess.tinyproxy(dir, "ConnectPort 443"));
        FetchSettings[] s = {via(proxy.url("http", null))};
        RawHttpServer tls = tlsServer(s);
        FetchResult.Failure f = failure(get(mode, s[0], URI.create("https://" + HOST + ":" + tls.port() + "/secure")),
                FetchError.PROXY);
        assertThat(f.message()).contains("refused the request to 127.0.0.1:" + tls.port(), "403");
        assertThat(tls.connections()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theAddressPolicyStillAppliesToTheTargetAndNotToTheProxy(Mode mode) throws Exception {
        ProxyProcess proxy = closing(ProxyProcess.tinyproxy(dir));
        FetchSettings publicOnly = via(proxy.url("http", null)).withAddressPolicy(AddressPolicy.publicOnly());
        failure(get(mode, publicOnly, server.uri("/page")), FetchError.ADDRESS_REFUSED);
        assertThat(proxy.log()).doesNotContain("GET ");
        assertThat(server.connections()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void hostsOnTheNoProxyListAreReachedDirectly(Mode mode) throws Exception {
        FetchSettings s = via("http://127.0.0.1:" + ProxyProcess.freePort());
        s = s.withProxy(s.proxy().withNoProxy(NoProxy.parse("example.org, 127.0.0.0/8")));
        assertThat(text(response(get(mode, s, server.uri("/page"))))).isEqualTo("through the proxy");
    }
}
