package dev.crawler.engine;

import dev.crawler.fetch.FetchProgress;
import dev.crawler.politeness.PolitenessScheduler;
import io.netty.util.concurrent.EventExecutor;
import java.util.function.LongSupplier;

/**
 * A request's slot at its host, seen from the coordinator's thread: when the request was written
 * (the start the host's spacing counts from) and when it ended (the slot is free again).
 */
final class RequestSlots {

    private final EventExecutor loop;
    private final LongSupplier clock;
    private final EngineStats stats;

    RequestSlots(EventExecutor loop, LongSupplier clock, EngineStats stats) {
        this.loop = loop;
        this.clock = clock;
        this.stats = stats;
    }

    /** A request to a host starts: it counts as in flight until {@link #ended}. */
    void started() {
        stats.inFlight.incrementAndGet();
    }

    /**
     * Tells {@code start}, on the coordinator's thread, when its request was written: at once when
     * the fetcher writes on that thread (async mode), else through a task.
     */
    FetchProgress sentTo(PolitenessScheduler.Start start) {
        return at -> {
            if (loop.inEventLoop()) {
                start.sent(at);
            } else {
                loop.execute(() -> start.sent(at));
            }
        };
    }

    /** A request to a host ended: gives back its slot (counting it as sent now if it never was). */
    void ended(PolitenessScheduler.Start start) {
        start.finished(clock.getAsLong());
        stats.inFlight.decrementAndGet();
    }
}
