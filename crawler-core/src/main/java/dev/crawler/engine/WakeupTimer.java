package dev.crawler.engine;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one timer that wakes the coordinator when the earliest waiting host becomes due. At most one
 * wake-up is pending; asking for an earlier one replaces it, asking for a later one keeps it (it
 * will ask again when it fires). A wake-up stops being pending the moment it starts to run, so
 * the action it runs can always arm the next one: the invariant "something is queued and nothing
 * is under way implies a wake-up is pending" cannot be broken by a timer that has already fired.
 * Not thread-safe: used on the coordinator's thread only.
 */
final class WakeupTimer {

    private final EventExecutor loop;
    private final Runnable action;
    private ScheduledFuture<?> pending;
    private long pendingAt;

    WakeupTimer(EventExecutor loop, Runnable action) {
        this.loop = loop;
        this.action = action;
    }

    /** Makes sure a wake-up runs at {@code at} (nanoTime) or earlier. */
    void wakeAt(long at, long now) {
        if (pending != null && pendingAt - at <= 0) {
            return;
        }
        cancel();
        pendingAt = at;
        pending = loop.schedule(this::fire, Math.max(0, at - now), TimeUnit.NANOSECONDS);
    }

    /** Whether a wake-up is set and has not started to run. */
    boolean isPending() {
        return pending != null;
    }

    void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void fire() {
        pending = null;
        action.run();
    }
}
