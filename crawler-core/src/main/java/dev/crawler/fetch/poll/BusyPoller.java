package dev.crawler.fetch.poll;

import dev.crawler.fetch.FetchSettings;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The loop of the busy-poll fetcher, on one thread: while any exchange is under way it asks every
 * one of them, in turn and without pause, whether its socket can make progress, with no selector
 * to say which can. It really spins: the thread stays on a core at 100% for as long as requests
 * are in flight, however long the server takes, which is the cost this model is shown for. Only
 * when nothing at all is under way does it park until work arrives, or briefly between passes
 * while every exchange under way has its response and only waits out its settle window (no
 * server is being waited for then, so spinning would measure nothing but take a core from them).
 */
final class BusyPoller implements Runnable {

    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** The pause between passes while every exchange under way only waits out its settle window. */
    private static final long SETTLE_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    /** A resolved exchange waiting to be started on the polling thread. */
    private record Start(PollExchange exchange, InetAddress address) {
    }

    private final Queue<Start> intake = new ConcurrentLinkedQueue<>();
    private final List<PollExchange> active = new ArrayList<>();
    private final PollConnections connections;
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(64 << 10);
    private volatile Thread thread;
    private volatile boolean closed;
    /** Passes over the exchanges in flight so far: grows without pause while any is waiting. */
    private volatile long passes;

    BusyPoller(FetchSettings settings, Duration idleTimeout, int maxIdlePerKey) {
        this.connections = new PollConnections(settings, idleTimeout, maxIdlePerKey);
    }

    /** Starts the polling thread. */
    void start(Thread.Builder threads) {
        thread = threads.start(this);
    }

    /** How many times the loop has asked every exchange in flight; any thread. */
    long passes() {
        return passes;
    }

    /** Hands a resolved exchange to the loop; any thread. */
    void submit(PollExchange exchange, InetAddress address) {
        intake.add(new Start(exchange, address));
        if (closed) {
            cancelWaiting();
        } else {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void run() {
        try {
            while (!closed) {
                long now = System.nanoTime();
                admit(now);
                if (active.isEmpty()) {
                    connections.evictExpired(now);
                    LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                    continue;
                }
                if (pass(now)) {
                    LockSupport.parkNanos(this, SETTLE_PARK_NANOS);
                }
                passes++;
            }
        } finally {
            active.forEach(PollExchange::cancel);
            active.clear();
            cancelWaiting();
            connections.close();
        }
    }

    private void admit(long now) {
        for (Start s; (s = intake.poll()) != null; ) {
            if (s.exchange().begin(s.address(), connections, now) == PollExchange.Step.CONTINUE) {
                active.add(s.exchange());
            }
        }
    }

    /**
     * Asks every exchange once; finished ones are removed (swapped with the last). True if some
     * are left and all of them are only settling.
     */
    private boolean pass(long now) {
        boolean onlySettling = true;
        for (int i = 0; i < active.size(); ) {
            PollExchange ex = active.get(i);
            if (ex.poll(scratch, connections, now) == PollExchange.Step.DONE) {
                int last = active.size() - 1;
                active.set(i, active.get(last));
                active.remove(last);
            } else {
                onlySettling &= ex.settling();
                i++;
            }
        }
        return onlySettling && !active.isEmpty();
    }

    private void cancelWaiting() {
        for (Start s; (s = intake.poll()) != null; ) {
            s.exchange().cancel();
        }
    }

    /** Stops the loop; exchanges under way or waiting fail with CANCELLED. Waits a few seconds for it. */
    void close() {
        closed = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(TimeUnit.SECONDS.toMillis(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        cancelWaiting();
    }
}
