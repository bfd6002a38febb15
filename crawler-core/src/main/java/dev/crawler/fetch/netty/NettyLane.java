package dev.crawler.fetch.netty;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.connect.AfterResponse;
import dev.crawler.fetch.connect.ConnectionKey;
import dev.crawler.fetch.connect.ConnectionPlanner;
import dev.crawler.fetch.connect.DistrustedOrigins;
import dev.crawler.fetch.http.FetchException;
import dev.crawler.fetch.http.Messages;
import dev.crawler.net.AsyncResolver;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the async fetcher keeps for one event loop: its resolver, its
 * {@link ConnectionPlanner} (with the pool of idle keep-alive channels) and its exchanges in
 * flight. An exchange goes: resolve (overrides, literals, DNS), have the planner route it (time
 * left, address policy) and hand it an idle channel to the same scheme, host, address and port, or
 * else open one, send, and when done have the planner park the channel or close it.
 *
 * <p>An origin caught out of step with its requests (see {@link DistrustedOrigins}, shared by all
 * lanes) loses its idle connections at once, and from then on every request to it gets a fresh
 * connection that is closed after it.
 *
 * <p>All methods except construction run on {@link #loop()}, so nothing here is locked.
 */
final class NettyLane {

    private static final Logger LOG = LoggerFactory.getLogger(NettyLane.class);

    /**
     * Set while a channel sits in the idle pool: what to do if the server sends bytes on it then
     * (it is out of step with its requests). Cleared when the channel is taken for a request.
     */
    static final AttributeKey<Runnable> PARKED = AttributeKey.valueOf(NettyLane.class, "parked");

    private final EventLoop loop;
    private final FetchSettings settings;
    /** Set up off the loop; an https connection that finds it not ready yet waits for it without blocking. */
    private final CompletableFuture<SslContext> tls;
    private final Bootstrap bootstrap;
    private final AsyncResolver resolver;
    private final ConnectionPlanner<Channel> planner;
    private final Set<NettyExchange> active = new HashSet<>();
    /**
     * Exchanges whose connection only waits out its settle window before it goes back to the pool,
     * with no request waiting for it yet, by key, oldest first.
     */
    private final Map<ConnectionKey, ArrayDeque<NettyExchange>> settling = new HashMap<>();
    /**
     * Where the exchanges of this loop decode compressed bodies, a piece at a time, before
     * appending to their own bodies: shared, since a piece is consumed before the loop moves on
     * (one buffer per exchange would cost 16 KiB per request in flight).
     */
    private final byte[] decodeScratch = new byte[16 << 10];
    private final ScheduledFuture<?> evictor;
    private boolean closed;

    /** The decoding buffer of this loop's exchanges; only used on the loop, a piece at a time. */
    byte[] decodeScratch() {
        return decodeScratch;
    }

    NettyLane(EventLoop loop, Bootstrap bootstrap, AsyncResolver resolver, FetchSettings settings,
            CompletableFuture<SslContext> tls, Duration idleTimeout, int maxIdlePerHost, DistrustedOrigins distrusted) {
        this.loop = loop;
        this.settings = settings;
        this.tls = tls;
        this.bootstrap = bootstrap.clone().group(loop)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        settings.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .disableResolver();
        this.resolver = resolver;
        this.planner = new ConnectionPlanner<>(settings, new PooledChannels(), distrusted, idleTimeout, maxIdlePerHost);
        long every = Math.clamp(idleTimeout.toMillis() / 2, 100, 1000);
        this.evictor = loop.scheduleWithFixedDelay(planner::evictExpired, every, every, TimeUnit.MILLISECONDS);
    }

    EventLoop loop() {
        return loop;
    }

    /** Starts {@code ex}: resolution first. */
    void start(NettyExchange ex) {
        if (closed) {
            ex.fail(FetchError.CANCELLED, Messages.fetcherClosed());
            return;
        }
        active.add(ex);
        guarded(ex, () -> {
            ex.armResponseTimer(loop);
            Future<InetAddress> lookup = resolver.resolve(ex.target().host());
            lookup.addListener(f -> guarded(ex, () -> onResolved(ex, lookup)));
        });
    }

    /**
     * Runs a step of {@code ex}; an exception here is a bug, and it completes the future
     * exceptionally rather than leaving it pending forever.
     */
    private void guarded(NettyExchange ex, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.error("bug while fetching {}", ex.target().hostHeader(), e);
            ex.crash(e);
        }
    }

    private void onResolved(NettyExchange ex, Future<InetAddress> lookup) {
        if (ex.isDone()) {
            return;
        }
        try {
            if (!lookup.isSuccess()) {
                throw ConnectionPlanner.unresolved(ex.target().host(), lookup.cause());
            }
            ex.key(planner.route(ex.target(), lookup.getNow(), ex.deadline()));
        } catch (FetchException e) {
            ex.fail(e.error(), e.getMessage());
            return;
        }
        takeConnection(ex);
    }

    /**
     * Gives {@code ex}, routed, a connection: an idle one of its key, else one of its key that is
     * only settling (then {@code ex} waits for it, so a host never sees more connections than
     * requests given out for it), else a fresh one.
     */
    private void takeConnection(NettyExchange ex) {
        Optional<Channel> reusable = planner.takeIdle(ex.key());
        if (reusable.isPresent()) {
            ex.attach(reusable.get(), true);
            return;
        }
        NettyExchange settled = settlingFor(ex.key());
        if (settled != null) {
            settled.succeededBy(ex);
        } else {
            connect(ex);
        }
    }

    /** {@code ex} holds its response while its connection settles, to go back to the pool after. */
    void settling(NettyExchange ex) {
        settling.computeIfAbsent(ex.key(), k -> new ArrayDeque<>()).add(ex);
    }

    /**
     * An exchange of {@code key} settling with no request waiting for its connection yet, now
     * promised; null if none. Every exchange listed still settles: {@link #finished} unlists it.
     */
    private NettyExchange settlingFor(ConnectionKey key) {
        ArrayDeque<NettyExchange> waiting = settling.get(key);
        if (waiting == null) {
            return null;
        }
        NettyExchange found = waiting.poll();
        if (waiting.isEmpty()) {
            settling.remove(key);
        }
        return found;
    }

    /**
     * The lane's channels as the planner sees them: a parked one is watched for bytes sent on it
     * ({@link #PARKED}), which end reuse of its origin at once; taken back, it is fit if still active.
     */
    private final class PooledChannels implements ConnectionPlanner.Connections<Channel> {
        @Override
        public AfterResponse look(Channel ch) {
            ch.attr(PARKED).set(null);
            return ch.isActive() ? AfterResponse.QUIET : AfterResponse.CLOSED;
        }

        @Override
        public boolean isOpen(Channel ch) {
            return ch.isActive();
        }

        @Override
        public void parking(ConnectionKey key, Channel ch) {
            ch.attr(PARKED).set(() -> distrust(key));
        }

        @Override
        public void close(Channel ch) {
            shutdownAndClose(ch);
        }
    }

    private void connect(NettyExchange ex) {
        SslContext context = null;
        if (ex.target().secure()) {
            if (!tls.isDone()) {
                tls.whenComplete((ready, e) -> runOnLoop(() -> guarded(ex, () -> {
                    if (!ex.isDone()) {
                        connect(ex);
                    }
                })));
                return;
            }
            try {
                context = tls.join();
            } catch (CompletionException | CancellationException e) {
                ex.fail(FetchError.TLS, Messages.tlsUnavailable(e));
                return;
            }
        }
        ConnectionKey key = ex.key();
        // a tunnelling proxy's handler takes the target's address and connects to the proxy itself
        ChannelFuture connect = bootstrap.clone()
                .handler(new ClientInitializer(settings, context, ex.target(), key))
                .connect(key.tunnel().isPresent() ? key.tunnelTarget() : key.connectAddress());
        ex.connecting(connect);
        connect.addListener(f -> guarded(ex, () -> onConnected(ex, key, connect)));
    }

    /** Runs {@code step} on this lane's loop; once the loop is shut down, {@link #close} has failed every exchange. */
    private void runOnLoop(Runnable step) {
        try {
            loop.execute(step);
        } catch (RejectedExecutionException e) {
            // shut down: nothing is left to run it for
        }
    }

    private void onConnected(NettyExchange ex, ConnectionKey key, ChannelFuture connect) {
        Channel ch = connect.channel();
        if (ex.isDone()) {
            ch.close();
            return;
        }
        if (!connect.isSuccess() && key.via().isPresent()) {
            ex.fail(FetchError.PROXY, Messages.proxyUnreachable(key.via().get(), Messages.rootMessage(connect.cause())));
            return;
        }
        if (!connect.isSuccess()) {
            FetchError error = NettyErrors.classifyConnect(connect.cause());
            ex.fail(error, error == FetchError.CONNECT_TIMEOUT
                    ? Messages.connectTimeout(settings, key.socketAddress())
                    : Messages.cannotConnect(key.socketAddress(), Messages.rootMessage(connect.cause())));
            return;
        }
        ch.closeFuture().addListener(f -> planner.forget(key, ch));
        ex.attach(ch, false);
    }

    /** Tries {@code ex} once more on a fresh connection (its reused one was found dead). */
    void retry(NettyExchange ex) {
        Channel dead = ex.detachForRetry();
        if (dead != null) {
            dead.close();
        }
        connect(ex);
    }

    /** {@code ex} completed: park its connection if it may carry another request, else close it. */
    void finished(NettyExchange ex, Channel ch, boolean reusable) {
        active.remove(ex);
        ArrayDeque<NettyExchange> waiting = ex.key() == null ? null : settling.get(ex.key());
        if (waiting != null && waiting.remove(ex) && waiting.isEmpty()) {
            settling.remove(ex.key());
        }
        if (ch != null) {
            planner.release(ex.key(), ch, reusable);
        }
        NettyExchange next = ex.takeSuccessor();
        if (next != null && !next.isDone()) {
            // the pool now holds the connection it waited for, unless it closed or its origin fell from trust
            guarded(next, () -> takeConnection(next));
        }
    }

    /** Whether a request to {@code key} may ask for keep-alive: on, and the origin not distrusted. */
    boolean mayKeepAlive(ConnectionKey key) {
        return planner.mayKeepAlive(key);
    }

    /**
     * The server at {@code key} was caught out of step with its requests: it is not trusted with
     * reuse any more, and its idle connections are closed.
     */
    void distrust(ConnectionKey key) {
        planner.distrust(key);
    }

    /** Fails every exchange in flight with CANCELLED and closes every connection and the resolver. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        evictor.cancel(false);
        planner.close();
        for (NettyExchange ex : new ArrayList<>(active)) {
            ex.fail(FetchError.CANCELLED, Messages.fetcherClosed());
        }
        resolver.close();
    }

    /**
     * Shuts both directions of the socket down before closing it. With io_uring a receive still
     * pending in the kernel otherwise keeps the event loop from terminating until the peer closes;
     * shutdown(2) completes it at once.
     */
    static void shutdownAndClose(Channel ch) {
        if (ch instanceof DuplexChannel duplex && ch.isActive()) {
            duplex.shutdown().addListener(f -> ch.close());
        } else {
            ch.close();
        }
    }
}
