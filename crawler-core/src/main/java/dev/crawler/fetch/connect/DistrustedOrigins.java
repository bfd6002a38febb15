package dev.crawler.fetch.connect;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.crawler.fetch.FetchSettings;

/**
 * Origins (connection keys) caught out of step with their requests: bytes beyond a complete
 * response on a reused keep-alive connection, or bytes sent on a connection that sat idle in the
 * pool. Such a server may answer a request with a response meant for another, so it is never
 * trusted with reuse again: every later request to it opens a fresh connection, asks for
 * {@code Connection: close}, and closes it after the one response, which is then the first bytes
 * after the request and so its answer.
 *
 * <p>One instance is shared by the connections of a fetcher (all of its event loops or worker
 * threads), so it is thread-safe. It is bounded, since a crawl may meet millions of hosts: past
 * its capacity the size-bounded cache behind it forgets origins by its W-TinyLFU policy, which
 * weighs how often a key was looked up as well as how recently, so the one forgotten is not
 * necessarily the least recently marked. An origin just marked enters the cache's admission window,
 * so it is remembered at least until later marks push it out; a forgotten one is caught again the
 * next time it misbehaves.
 *
 * <p>It also holds the rule every fetcher applies to a response that has just ended: whether it is
 * handed back at once or held for the {@linkplain FetchSettings#reuseSettle() settle window}.
 */
public final class DistrustedOrigins {

    /** Origins remembered at most; a forgotten one is caught again the next time it misbehaves. */
    static final long DEFAULT_CAPACITY = 100_000;

    private final Cache<ConnectionKey, Boolean> keys;

    public DistrustedOrigins() {
        this(DEFAULT_CAPACITY);
    }

    DistrustedOrigins(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        // maintenance runs on the calling thread: no pool thread, nothing handed off from an event loop
        this.keys = Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
    }

    /** Marks {@code key} as out of step; true if it was not marked yet. */
    boolean distrust(ConnectionKey key) {
        return keys.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }

    /** Whether connections to {@code key} must not be reused. */
    boolean distrusted(ConnectionKey key) {
        return keys.getIfPresent(key) != null;
    }

    /** Whether a request to {@code key} may ask for (and its connection go back to) keep-alive. */
    boolean mayKeepAlive(ConnectionKey key, FetchSettings settings) {
        return settings.keepAlive() && !distrusted(key);
    }

    /**
     * Whether a response that just ended whole, with nothing after it yet, must be held for the
     * settle window before it is handed back: on a reused connection (on a fresh one the response
     * is the first bytes after the request, so it answers it), whether or not the connection goes
     * back to the pool (a response on a connection that will close, or to an origin distrusted
     * meanwhile, may still be another request's), unless the window is zero.
     */
    public static boolean mustSettle(boolean reusedConnection, FetchSettings settings) {
        return reusedConnection && !settings.reuseSettle().isZero();
    }
}
