package dev.crawler.cli.run;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT, SIGTERM) into a graceful stop. The JVM runs shutdown hooks and then
 * exits, so the hook calls the stop action and then waits, for at most the grace period, until the
 * command says it has finished ({@link #close()}: summary printed, files flushed).
 */
public final class ShutdownGuard implements AutoCloseable {

    private final CountDownLatch finished = new CountDownLatch(1);
    private final PrintWriter err;
    private final Duration grace;
    private final Thread hook;
    private volatile Runnable onStop = () -> {
    };
    private volatile boolean stopping;

    private final String message;

    private ShutdownGuard(PrintWriter err, Duration grace, String message) {
        this.err = err;
        this.grace = grace;
        this.message = message;
        this.hook = new Thread(this::stop, "shutdown");
    }

    /** Installs the hook for a crawl; what it stops is set with {@link #onStop(Runnable)}. */
    public static ShutdownGuard install(PrintWriter err, Duration grace) {
        return install(err, grace, "stopping: no new requests; waiting up to " + grace.toSeconds()
                + " s for those in flight and for the output to be written");
    }

    /** Installs the hook; on a signal it prints {@code message}, runs the stop action and waits. */
    public static ShutdownGuard install(PrintWriter err, Duration grace, String message) {
        ShutdownGuard g = new ShutdownGuard(err, grace, message);
        Runtime.getRuntime().addShutdownHook(g.hook);
        return g;
    }

    /** What to run when the JVM is asked to stop, such as {@code crawler::stop}. */
    public void onStop(Runnable action) {
        this.onStop = action;
    }

    /** Whether a stop was requested by a signal. */
    public boolean stopping() {
        return stopping;
    }

    private void stop() {
        stopping = true;
        err.println();
        err.println("crawler: " + message);
        err.flush();
        onStop.run();
        try {
            finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command is done: a pending stop may let the JVM exit; no stop is watched for any more. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing to remove
        }
    }
}
