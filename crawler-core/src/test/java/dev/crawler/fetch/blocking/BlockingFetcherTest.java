package dev.crawler.fetch.blocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.Fetcher;
import dev.crawler.fetch.FetcherContractTest;
import dev.crawler.fetch.connect.ClientTls;
import dev.crawler.fetch.connect.IdlePool;
import dev.crawler.fetch.netty.NettyFetcher;
import dev.crawler.net.NameLookup;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Executors;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The fetcher contract on the blocking fetchers: one thread, a pool, virtual threads. */
class BlockingFetcherTest {

    /** A lookup that knows no names, so the test needs no DNS server at all. */
    static Fetcher withFailingDns(FetchSettings settings) {
        return new BlockingFetcher(settings, Executors.newSingleThreadExecutor(), "sync",
                host -> {
                    throw new UnknownHostException(host + ": no such host (test lookup)");
                }, ClientTls.jdkDefault(), IdlePool.DEFAULT_IDLE_TIMEOUT);
    }

    /** A lookup that answers 127.0.0.1 for every name, {@code delay} after it was asked. */
    static Fetcher withSlowDns(FetchSettings settings, Duration delay) {
        return new BlockingFetcher(settings, Executors.newSingleThreadExecutor(), "sync",
                host -> FetcherContractTest.loopbackAfter(delay), ClientTls.jdkDefault(), IdlePool.DEFAULT_IDLE_TIMEOUT);
    }

    static Fetcher trusting(FetchSettings settings, TrustManagerFactory trust, boolean virtual) {
        return new BlockingFetcher(settings, virtual ? Executors.newVirtualThreadPerTaskExecutor()
                : Executors.newSingleThreadExecutor(), virtual ? "virtual" : "sync", NameLookup.system(),
                ClientTls.trusting(trust), IdlePool.DEFAULT_IDLE_TIMEOUT);
    }

    @Nested
    class Sequential extends FetcherContractTest {
        @Override
        protected Fetcher newFetcher(FetchSettings settings) {
            return BlockingFetcher.sequential(settings);
        }

        @Override
        protected Fetcher newFetcherWithFailingDns(FetchSettings settings) {
            return withFailingDns(settings);
        }

        @Override
        protected Fetcher newFetcherWithSlowDns(FetchSettings settings, Duration delay) {
            return withSlowDns(settings, delay);
        }

        @Override
        protected Fetcher newFetcherTrusting(FetchSettings settings, TrustManagerFactory trust) {
            return trusting(settings, trust, false);
        }

        @Test
        void describesItself() {
            assertThat(fetcher().describe()).isEqualTo("sync");
        }
    }

    @Nested
    class VirtualThreads extends FetcherContractTest {
        @Override
        protected Fetcher newFetcher(FetchSettings settings) {
            return BlockingFetcher.virtualThreads(settings);
        }

        @Override
        protected Fetcher newFetcherWithFailingDns(FetchSettings settings) {
            return withFailingDns(settings);
        }

        @Override
        protected Fetcher newFetcherWithSlowDns(FetchSettings settings, Duration delay) {
            return withSlowDns(settings, delay);
        }

        @Override
        protected Fetcher newFetcherTrusting(FetchSettings settings, TrustManagerFactory trust) {
            return trusting(settings, trust, true);
        }

        @Test
        void describesItself() {
            assertThat(fetcher().describe()).isEqualTo("virtual");
        }
    }

    @Nested
    class ThreadPool extends FetcherContractTest {
        @Override
        protected Fetcher newFetcher(FetchSettings settings) {
            return BlockingFetcher.threadPool(settings, 4);
        }

        @Override
        protected Fetcher newFetcherTrusting(FetchSettings settings, TrustManagerFactory trust) {
            return trusting(settings, trust, false);
        }

        @Override
        protected Fetcher newFetcherWithFailingDns(FetchSettings settings) {
            return withFailingDns(settings);
        }

        @Override
        protected Fetcher newFetcherWithSlowDns(FetchSettings settings, Duration delay) {
            return withSlowDns(settings, delay);
        }
    }

    @Test
    void userAgentWithALineBreakIsRefusedAtOnce() {
        FetchSettings s = FetcherContractTest.settings();
        FetchSettings bad = new FetchSettings("bot\r\nX-Injected: 1", s.connectTimeout(), s.firstByteTimeout(),
                s.responseTimeout(), s.maxBodyBytes(), s.maxHeaderBytes(), true, s.addressPolicy(), s.overrides());
        assertThatThrownBy(() -> BlockingFetcher.sequential(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("userAgent");
        assertThatThrownBy(() -> NettyFetcher.create(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("userAgent");
    }

    @Test
    void threadPoolDescribesItsSize() {
        try (BlockingFetcher f = BlockingFetcher.threadPool(FetcherContractTest.settings(), 4)) {
            assertThat(f.describe()).isEqualTo("threads/4");
        }
    }
}
