package dev.crawler.fetch.http;

import dev.crawler.fetch.FetchSettings;
import java.util.Optional;

/**
 * The minimum transfer rate of one response, a guard against trickling servers that an idle
 * timeout never catches (one byte a second keeps any idle timer happy). Time is cut into windows
 * that start at the first response byte; at the end of each window at least
 * {@code minBytesPerSecond x window} bytes must have arrived in it, or the response is too slow.
 * A response that completes within its first window is never judged.
 *
 * <p>Pure bookkeeping: the caller passes the time in ({@link System#nanoTime()} units) and asks
 * {@link #check} when a window is due, so tests need no sleeping. Not thread-safe; each exchange
 * has its own.
 */
public final class TransferRate {

    private final long minBytesPerSecond;
    private final long windowNanos;
    private final long requiredPerWindow;
    private long windowStart;
    private long windowBytes;
    private boolean started;

    TransferRate(long minBytesPerSecond, long windowNanos) {
        this.minBytesPerSecond = minBytesPerSecond;
        this.windowNanos = windowNanos;
        this.requiredPerWindow = (long) Math.ceil(minBytesPerSecond * (windowNanos / 1e9));
    }

    public static TransferRate of(FetchSettings s) {
        return new TransferRate(s.minTransferRate(), s.transferRateWindow().toNanos());
    }

    /** Whether a rate is enforced at all. */
    public boolean enabled() {
        return minBytesPerSecond > 0;
    }

    /** Counts {@code n} bytes that arrived at {@code now}; the first ones open the first window. */
    public void received(long n, long now) {
        if (n <= 0) {
            return;
        }
        if (!started) {
            started = true;
            windowStart = now;
        }
        windowBytes += n;
    }

    /** Whether the first byte arrived, so windows are running. */
    public boolean started() {
        return started;
    }

    /** When the current window ends (meaningful once {@link #started()}). */
    public long windowEnd() {
        return windowStart + windowNanos;
    }

    /**
     * Judges every window that has ended by {@code now}: empty if the rate was kept (the next
     * window opens), otherwise why the response is too slow.
     */
    public Optional<String> check(long now) {
        if (!enabled() || !started) {
            return Optional.empty();
        }
        while (now - windowEnd() >= 0) {
            if (windowBytes < requiredPerWindow) {
                return Optional.of("response slower than the minimum transfer rate of " + minBytesPerSecond
                        + " bytes/s: " + windowBytes + " bytes in " + windowNanos / 1_000_000 + " ms");
            }
            windowStart += windowNanos;
            windowBytes = 0;
        }
        return Optional.empty();
    }
}
