package dev.crawler.fetch.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.Fetcher;
import dev.crawler.fetch.FetcherContractTest;
import dev.crawler.sim.hostile.Responders;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * The fetcher contract on the busy-poll fetcher, plus what is its own: it speaks plain http only,
 * and its polling thread really spins while a request is in flight (its push parser is tested in
 * {@link dev.crawler.fetch.http.PushResponseReaderTest}).
 */
class BusyPollFetcherTest extends FetcherContractTest {

    @Override
    protected Fetcher newFetcher(FetchSettings settings) {
        return new BusyPollFetcher(settings);
    }

    @Override
    protected Fetcher newFetcherWithFailingDns(FetchSettings settings) {
        return new BusyPollFetcher(settings, host -> {
            throw new UnknownHostException(host + ": no such host (test lookup)");
        });
    }

    @Override
    protected Fetcher newFetcherWithSlowDns(FetchSettings settings, Duration delay) {
        return new BusyPollFetcher(settings, host -> loopbackAfter(delay));
    }

    @Override
    protected Fetcher newFetcherTrusting(FetchSettings settings, TrustManagerFactory trust) {
        return new BusyPollFetcher(settings);
    }

    /** Replaces the contract's https case: this fetcher has no TLS engine and says so. */
    @Override
    protected void httpsWithSniAndKeepAlive() throws Exception {
        FetchResult.Failure f = failure(get(fetcher(), URI.create("https://127.0.0.1:1/secure")),
                FetchError.UNSUPPORTED_SCHEME);
        assertThat(f.message()).contains("plain http only");
    }

    /** Replaces the contract's https case: refused before connecting. */
    @Override
    protected void httpsWithAnUntrustedCertificateFailsToConnect() throws Exception {
        failure(get(fetcher(), URI.create("https://127.0.0.1:" + server.port() + "/secure")),
                FetchError.UNSUPPORTED_SCHEME);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void describesItself() {
        assertThat(fetcher().describe()).isEqualTo("busy-poll");
    }

    @Test
    void thePollingThreadSpinsWhileARequestIsInFlight() throws Exception {
        server.route("/slow", Responders.silent());
        BusyPollFetcher f = (BusyPollFetcher) fetcher();
        CompletableFuture<FetchResult> pending = f.fetch(server.uri("/slow"));
        Thread.sleep(100);
        long before = f.pollPasses();
        Thread.sleep(300);
        // A selector or a parked thread would make no pass while the server is silent; a busy
        // poller makes one after another (millions on an idle core, thousands even on a loaded one).
        assertThat(f.pollPasses() - before).as("passes over a socket with nothing to read").isGreaterThan(1_000);
        assertThat(pending).isNotDone();
    }

    @Test
    void theLoopRestsWhenNothingIsInFlight() throws Exception {
        BusyPollFetcher f = (BusyPollFetcher) fetcher();
        long before = f.pollPasses();
        Thread.sleep(200);
        assertThat(f.pollPasses()).isEqualTo(before);
    }

    @Test
    void aTrickleBelowTheMinimumRateFailsAsTooSlow() throws Exception {
        server.route("/trickle", Responders.trickle(50));
        Fetcher f = fetcher(settings().withMinTransferRate(1000, java.time.Duration.ofMillis(300)));
        FetchResult.Failure fail = failure(get(f, server.uri("/trickle")), FetchError.TOO_SLOW);
        assertThat(fail.message()).contains("minimum transfer rate");
    }
}
