package dev.crawler.cli.progress;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One task run at a fixed rate on a daemon thread of its own, until closed. */
final class Repeating implements AutoCloseable {

    private final ScheduledExecutorService timer;

    private Repeating(String name) {
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code task} after {@code first}, then every {@code period}, on a thread named {@code name}. */
    static Repeating every(String name, Duration first, Duration period, Runnable task) {
        Repeating r = new Repeating(name);
        r.timer.scheduleAtFixedRate(task, first.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return r;
    }

    /** Stops the task, waiting up to a second for a run under way to end. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
