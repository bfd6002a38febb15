package dev.crawler.engine;

import dev.crawler.CrawlConfig;
import dev.crawler.FetchMode;
import dev.crawler.fetch.Fetcher;
import dev.crawler.fetch.blocking.BlockingFetcher;
import dev.crawler.fetch.netty.NettyFetcher;
import dev.crawler.fetch.poll.BusyPollFetcher;
import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ThreadPerTaskExecutor;
import java.util.concurrent.ThreadFactory;

/**
 * Builds the fetcher of a {@link FetchMode} and the coordinator thread that goes with it. In
 * async mode with one event loop, the coordinator is that loop (one thread for the whole crawl);
 * with several loops, and in blocking modes and busy-poll, it is a separate single thread, and
 * the fetcher's threads only fetch. So the crawl's bookkeeping never competes with the reading
 * of sockets on an I/O thread once there is more than one.
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
                NettyFetcher fetcher = NettyFetcher.builder(config.fetch()).transport(config.transport())
                        .threads(config.eventLoops()).build();
                yield config.eventLoops() == 1
                        ? new Wiring(fetcher, fetcher.eventLoop(), false, config.concurrency())
                        : new Wiring(fetcher, coordinatorThread(), true, config.concurrency());
            }
            case SYNC -> blocking(BlockingFetcher.sequential(config.fetch()), 1);
            case THREADS -> blocking(BlockingFetcher.threadPool(config.fetch(), config.threads()),
                    Math.min(config.threads(), config.concurrency()));
            case VIRTUAL -> blocking(BlockingFetcher.virtualThreads(config.fetch()), config.concurrency());
            case BUSY_POLL -> blocking(new BusyPollFetcher(config.fetch()), config.concurrency());
        };
    }

    /** A fetcher the caller made, with a coordinator thread of its own. */
    static Wiring of(Fetcher fetcher, CrawlConfig config) {
        return blocking(fetcher, config.concurrency());
    }

    private static Wiring blocking(Fetcher fetcher, int parallelism) {
        return new Wiring(fetcher, coordinatorThread(), true, parallelism);
    }

    /** A plain thread, not a Netty I/O one: it runs the crawl's bookkeeping and does no I/O. */
    private static EventExecutor coordinatorThread() {
        ThreadFactory plain = r -> {
            Thread t = new Thread(r, "crawl-coordinator");
            t.setDaemon(true);
            return t;
        };
        return new DefaultEventLoop(new ThreadPerTaskExecutor(plain));
    }
}
