package dev.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.sim.hostile.Responders;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * The fetcher contract on the busy-poll fetcher, plus what is its own: it speaks plain http only,
 * its polling thread really spins while a request is in flight, and its push parser copes with a
 * response that arrives one byte at a time.
 */
class BusyPollFetcherTest extends FetcherContractTest {

    @Override
    Fetcher newFetcher(FetchSettings settings) {
        return new BusyPollFetcher(settings);
    }

    @Override
    Fetcher newFetcherWithFailingDns(FetchSettings settings) {
        return new BusyPollFetcher(settings, host -> {
            throw new UnknownHostException(host + ": no such host (test lookup)");
        });
    }

    @Override
    Fetcher newFetcherWithSlowDns(FetchSettings settings, Duration delay) {
        return new BusyPollFetcher(settings, host -> {
            BlockingFetcherTest.sleep(delay);
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        });
    }

    @Override
    Fetcher newFetcherTrusting(FetchSettings settings, TrustManagerFactory trust) {
        return new BusyPollFetcher(settings);
    }

    /** Replaces the contract's https case: this fetcher has no TLS engine and says so. */
    @Override
    void httpsWithSniAndKeepAlive() throws Exception {
        FetchResult.Failure f = failure(get(fetcher(), URI.create("https://127.0.0.1:1/secure")),
                FetchError.UNSUPPORTED_SCHEME);
        assertThat(f.message()).contains("plain http only");
    }

    /** Replaces the contract's https case: refused before connecting. */
    @Override
    void httpsWithAnUntrustedCertificateFailsToConnect() throws Exception {
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

    @Test
    void blankLinesBeforeTheStatusLineAreLeftToTheHeadParser() throws Exception {
        PushResponseReader reader = new PushResponseReader(8 << 10, 1 << 20);
        String wire = "\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n";
        PushResponseReader.Progress p = reader.push(ByteBuffer.wrap(wire.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(p).isEqualTo(PushResponseReader.Progress.DONE);
        assertThat(reader.head().status()).isEqualTo(204);
    }

    @Test
    void aResponseArrivingOneByteAtATimeIsParsed() throws Exception {
        String wire = "HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n";
        PushResponseReader reader = new PushResponseReader(8 << 10, 1 << 20);
        PushResponseReader.Progress p = PushResponseReader.Progress.NEED_MORE;
        byte[] bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i++) {
            assertThat(p).as("done early, at byte %d", i).isEqualTo(PushResponseReader.Progress.NEED_MORE);
            p = reader.push(ByteBuffer.wrap(bytes, i, 1));
        }
        assertThat(p).isEqualTo(PushResponseReader.Progress.DONE);
        assertThat(reader.head().status()).isEqualTo(200);
        assertThat(new String(reader.rawBody(), StandardCharsets.ISO_8859_1)).isEqualTo("hello world");
        assertThat(reader.cleanEnd()).isTrue();
    }

    @Test
    void bytesAfterTheResponseMakeTheConnectionUnfitForReuse() throws Exception {
        PushResponseReader reader = new PushResponseReader(8 << 10, 1 << 20);
        String wire = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA";
        assertThat(reader.push(ByteBuffer.wrap(wire.getBytes(StandardCharsets.ISO_8859_1))))
                .isEqualTo(PushResponseReader.Progress.DONE);
        assertThat(new String(reader.rawBody(), StandardCharsets.ISO_8859_1)).isEqualTo("ok");
        assertThat(reader.cleanEnd()).isFalse();
    }

    @Test
    void aBodyPastTheRawLimitIsCut() throws Exception {
        PushResponseReader reader = new PushResponseReader(8 << 10, 4);
        String wire = "HTTP/1.1 200 OK\r\n\r\n0123456789";
        assertThat(reader.push(ByteBuffer.wrap(wire.getBytes(StandardCharsets.ISO_8859_1))))
                .isEqualTo(PushResponseReader.Progress.DONE);
        assertThat(reader.cut()).isTrue();
        assertThat(reader.rawBody()).hasSize(4);
        assertThat(reader.cleanEnd()).isFalse();
    }
}
