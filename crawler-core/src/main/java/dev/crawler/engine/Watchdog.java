package dev.crawler.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a crawl's liveness from its own thread, off the event loop: every period it asks the
 * coordinator, on the coordinator's thread, to {@linkplain CrawlCoordinator#audit audit} itself.
 * A violation (URLs queued, nothing under way, no wake-up set) is logged, from the watchdog's own
 * thread, with the dump of what waits, and handed to {@code onViolation} there; the audit has
 * already pumped again.
 *
 * <p>A coordinator's thread that refuses the audit while the crawl is not over has died (an error
 * such as {@link OutOfMemoryError} ended an event loop, which its executor only logs): nothing
 * would ever finish the crawl, so {@code onLoopGone} is called, once, on the watchdog's thread.
 *
 * <p>{@link #close} takes no lock and waits for nothing (a flag and an unpark), so the crawl's
 * event loop may call it as the crawl ends: a scheduled executor's shutdown takes the lock of its
 * queue, which its own thread may hold at that moment.
 */
final class Watchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    private final Executor loop;
    private final Supplier<Optional<String>> audit;
    private final Duration period;
    private final Consumer<String> onViolation;
    private final BooleanSupplier over;
    private final Runnable onLoopGone;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param loop the coordinator's thread
     * @param audit the coordinator's audit: a dump when the crawl is stalled, else empty
     * @param onViolation what to do with a dump besides logging it (called on the watchdog's thread)
     * @param over whether the crawl is over (its thread then may refuse work)
     * @param onLoopGone what to do when the thread refuses work before the crawl is over (called
     *     once, on the watchdog's thread)
     */
    Watchdog(Executor loop, Supplier<Optional<String>> audit, Duration period, Consumer<String> onViolation,
            BooleanSupplier over, Runnable onLoopGone) {
        this.loop = loop;
        this.audit = audit;
        this.period = period;
        this.onViolation = onViolation;
        this.over = over;
        this.onLoopGone = onLoopGone;
        this.thread = new Thread(this::run, "crawl-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    /** Checks every period (counted from the end of the last check) until closed or the loop is gone. */
    private void run() {
        long next = System.nanoTime() + period.toNanos();
        while (!closed) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                continue;
            }
            try {
                if (!check()) {
                    return;
                }
            } catch (RuntimeException | Error e) {
                // never let the checks end with one that failed (say, out of memory): it is the last check left
                log.error("liveness watchdog: the check failed; checking again in {} ms", period.toMillis(), e);
            }
            next = System.nanoTime() + period.toNanos();
        }
    }

    /** One check; false once the loop is found gone (nothing is checked after that). */
    private boolean check() {
        Optional<String> dump;
        try {
            // the audit runs on the loop; the dump is logged here, never on the loop
            dump = CompletableFuture.supplyAsync(audit, loop).get(period.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException | CancellationException e) {
            if (!over.getAsBoolean() && !closed) {
                log.error("liveness watchdog: the crawl's thread refuses work before the crawl is over: it died");
                onLoopGone.run();
                return false;
            }
            return true; // otherwise the loop is shutting down: the crawl is over
        } catch (TimeoutException e) {
            log.warn("liveness watchdog: the crawl's thread did not answer within {} ms", period.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException e) {
            log.error("liveness watchdog: the audit failed", e.getCause());
            return true;
        }
        dump.ifPresent(d -> {
            log.warn("liveness watchdog: {}", d);
            onViolation.accept(d);
        });
        return true;
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
