package dev.crawler.fetch.poll;

import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.connect.ConnectionKey;
import dev.crawler.fetch.connect.ConnectionPlanner;
import dev.crawler.fetch.connect.DistrustedOrigins;
import dev.crawler.fetch.http.FetchException;
import dev.crawler.fetch.http.RequestTarget;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * The busy-poll fetcher's keep-alive connections, routed and pooled by a {@link ConnectionPlanner}.
 * Used by the polling thread alone. Expired idle connections are closed at most every
 * {@value #EVICT_EVERY_MILLIS} ms, not on every request. An idle connection the server sent bytes
 * on is closed, not reused, and so are all of that origin's afterwards ({@link DistrustedOrigins}).
 */
final class PollConnections implements AutoCloseable {

    private static final long EVICT_EVERY_MILLIS = 100;

    private final ConnectionPlanner<PollConnection> planner;
    private long nextEviction;

    PollConnections(FetchSettings settings, Duration idleTimeout, int maxIdlePerKey) {
        // a look reads, without waiting, what came since the last read
        this.planner = new ConnectionPlanner<>(settings, ConnectionPlanner.Connections.of(
                PollConnection::peek, PollConnection::isOpen, PollConnection::close),
                new DistrustedOrigins(), idleTimeout, maxIdlePerKey);
    }

    /** Where a request for {@code target}, resolved to {@code address}, goes (see {@link ConnectionPlanner#route}). */
    ConnectionKey route(RequestTarget target, InetAddress address, long deadlineNanos) throws FetchException {
        return planner.route(target, address, deadlineNanos);
    }

    /**
     * An idle connection for {@code key}, now owned by the caller, if one is parked and quiet (see
     * {@link ConnectionPlanner#takeIdle}).
     */
    Optional<PollConnection> takeIdle(ConnectionKey key, long nowNanos) {
        evictExpired(nowNanos);
        return planner.takeIdle(key);
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

    /** A new connection to {@code key}, connecting. */
    PollConnection open(ConnectionKey key) throws FetchException {
        return PollConnection.open(key);
    }

    /** The caller is done with {@code conn}: park it if {@code reusable}, else close it. */
    void release(PollConnection conn, boolean reusable) {
        planner.release(conn.key(), conn, reusable);
    }

    /** Closes idle connections past the idle timeout (at most every {@value #EVICT_EVERY_MILLIS} ms). */
    void evictExpired(long nowNanos) {
        if (nowNanos - nextEviction >= 0) {
            nextEviction = nowNanos + EVICT_EVERY_MILLIS * 1_000_000;
            planner.evictExpired();
        }
    }

    /** Closes every idle connection. */
    @Override
    public void close() {
        planner.close();
    }
}
