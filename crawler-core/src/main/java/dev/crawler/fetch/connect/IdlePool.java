package dev.crawler.fetch.connect;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Idle keep-alive connections, by key, waiting to carry another request. A connection is either
 * in use (owned by one exchange, not here) or idle here, so there is no pipelining. The freshest
 * idle connection is reused first; one idle longer than the idle timeout is evicted; past
 * {@code maxIdlePerKey} the oldest is evicted. Evicted connections are handed back to the caller
 * to close.
 *
 * <p>Time is passed in as {@code nowNanos}, so tests need no sleeping. Not thread-safe: the
 * {@link ConnectionPlanner} that holds it locks around every call.
 */
public final class IdlePool<K, C> {

    /** How long a connection may sit idle before it is closed. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_IDLE_PER_KEY = 8;

    private record Idle<C>(C connection, long since) {
    }

    private final long idleNanos;
    private final int maxIdlePerKey;
    private final Map<K, Deque<Idle<C>>> byKey = new HashMap<>();

    IdlePool(Duration idleTimeout, int maxIdlePerKey) {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || maxIdlePerKey < 1) {
            throw new IllegalArgumentException("idle timeout must be positive and maxIdlePerKey at least 1, were "
                    + idleTimeout + " and " + maxIdlePerKey);
        }
        this.idleNanos = idleTimeout.toNanos();
        this.maxIdlePerKey = maxIdlePerKey;
    }

    /** The most recently returned idle connection for {@code key} that has not expired. */
    Optional<C> take(K key, long nowNanos) {
        Deque<Idle<C>> idle = byKey.get(key);
        while (idle != null && !idle.isEmpty()) {
            Idle<C> last = idle.peekLast();
            if (nowNanos - last.since() >= idleNanos) {
                break; // the freshest has expired, so have all the others: leave them to evictExpired
            }
            idle.pollLast();
            dropIfEmpty(key, idle);
            return Optional.of(last.connection());
        }
        return Optional.empty();
    }

    /** Parks {@code connection} as idle; returns connections pushed out by the per-key cap. */
    List<C> offer(K key, C connection, long nowNanos) {
        Deque<Idle<C>> idle = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
        idle.addLast(new Idle<>(connection, nowNanos));
        List<C> out = new ArrayList<>();
        while (idle.size() > maxIdlePerKey) {
            out.add(idle.pollFirst().connection());
        }
        return out;
    }

    /** Forgets {@code connection} (it closed while idle); true if it was here. */
    boolean remove(K key, C connection) {
        Deque<Idle<C>> idle = byKey.get(key);
        if (idle == null) {
            return false;
        }
        boolean removed = idle.removeIf(i -> i.connection() == connection);
        dropIfEmpty(key, idle);
        return removed;
    }

    /** Removes and returns every idle connection for {@code key}. */
    List<C> removeAll(K key) {
        Deque<Idle<C>> idle = byKey.remove(key);
        List<C> out = new ArrayList<>();
        if (idle != null) {
            idle.forEach(i -> out.add(i.connection()));
        }
        return out;
    }

    /** Removes and returns every connection idle for longer than the idle timeout. */
    List<C> evictExpired(long nowNanos) {
        List<C> out = new ArrayList<>();
        for (Iterator<Map.Entry<K, Deque<Idle<C>>>> it = byKey.entrySet().iterator(); it.hasNext(); ) {
            Deque<Idle<C>> idle = it.next().getValue();
            while (!idle.isEmpty() && nowNanos - idle.peekFirst().since() >= idleNanos) {
                out.add(idle.pollFirst().connection());
            }
            if (idle.isEmpty()) {
                it.remove();
            }
        }
        return out;
    }

    /** Removes and returns every idle connection (on close). */
    List<C> drain() {
        List<C> out = new ArrayList<>();
        byKey.values().forEach(idle -> idle.forEach(i -> out.add(i.connection())));
        byKey.clear();
        return out;
    }

    int idleCount() {
        return byKey.values().stream().mapToInt(Deque::size).sum();
    }

    private void dropIfEmpty(K key, Deque<Idle<C>> idle) {
        if (idle.isEmpty()) {
            byKey.remove(key);
        }
    }
}
