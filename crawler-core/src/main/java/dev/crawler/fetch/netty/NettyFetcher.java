package dev.crawler.fetch.netty;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchProgress;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.connect.SettingsFetcher;
import dev.crawler.fetch.connect.ClientTls;
import dev.crawler.fetch.connect.DistrustedOrigins;
import dev.crawler.fetch.connect.IdlePool;
import dev.crawler.fetch.http.FetchException;
import dev.crawler.fetch.http.Messages;
import dev.crawler.fetch.http.RequestHead;
import dev.crawler.fetch.http.RequestTarget;
import dev.crawler.fetch.http.Stopwatch;
import dev.crawler.net.AsyncResolver;
import dev.crawler.net.DnsConfig;
import dev.crawler.net.IoTransport;
import dev.crawler.net.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code async} fetcher: non-blocking HTTP/1.1 GETs on a Netty event loop group (one thread
 * by default) with a selectable {@link Transport}. Each event loop is a {@link NettyLane} with its
 * own DNS resolver and keep-alive pool; a host always goes to the same lane, so its connections
 * are reused and all its state stays on one thread. Nothing on the event loop blocks: DNS is
 * Netty's asynchronous resolver, timeouts are scheduled tasks, bodies are capped as they arrive.
 *
 * <p>Futures complete on the event loop that ran the request; with one thread that is
 * {@link #eventLoop()}, where the crawler can run its coordinator too.
 */
public final class NettyFetcher extends SettingsFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(NettyFetcher.class);

    private final IoTransport transport;
    private final MultiThreadIoEventLoopGroup group;
    private final List<NettyLane> lanes = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A fetcher with one event loop on {@code transport} (NIO if that is missing here). */
    public NettyFetcher(FetchSettings settings, Transport transport) {
        this(builder(settings).transport(transport));
    }

    private NettyFetcher(Builder b) {
        super(b.settings);
        this.transport = IoTransport.select(b.transport);
        this.group = new MultiThreadIoEventLoopGroup(b.threads,
                new DefaultThreadFactory("fetch-" + transport.transport().label(), true), transport.ioHandlers());
        CompletableFuture<SslContext> tls = tlsInBackground(b);
        Bootstrap bootstrap = new Bootstrap().channelFactory(transport.sockets());
        DistrustedOrigins distrusted = new DistrustedOrigins();
        for (EventExecutor executor : group) {
            EventLoop loop = (EventLoop) executor;
            lanes.add(new NettyLane(loop, bootstrap, new AsyncResolver(loop, transport, settings.overrides(), b.dns),
                    settings, tls, b.idleTimeout, b.maxIdlePerHost, distrusted));
        }
        LOG.debug("async fetcher on {} with {} event loop(s)", transport.transport().label(), lanes.size());
    }

    /**
     * The TLS context, set up on a thread of its own: reading the JDK's trust store takes about
     * 0.1 s, which the first request need not wait for (nor any request of a crawl that meets no
     * https URL), and which must not run on an event loop (it reads files).
     */
    private static CompletableFuture<SslContext> tlsInBackground(Builder b) {
        return CompletableFuture.supplyAsync(() -> (b.tls == null ? ClientTls.of(b.settings) : b.tls).nettyContext(),
                task -> Thread.ofPlatform().daemon().name("fetch-tls-setup").start(task));
    }

    /** A fetcher with one event loop on the platform's default transport. */
    public static NettyFetcher create(FetchSettings settings) {
        return builder(settings).build();
    }

    public static Builder builder(FetchSettings settings) {
        return new Builder(settings);
    }

    @Override
    protected CompletableFuture<FetchResult> fetch(URI uri, FetchSettings settings, FetchProgress progress) {
        Stopwatch watch = Stopwatch.start();
        RequestTarget target;
        try {
            target = RequestTarget.of(uri);
        } catch (FetchException e) {
            return completeOnLoop(lanes.get(0), watch.failure(uri, e.error(), e.getMessage()));
        }
        NettyLane lane = laneFor(target.host());
        NettyExchange ex = new NettyExchange(uri, target, settings, watch, lane, progress);
        if (closed.get()) {
            ex.result().complete(watch.failure(uri, FetchError.CANCELLED, Messages.fetcherClosed()));
            return ex.result();
        }
        try {
            lane.loop().execute(() -> lane.start(ex));
        } catch (RejectedExecutionException e) {
            ex.result().complete(watch.failure(uri, FetchError.CANCELLED, Messages.fetcherClosed()));
        }
        return ex.result();
    }

    private static CompletableFuture<FetchResult> completeOnLoop(NettyLane lane, FetchResult r) {
        CompletableFuture<FetchResult> f = new CompletableFuture<>();
        try {
            lane.loop().execute(() -> f.complete(r));
        } catch (RejectedExecutionException e) {
            f.complete(r);
        }
        return f;
    }

    private NettyLane laneFor(String host) {
        return lanes.get(Math.floorMod(host.hashCode(), lanes.size()));
    }

    /** The (first) event loop; with one thread, every future completes on it. */
    public EventLoop eventLoop() {
        return lanes.get(0).loop();
    }

    /** {@link #eventLoop()} as an executor, for running the crawler's coordinator beside the I/O. */
    public Executor callbackExecutor() {
        return eventLoop();
    }

    /** The transport in use, after any fallback. */
    public Transport transport() {
        return transport.transport();
    }

    /** {@code async/epoll}, {@code async/nio}, ... naming the transport really in use. */
    @Override
    public String describe() {
        return "async/" + transport.transport().label();
    }

    /**
     * Fails requests in flight with CANCELLED, closes every connection, and shuts the event loops
     * down (short quiet period, waiting at most a few seconds; not waiting if called on one).
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean onLoop = false;
        for (NettyLane lane : lanes) {
            if (lane.loop().inEventLoop()) {
                onLoop = true;
                lane.close();
            } else {
                try {
                    lane.loop().submit(lane::close).awaitUninterruptibly(2, TimeUnit.SECONDS);
                } catch (RejectedExecutionException e) {
                    // already shutting down
                }
            }
        }
        var shutdown = group.shutdownGracefully(0, 2000, TimeUnit.MILLISECONDS);
        if (!onLoop && !shutdown.awaitUninterruptibly(5, TimeUnit.SECONDS)) {
            LOG.warn("event loops of {} did not stop within 5 s", describe());
        }
    }

    /** Options of the async fetcher; every one has a default. */
    public static final class Builder {
        private final FetchSettings settings;
        private Transport transport = Transport.defaultForPlatform();
        private int threads = 1;
        private DnsConfig dns = DnsConfig.system();
        private Duration idleTimeout = IdlePool.DEFAULT_IDLE_TIMEOUT;
        private int maxIdlePerHost = IdlePool.DEFAULT_MAX_IDLE_PER_KEY;
        private ClientTls tls;

        private Builder(FetchSettings settings) {
            this.settings = RequestHead.requireValid(Objects.requireNonNull(settings, "settings")).withProxiesResolved();
        }

        /** The I/O transport (default: epoll on Linux); falls back to NIO where missing. */
        public Builder transport(Transport t) {
            this.transport = Objects.requireNonNull(t, "transport");
            return this;
        }

        /** Number of event loop threads (default 1). */
        public Builder threads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + n);
            }
            this.threads = n;
            return this;
        }

        /** DNS servers and timeouts (default: the system's servers). */
        public Builder dns(DnsConfig config) {
            this.dns = Objects.requireNonNull(config, "dns");
            return this;
        }

        /** How long an idle keep-alive connection is kept (default 5 s). */
        public Builder idleTimeout(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive, was " + d);
            }
            this.idleTimeout = d;
            return this;
        }

        /** Most idle connections kept per scheme, host and port (default 8). */
        public Builder maxIdlePerHost(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxIdlePerHost must be at least 1, was " + n);
            }
            this.maxIdlePerHost = n;
            return this;
        }

        /** Trust exactly these certificates for https instead of the JDK's. */
        public Builder trust(TrustManagerFactory trustedCertificates) {
            this.tls = ClientTls.trusting(trustedCertificates);
            return this;
        }

        public NettyFetcher build() {
            return new NettyFetcher(this);
        }
    }
}
