package dev.crawler.fetch.connect;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.http.FetchException;
import dev.crawler.fetch.http.Messages;
import dev.crawler.fetch.http.RequestTarget;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * How a request gets its connection, decided in one place for every engine, which only does the
 * I/O it is told to:
 * <ol>
 *   <li>{@linkplain #route once the host resolved}: a request whose whole-response time ran out
 *       meanwhile fails with {@link FetchError#RESPONSE_TIMEOUT}, an address the
 *       {@linkplain FetchSettings#addressPolicy() address policy} refuses with
 *       {@link FetchError#ADDRESS_REFUSED}, before any connection is taken or opened; otherwise the
 *       request goes to a {@link ConnectionKey} (scheme, host, address, port, and the proxy the
 *       {@linkplain FetchSettings#proxy() settings} pick for it, if any). A lookup that failed
 *       is a {@link FetchError#DNS} failure ({@link #unresolved});</li>
 *   <li>{@linkplain #takeIdle a pooled connection}, the freshest idle one of that key, unless the
 *       origin is {@linkplain DistrustedOrigins distrusted}. The engine looks at it first: one the
 *       server closed is dropped and the next is looked at; one the server sent bytes on is closed
 *       and ends reuse of the origin. None fit: the engine opens a fresh connection;</li>
 *   <li>{@linkplain #mayKeepAlive what the request asks for}: keep-alive if the settings allow it
 *       and the origin is not distrusted, decided as the request goes out on its connection (so
 *       after the look above);</li>
 *   <li>if the connection breaks before any response byte, {@link DeadReuse} says whether the
 *       request goes once more, on a fresh connection (a reused one that died before the request
 *       reached the server), fails as {@link FetchError#STALE_CONNECTION}, or fails as it broke;</li>
 *   <li>{@linkplain #release afterwards}: the connection goes back to the pool if the exchange
 *       left it reusable, it is still open, its origin is still trusted and the planner is not
 *       closed; otherwise, and for connections pushed out by the per-key cap, it is closed.</li>
 * </ol>
 * The planner holds the idle pool ({@link IdlePool}) and shares its {@link DistrustedOrigins}
 * with the fetcher's other planners. The pool is locked for bookkeeping only, never around a look
 * at a connection or a close, so one planner serves many worker threads as well as one event loop.
 *
 * @param <C> the engine's connection type
 */
public final class ConnectionPlanner<C> implements AutoCloseable {

    /** What the planner asks of an engine's connections. */
    public interface Connections<C> {

        /** What an idle connection shows just before it would carry a request; may look at the socket. */
        AfterResponse look(C connection);

        /** Whether the connection can still carry a request. */
        boolean isOpen(C connection);

        /** The connection is going into the pool for {@code key} (the engine may watch it there). */
        default void parking(ConnectionKey key, C connection) {
        }

        /** Closes the connection (it is not in the pool). */
        void close(C connection);

        /** Connections that can look at themselves, with nothing to do as they are parked. */
        public static <C> Connections<C> of(Function<C, AfterResponse> look, Predicate<C> isOpen, Consumer<C> close) {
            return new Connections<>() {
                @Override
                public AfterResponse look(C connection) {
                    return look.apply(connection);
                }

                @Override
                public boolean isOpen(C connection) {
                    return isOpen.test(connection);
                }

                @Override
                public void close(C connection) {
                    close.accept(connection);
                }
            };
        }
    }

    private final FetchSettings settings;
    private final Connections<C> connections;
    private final DistrustedOrigins distrusted;
    private final IdlePool<ConnectionKey, C> idle;
    private final LongSupplier clock;
    private boolean closed;

    /**
     * A planner for connections of one engine under {@code settings} (its address policy and
     * keep-alive), keeping at most {@code maxIdlePerKey} idle ones per key for {@code idleTimeout}.
     */
    public ConnectionPlanner(FetchSettings settings, Connections<C> connections, DistrustedOrigins distrusted,
            Duration idleTimeout, int maxIdlePerKey) {
        this(settings, connections, distrusted, idleTimeout, maxIdlePerKey, System::nanoTime);
    }

    /** The same with {@code clock} for {@link System#nanoTime()}, for tests. */
    ConnectionPlanner(FetchSettings settings, Connections<C> connections, DistrustedOrigins distrusted,
            Duration idleTimeout, int maxIdlePerKey, LongSupplier clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.distrusted = Objects.requireNonNull(distrusted, "distrusted");
        this.idle = new IdlePool<>(idleTimeout, maxIdlePerKey);
        this.clock = clock;
    }

    /** The failure of a request whose host {@code host} could not be resolved. */
    public static FetchException unresolved(String host, Throwable cause) {
        return new FetchException(FetchError.DNS, Messages.cannotResolve(host, Messages.rootMessage(cause)), cause);
    }

    /**
     * Where the request for {@code target}, its host resolved to {@code address}, goes; fails it if
     * its whole-response time ran out by {@code deadlineNanos} or the address is refused.
     */
    public ConnectionKey route(RequestTarget target, InetAddress address, long deadlineNanos) throws FetchException {
        if (clock.getAsLong() - deadlineNanos >= 0) {
            throw new FetchException(FetchError.RESPONSE_TIMEOUT, Messages.responseTimeout(settings));
        }
        Optional<String> refusal = settings.addressPolicy().refusal(address);
        if (refusal.isPresent()) {
            throw new FetchException(FetchError.ADDRESS_REFUSED, refusal.get());
        }
        return ConnectionKey.of(target, address, settings.proxy().forTarget(target.secure(), target.host()));
    }

    /**
     * An idle connection for {@code key} that looked fit, now the caller's; empty if the caller must
     * open a fresh one. Connections that looked closed are closed; one the server sent bytes on is
     * closed and its origin distrusted, and then no other is looked at.
     */
    public Optional<C> takeIdle(ConnectionKey key) {
        if (distrusted.distrusted(key)) {
            return Optional.empty();
        }
        while (true) {
            Optional<C> taken;
            synchronized (idle) {
                taken = idle.take(key, clock.getAsLong());
            }
            if (taken.isEmpty()) {
                return taken;
            }
            switch (connections.look(taken.get())) {
                case QUIET -> {
                    return taken;
                }
                case SURPLUS -> {
                    connections.close(taken.get());
                    distrust(key);
                    return Optional.empty();
                }
                case CLOSED -> connections.close(taken.get());
            }
        }
    }

    /** Whether a request to {@code key} may ask for keep-alive: on, and the origin not distrusted. */
    public boolean mayKeepAlive(ConnectionKey key) {
        return distrusted.mayKeepAlive(key, settings);
    }

    /**
     * The server at {@code key} was caught out of step with its requests: it is not trusted with
     * reuse any more, and its idle connections are closed.
     */
    public void distrust(ConnectionKey key) {
        distrusted.distrust(key);
        List<C> parked;
        synchronized (idle) {
            parked = idle.removeAll(key);
        }
        parked.forEach(connections::close);
    }

    /** The caller is done with {@code connection} to {@code key}: park it if {@code reusable} and fit, else close it. */
    public void release(ConnectionKey key, C connection, boolean reusable) {
        List<C> toClose = List.of(connection);
        if (reusable && connections.isOpen(connection) && !distrusted.distrusted(key)) {
            synchronized (idle) {
                if (!closed) {
                    connections.parking(key, connection);
                    toClose = idle.offer(key, connection, clock.getAsLong());
                }
            }
        }
        toClose.forEach(connections::close);
    }

    /** Forgets {@code connection}, which closed while idle. */
    public void forget(ConnectionKey key, C connection) {
        synchronized (idle) {
            idle.remove(key, connection);
        }
    }

    /** Closes the idle connections past the idle timeout. */
    public void evictExpired() {
        List<C> expired;
        synchronized (idle) {
            expired = idle.evictExpired(clock.getAsLong());
        }
        expired.forEach(connections::close);
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        synchronized (idle) {
            return closed;
        }
    }

    /** Closes every idle connection; from now on none is parked or handed out. */
    @Override
    public void close() {
        List<C> all;
        synchronized (idle) {
            closed = true;
            all = idle.drain();
        }
        all.forEach(connections::close);
    }
}
