package dev.crawler.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The busy-poll fetcher's keep-alive connections, idle ones in an {@link IdlePool} by key. Used by
 * the polling thread alone, so nothing is locked. Expired idle connections are closed at most every
 * {@value #EVICT_EVERY_MILLIS} ms, not on every request. An idle connection the server sent bytes
 * on is closed, not reused, and so are all of that origin's afterwards ({@link DistrustedOrigins}).
 */
final class PollConnections implements AutoCloseable {

    private static final long EVICT_EVERY_MILLIS = 100;

    private final IdlePool<ConnectionKey, PollConnection> idle;
    private final DistrustedOrigins distrusted = new DistrustedOrigins();
    private long nextEviction;

    PollConnections(Duration idleTimeout, int maxIdlePerKey) {
        this.idle = new IdlePool<>(idleTimeout, maxIdlePerKey);
    }

    /**
     * An idle connection for {@code key}, now owned by the caller, if one is parked and quiet:
     * one the server closed is dropped, one it sent bytes on (they would be read as the next
     * response) is closed and ends reuse of the origin.
     */
    Optional<PollConnection> takeIdle(ConnectionKey key, long nowNanos) {
        evictExpired(nowNanos);
        if (distrusted.distrusted(key)) {
            return Optional.empty();
        }
        Optional<PollConnection> taken;
        while ((taken = idle.take(key, nowNanos)).isPresent()) {
            switch (taken.get().peek()) {
                case QUIET -> {
                    return taken;
                }
                case SURPLUS -> {
                    taken.get().close();
                    distrust(key);
                    return Optional.empty();
                }
                case CLOSED -> taken.get().close();
            }
        }
        return Optional.empty();
    }

    /** Whether a request to {@code key} may ask for keep-alive: on, and the origin not distrusted. */
    boolean mayKeepAlive(ConnectionKey key, FetchSettings settings) {
        return distrusted.mayKeepAlive(key, settings);
    }

    /**
     * The server at {@code key} was caught out of step with its requests: it is not trusted with
     * reuse any more, and its idle connections are closed.
     */
    void distrust(ConnectionKey key) {
        distrusted.distrust(key);
        idle.removeAll(key).forEach(PollConnection::close);
    }

    /** A new connection to {@code key}, connecting. */
    PollConnection open(ConnectionKey key) throws FetchException {
        return PollConnection.open(key);
    }

    /** The caller is done with {@code conn}: park it if {@code reusable}, else close it. */
    void release(PollConnection conn, boolean reusable, long nowNanos) {
        if (reusable && conn.isOpen() && !distrusted.distrusted(conn.key())) {
            idle.offer(conn.key(), conn, nowNanos).forEach(PollConnection::close);
        } else {
            conn.close();
        }
    }

    /** Closes idle connections past the idle timeout (at most every {@value #EVICT_EVERY_MILLIS} ms). */
    void evictExpired(long nowNanos) {
        if (nowNanos - nextEviction >= 0) {
            nextEviction = nowNanos + EVICT_EVERY_MILLIS * 1_000_000;
            List<PollConnection> expired = idle.evictExpired(nowNanos);
            expired.forEach(PollConnection::close);
        }
    }

    /** Closes every idle connection. */
    @Override
    public void close() {
        idle.drain().forEach(PollConnection::close);
    }
}
