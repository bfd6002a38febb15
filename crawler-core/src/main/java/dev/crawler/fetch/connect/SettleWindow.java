package dev.crawler.fetch.connect;

import dev.crawler.fetch.FetchSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How long a response that ended whole on a reused keep-alive connection is held before it is
 * handed back (the settle window), for one connection. Confined to the thread that uses the
 * connection.
 *
 * <p>The hold exists for one case: bytes the server sent unasked for an earlier request arrive
 * after the next request went out, and are read as its response. That request's true answer then
 * follows, about as long after the request as this server takes to answer, and shows the mix-up.
 * So the window lasts until {@value #REPLY_FACTOR} times the slowest of the last {@value #RECENT}
 * replies on this connection has passed since the request was written (a reply: request written
 * to first response byte, the current one included, so an unasked response that arrived late is
 * held long; only recent ones, so one slow reply, say from a server still warming up, does not
 * set the hold for the rest of the connection's life), and at least
 * {@value #FLOOR_MILLIS} ms past the response's last byte; never longer than
 * {@link FetchSettings#reuseSettle()}, the most a user allows. A server that answers in a
 * millisecond is thus watched for a few, not for the full window of a far or slow one.
 */
public final class SettleWindow {

    /** How many times the slowest reply the true answer may take to show up. */
    static final int REPLY_FACTOR = 2;
    /** The least hold past a response's last byte, for scheduling jitter on either side. */
    static final long FLOOR_MILLIS = 2;
    private static final long FLOOR_NANOS = TimeUnit.MILLISECONDS.toNanos(FLOOR_MILLIS);

    /** How many of the latest replies the slowest is taken from. */
    static final int RECENT = 8;

    private final long[] recent = new long[RECENT];
    private int next;

    /** A response began {@code nanos} after its request was written on this connection. */
    public void replied(long nanos) {
        recent[next] = Math.max(0, nanos);
        next = (next + 1) % RECENT;
    }

    /** The slowest of the last {@value #RECENT} replies noted on this connection. */
    long slowestReplyNanos() {
        long slowest = 0;
        for (long r : recent) {
            slowest = Math.max(slowest, r);
        }
        return slowest;
    }

    /**
     * The hold, in nanoseconds from {@code endedAt}, for a response to the request written at
     * {@code sentAt} whose last byte came at {@code endedAt}; at most {@code cap}.
     */
    public long holdNanos(long sentAt, long endedAt, Duration cap) {
        long untilAnswered = sentAt + REPLY_FACTOR * slowestReplyNanos() - endedAt;
        return Math.min(Math.max(FLOOR_NANOS, untilAnswered), cap.toNanos());
    }
}
