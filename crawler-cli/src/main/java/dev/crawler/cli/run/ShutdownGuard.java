package dev.crawler.cli.run;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a graceful stop, and a second one into an immediate one.
 *
 * <p>The first signal runs the stop action (the crawl stops taking new work and lets what is in
 * flight finish within its grace period); the command then ends normally, with its summary. The
 * JVM does not start shutting down on that signal: the handlers replace the JVM's own. A second
 * signal halts the JVM at once, without running anything more: a crawl's state is written so that
 * it survives that (as it survives kill -9), so the crawl can still be resumed.
 *
 * <p>Other ways the JVM is asked to exit (SIGHUP, say) run a shutdown hook that calls the same
 * stop action and waits, for at most the grace period, until the command has finished
 * ({@link #close()}: summary printed, files flushed).
 */
public final class ShutdownGuard implements AutoCloseable {

    /** The exit status of a stop by signal, as shells report a process killed by SIGINT. */
    public static final int SIGNAL_EXIT = 130;
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final CountDownLatch finished = new CountDownLatch(1);
    private final PrintWriter err;
    private final Duration grace;
    private final Thread hook;
    private final String message;
    private final AtomicInteger signals = new AtomicInteger();
    private final List<Signal> handled = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private volatile Runnable onStop = () -> {
    };
    private volatile boolean stopping;

    private ShutdownGuard(PrintWriter err, Duration grace, String message) {
        this.err = err;
        this.grace = grace;
        this.message = message;
        this.hook = new Thread(this::stopFromHook, "shutdown");
    }

    /** Installs the guard for a crawl; what it stops is set with {@link #onStop(Runnable)}. */
    public static ShutdownGuard install(PrintWriter err, Duration grace) {
        return install(err, grace, "stopping: no new requests; waiting up to " + grace.toSeconds()
                + " s for those in flight and for the output to be written (Ctrl-C again stops at once;"
                + " the crawl can be resumed either way)");
    }

    /** Installs the guard; on a signal it prints {@code message} and runs the stop action. */
    public static ShutdownGuard install(PrintWriter err, Duration grace, String message) {
        ShutdownGuard g = new ShutdownGuard(err, grace, message);
        Runtime.getRuntime().addShutdownHook(g.hook);
        g.handleSignals();
        return g;
    }

    /** What to run when a stop is asked for, such as {@code crawler::stop}. */
    public void onStop(Runnable action) {
        this.onStop = action;
    }

    /** Whether a stop was requested by a signal. */
    public boolean stopping() {
        return stopping;
    }

    private void handleSignals() {
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                previous.add(Signal.handle(signal, this::signalled));
                handled.add(signal);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // not available here (the JVM was started with -Xrs, or no such signal): the hook remains
                LoggerFactory.getLogger(ShutdownGuard.class).debug("cannot handle SIG{}: {}", name, e.toString());
            }
        }
    }

    private void signalled(Signal signal) {
        if (signals.incrementAndGet() > 1) {
            err.println();
            err.println("crawler: stopping now (SIG" + signal.getName() + " again); run the same command to resume");
            err.flush();
            Runtime.getRuntime().halt(SIGNAL_EXIT);
        }
        requestStop();
    }

    private void requestStop() {
        stopping = true;
        err.println();
        err.println("crawler: " + message);
        err.flush();
        onStop.run();
    }

    private void stopFromHook() {
        if (!stopping) {
            requestStop();
        }
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
        for (int i = 0; i < handled.size(); i++) {
            try {
                Signal.handle(handled.get(i), previous.get(i));
            } catch (IllegalArgumentException e) {
                // leave it
            }
        }
    }
}
