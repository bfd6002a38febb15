package dev.crawler.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The busy-poll fetcher's keep-alive connections, idle ones in an {@link IdlePool} by key. Used by
 * the polling thread alone, so nothing is locked. Expired idle connections are closed at most every
 * {@value #EVICT_EVERY_MILLIS} ms, not on every request.
 */
final class PollConnections implements AutoCloseable {

    private static final long EVICT_EVERY_MILLIS = 100;

    private final IdlePool<ConnectionKey, PollConnection> idle;
    private long nextEviction;

    PollConnections(Duration idleTimeout, int maxIdlePerKey) {
        this.idle = new IdlePool<>(idleTimeout, maxIdlePerKey);
    }

    /** An idle connection for {@code key}, now owned by the caller, if one is parked. */
    Optional<PollConnection> takeIdle(ConnectionKey key, long nowNanos) {
        evictExpired(nowNanos);
        return idle.take(key, nowNanos);
    }

    /** A new connection to {@code key}, connecting. */
    PollConnection open(ConnectionKey key) throws FetchException {
        return PollConnection.open(key);
    }

    /** The caller is done with {@code conn}: park it if {@code reusable}, else close it. */
    void release(PollConnection conn, boolean reusable, long nowNanos) {
        if (reusable && conn.isOpen()) {
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
