package dev.crawler;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a crawl's liveness from its own thread, off the event loop: every period it asks the
 * coordinator, on the coordinator's thread, to {@linkplain CrawlCoordinator#audit audit} itself.
 * A violation (URLs queued, nothing under way, no wake-up set) is logged with the dump of what
 * waits, counted, and handed to {@code onViolation}; the audit has already pumped again.
 */
final class Watchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "crawl-watchdog");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param loop the coordinator's thread
     * @param audit the coordinator's audit: a dump when the crawl is stalled, else empty
     * @param onViolation what to do with a dump besides logging it
     */
    Watchdog(Executor loop, Supplier<Optional<String>> audit, Duration period, Consumer<String> onViolation) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                loop.execute(() -> audit.get().ifPresent(dump -> {
                    log.warn("liveness watchdog: {}", dump);
                    onViolation.accept(dump);
                }));
            } catch (RejectedExecutionException e) {
                // the loop is shutting down: the crawl is over
            }
        }, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
