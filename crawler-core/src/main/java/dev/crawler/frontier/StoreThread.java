package dev.crawler.frontier;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that does a frontier's store I/O, tasks run in submission order. Submitting
 * never takes a lock or waits (a lock-free queue and an unpark), so the crawl's event loop can
 * hand work to it without blocking.
 */
final class StoreThread implements Executor {

    private static final Logger log = LoggerFactory.getLogger(StoreThread.class);

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean shutdown;

    StoreThread(String name) {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException("store thread is shut down");
        }
        tasks.add(task);
        LockSupport.unpark(thread);
    }

    /** Runs what was submitted, then ends; waits at most {@code timeoutMillis} for that. */
    boolean shutdownAndWait(long timeoutMillis) throws InterruptedException {
        shutdown = true;
        LockSupport.unpark(thread);
        TimeUnit.MILLISECONDS.timedJoin(thread, timeoutMillis);
        return !thread.isAlive();
    }

    boolean isCurrent() {
        return Thread.currentThread() == thread;
    }

    private void loop() {
        while (true) {
            Runnable task = tasks.poll();
            if (task != null) {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    log.error("frontier store task failed", e);
                }
            } else if (shutdown) {
                return;
            } else {
                LockSupport.park(this);
            }
        }
    }
}
