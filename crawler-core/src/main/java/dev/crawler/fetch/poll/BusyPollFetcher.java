package dev.crawler.fetch.poll;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchProgress;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.connect.SettingsFetcher;
import dev.crawler.fetch.connect.ConnectionPlanner;
import dev.crawler.fetch.connect.IdlePool;
import dev.crawler.fetch.http.FetchException;
import dev.crawler.fetch.http.Messages;
import dev.crawler.fetch.http.RequestHead;
import dev.crawler.fetch.http.RequestTarget;
import dev.crawler.fetch.http.Stopwatch;
import dev.crawler.net.BlockingResolver;
import dev.crawler.net.NameLookup;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The {@code busy-poll} fetcher: non-blocking sockets checked in a loop with no selector, the model
 * between blocking I/O and an event loop. One thread runs the {@link BusyPoller}: it keeps every
 * request's {@link java.nio.channels.SocketChannel} in non-blocking mode and asks each in turn,
 * over and over, whether it can connect, write or read. No thread waits on a socket, so many
 * requests are in flight at once, but the polling thread burns a whole core even while every
 * server is still thinking. It exists to be measured against the others ({@code crawler bench}).
 *
 * <p>The HTTP semantics and limits are those of the other fetchers (same request head, keep-alive
 * pool, framing, gzip and deflate, timeouts, address policy); it speaks plain {@code http} only:
 * an {@code https} URL fails with {@link FetchError#UNSUPPORTED_SCHEME}, and it goes through no proxy. Names that are neither
 * {@code --resolve} overrides nor IP literals are looked up on a helper thread, so that neither
 * the caller nor the polling loop blocks; the polling thread then routes the request (time left,
 * address policy) with its {@link ConnectionPlanner}. Futures complete on the polling thread.
 */
public final class BusyPollFetcher extends SettingsFetcher {

    private final BlockingResolver resolver;
    private final BusyPoller poller;
    private final ExecutorService lookups;
    private volatile boolean closed;

    /** A fetcher with its polling thread started. */
    public BusyPollFetcher(FetchSettings settings) {
        this(settings, NameLookup.system());
    }

    BusyPollFetcher(FetchSettings settings, NameLookup lookup) {
        super(RequestHead.requireValid(Objects.requireNonNull(settings, "settings")));
        if (settings.proxy().any()) {
            throw new IllegalArgumentException("the busy-poll fetcher does not go through proxies (it exists to be"
                    + " measured on the simulated web); use the async mode or a blocking one with a proxy");
        }
        this.resolver = new BlockingResolver(settings.overrides(), lookup);
        this.poller = new BusyPoller(settings, IdlePool.DEFAULT_IDLE_TIMEOUT, IdlePool.DEFAULT_MAX_IDLE_PER_KEY);
        this.lookups = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("busy-poll-dns").daemon().factory());
        poller.start(Thread.ofPlatform().name("busy-poll").daemon());
    }

    @Override
    protected CompletableFuture<FetchResult> fetch(URI uri, FetchSettings limits, FetchProgress progress) {
        Stopwatch watch = Stopwatch.start();
        RequestTarget target;
        try {
            target = RequestTarget.of(uri);
        } catch (FetchException e) {
            return CompletableFuture.completedFuture(watch.failure(uri, e.error(), e.getMessage()));
        }
        PollExchange exchange = new PollExchange(uri, target, limits, watch, progress);
        if (closed) {
            exchange.fail(FetchError.CANCELLED, Messages.fetcherClosed());
        } else if (target.secure()) {
            exchange.fail(FetchError.UNSUPPORTED_SCHEME, "the busy-poll fetcher speaks plain http only;"
                    + " use another mode for https");
        } else if (resolvesAtOnce(target.host())) {
            resolved(exchange);
        } else {
            try {
                lookups.execute(new Lookup(exchange));
            } catch (RejectedExecutionException e) {
                exchange.fail(FetchError.CANCELLED, Messages.fetcherClosed());
            }
        }
        return exchange.result();
    }

    /** An override or an IP literal: known without a lookup, so resolving it blocks nothing. */
    private boolean resolvesAtOnce(String host) {
        return settings.overrides().known(host).isPresent();
    }

    /** A lookup waiting for the helper thread; a named type so that close can fail the ones left. */
    private final class Lookup implements Runnable {
        private final PollExchange exchange;

        Lookup(PollExchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public void run() {
            resolved(exchange);
        }
    }

    /** Resolves the exchange's host and hands it to the polling loop, which routes it. */
    private void resolved(PollExchange exchange) {
        String host = exchange.target().host();
        InetAddress address;
        try {
            address = resolver.resolve(host);
        } catch (UnknownHostException e) {
            FetchException unresolved = ConnectionPlanner.unresolved(host, e);
            exchange.fail(unresolved.error(), unresolved.getMessage());
            return;
        }
        poller.submit(exchange, address);
    }

    /** {@code busy-poll}. */
    @Override
    public String describe() {
        return "busy-poll";
    }

    /** Stops the polling loop and the lookup thread; requests under way fail with CANCELLED. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        poller.close();
        for (Runnable left : lookups.shutdownNow()) {
            if (left instanceof Lookup lookup) {
                lookup.exchange.cancel();
            }
        }
        try {
            lookups.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Passes the polling loop has made over the requests in flight (for tests and reports). */
    long pollPasses() {
        return poller.passes();
    }
}
