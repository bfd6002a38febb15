package dev.crawler;

import dev.crawler.fetch.BlockingFetcher;
import dev.crawler.fetch.BusyPollFetcher;
import dev.crawler.fetch.Fetcher;
import dev.crawler.fetch.NettyFetcher;
import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ThreadPerTaskExecutor;
import java.util.concurrent.ThreadFactory;

/**
 * Builds the fetcher of a {@link FetchMode} and the coordinator thread that goes with it: in
 * async mode the coordinator is the fetcher's own event loop (one thread for the whole crawl);
 * in blocking modes and busy-poll it is a separate single thread, and the fetcher's threads only
 * fetch.
 */
final class FetcherFactory {

    private FetcherFactory() {
    }

    /** A fetcher, its coordinator, and how many requests it can really run at once. */
    record Wiring(Fetcher fetcher, EventExecutor coordinator, boolean ownsCoordinator, int parallelism) {
    }

    static Wiring create(CrawlConfig config) {
        return switch (config.mode()) {
            case ASYNC -> {
                NettyFetcher fetcher = new NettyFetcher(config.fetch(), config.transport());
                yield new Wiring(fetcher, fetcher.eventLoop(), false, config.concurrency());
            }
            case SYNC -> blocking(BlockingFetcher.sequential(config.fetch()), 1);
            case THREADS -> blocking(BlockingFetcher.threadPool(config.fetch(), config.threads()),
                    Math.min(config.threads(), config.concurrency()));
            case VIRTUAL -> blocking(BlockingFetcher.virtualThreads(config.fetch()), config.concurrency());
            case BUSY_POLL -> blocking(new BusyPollFetcher(config.fetch()), config.concurrency());
        };
    }

    private static Wiring blocking(Fetcher fetcher, int parallelism) {
        // A plain thread, not a Netty one: it coordinates blocking fetchers and is no I/O event loop.
        ThreadFactory plain = r -> {
            Thread t = new Thread(r, "crawl-coordinator");
            t.setDaemon(true);
            return t;
        };
        return new Wiring(fetcher, new DefaultEventLoop(new ThreadPerTaskExecutor(plain)), true, parallelism);
    }
}
