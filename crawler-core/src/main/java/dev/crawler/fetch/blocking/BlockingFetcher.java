package dev.crawler.fetch.blocking;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchProgress;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.connect.SettingsFetcher;
import dev.crawler.fetch.connect.ClientTls;
import dev.crawler.fetch.connect.IdlePool;
import dev.crawler.fetch.http.Messages;
import dev.crawler.fetch.http.RequestHead;
import dev.crawler.fetch.http.Stopwatch;
import dev.crawler.net.BlockingResolver;
import dev.crawler.net.NameLookup;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocking fetchers ({@code sync}, {@code threads}, {@code virtual}): each request really
 * blocks one worker thread on a {@link java.net.Socket} from connect to the last body byte, with
 * the stream readers of {@link dev.crawler.fetch.http} (no hidden asynchronous client). The
 * semantics and limits are the async fetcher's: same request head, keep-alive pool per host,
 * Content-Length, chunked and read-until-close bodies, gzip, deflate and brotli with the decoded
 * size capped, connect, first-byte and whole-response timeouts, DNS then the address policy.
 *
 * <p>Futures complete on the worker thread that ran the request.
 */
public final class BlockingFetcher extends SettingsFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(BlockingFetcher.class);

    private final ExecutorService workers;
    private final String description;
    private final BlockingResolver resolver;
    private final SocketConnections connections;
    private final Map<CompletableFuture<FetchResult>, URI> pending = new ConcurrentHashMap<>();
    private volatile boolean closed;

    BlockingFetcher(FetchSettings settings, ExecutorService workers, String description, NameLookup lookup,
            ClientTls tls, Duration idleTimeout) {
        super(RequestHead.requireValid(Objects.requireNonNull(settings, "settings")).withProxiesResolved());
        this.workers = Objects.requireNonNull(workers, "workers");
        this.description = description;
        this.resolver = new BlockingResolver(settings.overrides(), lookup);
        this.connections = new SocketConnections(this.settings, tls, idleTimeout, IdlePool.DEFAULT_MAX_IDLE_PER_KEY);
    }

    /** {@code sync}: one platform thread; requests queue and run one at a time. */
    public static BlockingFetcher sequential(FetchSettings settings) {
        return new BlockingFetcher(settings, Executors.newSingleThreadExecutor(platformThreads("fetch-sync")),
                "sync", NameLookup.system(), ClientTls.of(settings),
                IdlePool.DEFAULT_IDLE_TIMEOUT);
    }

    /** {@code threads}: a fixed pool of {@code threads} platform threads. */
    public static BlockingFetcher threadPool(FetchSettings settings, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        return new BlockingFetcher(settings, Executors.newFixedThreadPool(threads, platformThreads("fetch-thread")),
                "threads/" + threads, NameLookup.system(), ClientTls.of(settings),
                IdlePool.DEFAULT_IDLE_TIMEOUT);
    }

    /** {@code virtual}: one virtual thread per request. */
    public static BlockingFetcher virtualThreads(FetchSettings settings) {
        ThreadFactory factory = Thread.ofVirtual().name("fetch-virtual-", 0).factory();
        return new BlockingFetcher(settings, Executors.newThreadPerTaskExecutor(factory), "virtual",
                NameLookup.system(), ClientTls.of(settings),
                IdlePool.DEFAULT_IDLE_TIMEOUT);
    }

    private static ThreadFactory platformThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    protected CompletableFuture<FetchResult> fetch(URI uri, FetchSettings settings, FetchProgress progress) {
        CompletableFuture<FetchResult> f = new CompletableFuture<>();
        if (closed) {
            f.complete(Stopwatch.start().failure(uri, FetchError.CANCELLED, Messages.fetcherClosed()));
            return f;
        }
        pending.put(f, uri);
        try {
            workers.execute(() -> run(uri, settings, progress, f));
        } catch (RejectedExecutionException e) {
            pending.remove(f);
            f.complete(Stopwatch.start().failure(uri, FetchError.CANCELLED, Messages.fetcherClosed()));
        }
        return f;
    }

    private void run(URI uri, FetchSettings settings, FetchProgress progress,
            CompletableFuture<FetchResult> f) {
        try {
            if (!f.isDone()) {
                f.complete(new BlockingExchange(uri, settings, resolver, connections, progress).run());
            }
        } catch (RuntimeException | Error e) {
            f.completeExceptionally(e);
        } finally {
            pending.remove(f);
        }
    }

    /** {@code sync}, {@code threads/N} or {@code virtual}. */
    @Override
    public String describe() {
        return description;
    }

    /**
     * Fails queued and running requests with CANCELLED, closes every connection (which breaks off
     * blocked reads) and stops the workers, waiting at most a few seconds.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending.forEach((f, uri) -> f.complete(
                Stopwatch.start().failure(uri, FetchError.CANCELLED, Messages.fetcherClosed())));
        workers.shutdownNow();
        connections.close();
        try {
            if (!workers.awaitTermination(3, TimeUnit.SECONDS)) {
                LOG.warn("workers of {} did not stop within 3 s", description);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
