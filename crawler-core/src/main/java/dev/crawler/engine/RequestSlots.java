package dev.crawler.engine;

import dev.crawler.fetch.FetchProgress;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.RetryPolicy;
import dev.crawler.politeness.PolitenessScheduler;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;

/**
 * Requests' slots at their hosts, seen from the coordinator's thread: when a request was written
 * (the start the host's spacing counts from) and when its slot is free again.
 */
final class RequestSlots {

    private final EventExecutor loop;
    private final LongSupplier clock;
    private final EngineStats stats;
    private final Runnable freedEarly;

    /**
     * @param freedEarly run on the coordinator's thread when a slot comes free before its request
     *     ended (its connection only settles), so that the host's next request can go
     */
    RequestSlots(EventExecutor loop, LongSupplier clock, EngineStats stats, Runnable freedEarly) {
        this.loop = loop;
        this.clock = clock;
        this.stats = stats;
        this.freedEarly = freedEarly;
    }

    /**
     * A request to a host starts, holding the slot {@code start} took: it counts as in flight
     * until {@link Slot#ended}. The slot is what the fetcher is told of the request's progress.
     */
    Slot open(PolitenessScheduler.Start start) {
        stats.inFlight.incrementAndGet();
        return new Slot(start);
    }

    /**
     * Tells {@code start}, on the coordinator's thread, when its request was written: at once when
     * the fetcher writes on that thread (async mode), else through a task.
     */
    FetchProgress sentTo(PolitenessScheduler.Start start) {
        return at -> onLoop(() -> start.sent(at));
    }

    private void onLoop(Runnable step) {
        if (loop.inEventLoop()) {
            step.run();
        } else {
            loop.execute(step);
        }
    }

    /**
     * One request's slot at its host: given back when the fetcher says the server is done with
     * the request and its connection only settles ({@link #settling}), else when the request ends
     * ({@link #ended}); the request's {@link PolitenessScheduler.Start} keeps it to once.
     */
    final class Slot implements FetchProgress {
        private final PolitenessScheduler.Start start;

        private Slot(PolitenessScheduler.Start start) {
            this.start = start;
        }

        @Override
        public void sent(long at) {
            onLoop(() -> start.sent(at));
        }

        /**
         * The slot comes back now unless {@code response} is worth a retry (a 429, a 5xx): such an
         * answer may back the host off or widen its delay, which must hold before its next request
         * is given out, so its slot waits until the coordinator has taken the answer up.
         */
        @Override
        public void settling(FetchResult.Response response, long at) {
            if (RetryPolicy.retryable(response)) {
                return;
            }
            try {
                // always through a task: the fetcher is in the middle of its own step
                loop.execute(() -> {
                    start.answered(at);
                    freedEarly.run();
                });
            } catch (RejectedExecutionException e) {
                // the crawl is over: nothing waits for the slot
            }
        }

        /** The request ended: whatever it still holds at its host is given back now. */
        void ended() {
            start.finished(clock.getAsLong());
            stats.inFlight.decrementAndGet();
        }
    }
}
