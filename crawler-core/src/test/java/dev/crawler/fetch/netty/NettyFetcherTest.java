package dev.crawler.fetch.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchProgress;
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

    private RawHttpServer.Request onlyRequestFor(String path) {
        List<RawHttpServer.Request> asked = server.requests().stream().filter(r -> r.path().equals(path)).toList();
        assertThat(asked).hasSize(1);
        return asked.get(0);
    }

    /** Fetches {@code next} from {@code f} when told a request's connection only settles; fails a second call. */
    private static final class FetchWhenSettling implements FetchProgress {
        private final Fetcher f;
        private final URI next;
        final CompletableFuture<CompletableFuture<FetchResult>> started = new CompletableFuture<>();
        volatile long settlingAt;

        FetchWhenSettling(Fetcher f, URI next) {
            this.f = f;
            this.next = next;
        }

        @Override
        public void sent(long at) {
        }

        @Override
        public void settling(FetchResult.Response response, long at) {
            settlingAt = at;
            if (!started.complete(f.fetch(next))) {
                throw new AssertionError("told twice that the connection settles");
            }
        }
    }

    /**
     * A response held on a reused connection that goes back to the pool tells the caller its
     * connection only settles; a request to the same origin given meanwhile waits for that
     * connection, and goes on it once the window has passed quietly, instead of opening another
     * (the host never sees more connections than requests given out for it).
     */
    @Test
    void aRequestGivenWhileItsOriginsConnectionSettlesWaitsForItAndGoesOnIt() throws Exception {
        server.route("/a", Responders.after(100, Responders.text("a"))).route("/b", Responders.text("b"));
        Fetcher f = fetcher(settings().withReuseSettle(Duration.ofSeconds(1)));
        assertThat(text(response(get(f, server.uri("/a"))))).isEqualTo("a");
        FetchWhenSettling progress = new FetchWhenSettling(f, server.uri("/b"));
        long[] aDone = new long[1];
        FetchResult a = f.fetch(server.uri("/a"), Long.MAX_VALUE, progress)
                .whenComplete((r, e) -> aDone[0] = System.nanoTime()).get(10, TimeUnit.SECONDS);
        assertThat(text(response(a))).isEqualTo("a");
        FetchResult b = progress.started.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        assertThat(text(response(b))).isEqualTo("b");

        assertThat(server.connections()).as("/b waited for the settling connection").isEqualTo(1);
        RawHttpServer.Request bAsked = onlyRequestFor("/b");
        // /a's window runs to two of its 100 ms replies after it was asked: about 100 ms after its end
        assertThat(bAsked.arrivalNanos() - progress.settlingAt).as("/b went once /a's window had passed")
                .isGreaterThan(Duration.ofMillis(50).toNanos());
        assertThat(aDone[0] - progress.settlingAt).as("/a was held meanwhile")
                .isGreaterThan(Duration.ofMillis(50).toNanos());
    }

    /**
     * A request waiting for a settling connection whose server then sends bytes unasked (out of
     * step): the held response fails as a desync, and the waiting request goes on a fresh
     * connection, with its own answer. The unasked bytes come 5 ms after a reply of 100 ms, well
     * inside the window (two such replies after the request).
     */
    @Test
    void aRequestWaitingForAConnectionThatTurnsOutOutOfStepGoesOnAFreshOne() throws Exception {
        server.route("/a", Responders.text("a"))
                .route("/late", Responders.thenSmuggleLate(Responders.after(100, Responders.text("late")), 5, "SMUGGLED"))
                .route("/b", Responders.text("b"));
        Fetcher f = fetcher(settings().withReuseSettle(Duration.ofSeconds(1)));
        assertThat(text(response(get(f, server.uri("/a"))))).isEqualTo("a");
        FetchWhenSettling progress = new FetchWhenSettling(f, server.uri("/b"));
        failure(f.fetch(server.uri("/late"), Long.MAX_VALUE, progress).get(10, TimeUnit.SECONDS), FetchError.DESYNC);
        FetchResult b = progress.started.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
        assertThat(text(response(b))).isEqualTo("b");
        assertThat(server.connections()).as("a fresh connection for /b").isEqualTo(2);
        assertThat(onlyRequestFor("/b").connection()).isEqualTo(2);
    }

    /** A response held on a connection that will close (the server said so) is not offered: the next request opens its own. */
    @Test
    void aConnectionThatWillCloseIsNotOfferedWhileItSettles() throws Exception {
        server.route("/a", Responders.text("a"))
                .route("/last", Responders.after(20, Responders.body(200, "text/html", "last".getBytes(java.nio.charset.StandardCharsets.UTF_8), "Connection: close")));
        Fetcher f = fetcher(settings().withReuseSettle(Duration.ofSeconds(1)));
        assertThat(text(response(get(f, server.uri("/a"))))).isEqualTo("a");
        FetchWhenSettling progress = new FetchWhenSettling(f, server.uri("/a"));
        assertThat(text(response(f.fetch(server.uri("/last"), Long.MAX_VALUE, progress).get(10, TimeUnit.SECONDS))))
                .isEqualTo("last");
        assertThat(progress.started).as("never told it settles").isNotDone();
    }
}
