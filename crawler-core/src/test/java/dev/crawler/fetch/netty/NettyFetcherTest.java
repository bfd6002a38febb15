package dev.crawler.fetch.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.Fetcher;
import dev.crawler.fetch.FetcherContractTest;
import dev.crawler.fetch.TestCertificates;
import dev.crawler.net.DnsConfig;
import dev.crawler.net.IoTransport;
import dev.crawler.net.Transport;
import dev.crawler.sim.hostile.RawHttpServer;
import dev.crawler.sim.hostile.Responders;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fetcher contract on the async fetcher, plus what is particular to it. */
class NettyFetcherTest extends FetcherContractTest {

    private DatagramSocket silentDns;
    private SlowDnsServer slowDns;

    @Override
    protected Fetcher newFetcher(FetchSettings settings) {
        return NettyFetcher.create(settings);
    }

    @Override
    protected Fetcher newFetcherTrusting(FetchSettings settings, TrustManagerFactory trust) {
        return NettyFetcher.builder(settings).trust(trust).build();
    }

    /** DNS pointed at a loopback UDP port that never answers, with a short query timeout. */
    @Override
    protected Fetcher newFetcherWithFailingDns(FetchSettings settings) throws IOException {
        silentDns = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        DnsConfig dns = DnsConfig.using(List.of((InetSocketAddress) silentDns.getLocalSocketAddress()),
                Duration.ofMillis(200));
        return NettyFetcher.builder(settings).dns(dns).build();
    }

    @Override
    protected Fetcher newFetcherWithSlowDns(FetchSettings settings, Duration delay) throws IOException {
        slowDns = new SlowDnsServer(delay);
        return NettyFetcher.builder(settings).dns(DnsConfig.using(List.of(slowDns.address()), Duration.ofSeconds(5)))
                .build();
    }

    @AfterEach
    void closeDns() {
        if (silentDns != null) {
            silentDns.close();
        }
        if (slowDns != null) {
            slowDns.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void fetchesOnEveryTransport(Transport transport) throws Exception {
        server.route("/t", Responders.text("on " + transport));
        try (NettyFetcher f = NettyFetcher.builder(settings()).transport(transport).build()) {
            String expected = IoTransport.isAvailable(transport) ? transport.label() : "nio";
            assertThat(f.describe()).isEqualTo("async/" + expected);
            assertThat(text(response(get(f, server.uri("/t"))))).isEqualTo("on " + transport);
        }
    }

    @Test
    void futuresCompleteOnTheEventLoop() throws Exception {
        RawHttpServer.Responder ok = Responders.text("ok");
        // answer a little later, so the callback below is attached before the future completes
        server.route("/ok", (req, out, socket) -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ok.respond(req, out, socket);
        });
        try (NettyFetcher f = NettyFetcher.create(settings())) {
            CompletableFuture<FetchResult> fetched = f.fetch(server.uri("/ok"));
            assertThat(fetched).isNotDone();
            CompletableFuture<Boolean> onLoop = fetched.thenApply(r -> f.eventLoop().inEventLoop());
            assertThat(onLoop.get(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void severalEventLoopsKeepOneHostOnOneLoop() throws Exception {
        server.route("/a", Responders.text("a"));
        try (NettyFetcher f = NettyFetcher.builder(settings()).threads(3).build()) {
            for (int i = 0; i < 5; i++) {
                assertThat(text(response(get(f, server.uri("/a"))))).isEqualTo("a");
            }
        }
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void closeFromTheEventLoopDoesNotDeadlock() throws Exception {
        NettyFetcher f = NettyFetcher.create(settings());
        f.eventLoop().submit(f::close).get(5, TimeUnit.SECONDS);
        assertThat(f.eventLoop().isShuttingDown()).isTrue();
    }

    @Test
    void idleConnectionsAreClosedAfterTheIdleTimeout() throws Exception {
        server.route("/a", Responders.text("a"));
        try (NettyFetcher f = NettyFetcher.builder(settings()).idleTimeout(Duration.ofMillis(300)).build()) {
            response(get(f, server.uri("/a")));
            Thread.sleep(700); // the evictor runs every 150 ms here
            response(get(f, server.uri("/a")));
        }
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void tlsThatCannotBeSetUpFailsHttpsRequestsClearlyAndLeavesPlainHttpAlone() throws Exception {
        server.route("/plain", Responders.text("plain"));
        try (RawHttpServer tls = new RawHttpServer(
                TestCertificates.server(TestCertificates.authority("test CA"), "localhost").serverContext())) {
            tls.route("/secure", Responders.text("never"));
            // never initialised: building the TLS context (on its own thread) fails
            TrustManagerFactory broken = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            try (NettyFetcher f = NettyFetcher.builder(settings()).trust(broken).build()) {
                URI secure = tls.uri("/secure");
                FetchResult.Failure fail = failure(get(f, secure), FetchError.TLS);
                assertThat(fail.message()).contains("TLS could not be set up", "no https URL can be fetched");
                assertThat(failure(get(f, secure), FetchError.TLS).message()).isEqualTo(fail.message());
                assertThat(text(response(get(f, server.uri("/plain"))))).isEqualTo("plain");
            }
            assertThat(tls.requests()).isEmpty();
            assertThat(tls.connections()).isZero();
        }
    }
}
