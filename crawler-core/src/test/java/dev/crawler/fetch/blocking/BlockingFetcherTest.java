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

    /**
     * The contract's factories every blocking mode shares: a lookup that knows no names (so the
     * test needs no DNS server at all), one that answers 127.0.0.1 late, and a trust store of the
     * test's own; {@link #virtual()} says on which threads they run.
     */
    abstract class BlockingContract extends FetcherContractTest {

        /** Whether the mode runs requests on virtual threads. */
        boolean virtual() {
            return false;
        }

        private Fetcher with(FetchSettings settings, NameLookup lookup, ClientTls tls) {
            return new BlockingFetcher(settings, virtual() ? Executors.newVirtualThreadPerTaskExecutor()
                    : Executors.newSingleThreadExecutor(), virtual() ? "virtual" : "sync", lookup, tls,
                    IdlePool.DEFAULT_IDLE_TIMEOUT);
        }

        @Override
        protected Fetcher newFetcherWithFailingDns(FetchSettings settings) {
            return with(settings, host -> {
                throw new UnknownHostException(host + ": no such host (test lookup)");
            }, ClientTls.jdkDefault());
        }

        @Override
        protected Fetcher newFetcherWithSlowDns(FetchSettings settings, Duration delay) {
            return with(settings, host -> loopbackAfter(delay), ClientTls.jdkDefault());
        }

        @Override
        protected Fetcher newFetcherTrusting(FetchSettings settings, TrustManagerFactory trust) {
            return with(settings, NameLookup.system(), ClientTls.trusting(trust));
        }
    }

    @Nested
    class Sequential extends BlockingContract {
        @Override
        protected Fetcher newFetcher(FetchSettings settings) {
            return BlockingFetcher.sequential(settings);
        }

        @Test
        void describesItself() {
            assertThat(fetcher().describe()).isEqualTo("sync");
        }
    }

    @Nested
    class VirtualThreads extends BlockingContract {
        @Override
        boolean virtual() {
            return true;
        }

        @Override
        protected Fetcher newFetcher(FetchSettings settings) {
            return BlockingFetcher.virtualThreads(settings);
        }

        @Test
        void describesItself() {
            assertThat(fetcher().describe()).isEqualTo("virtual");
        }
    }

    @Nested
    class ThreadPool extends BlockingContract {
        @Override
        protected Fetcher newFetcher(FetchSettings settings) {
            return BlockingFetcher.threadPool(settings, 4);
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
