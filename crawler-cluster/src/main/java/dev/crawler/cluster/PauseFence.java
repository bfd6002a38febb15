package dev.crawler.cluster;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a node that stood still from fetching for hosts that may no longer be its own. A process
 * can be paused (a long collection, SIGSTOP, a suspended virtual machine) for longer than the
 * group's session timeout: the brokers then give its partitions to other nodes, which start on
 * their hosts once their takeover grace is over, while the paused node, resumed, still holds its
 * queues until its Kafka client hears that it was fenced, a heartbeat later. Meanwhile it would
 * fetch from hosts another node now fetches from.
 *
 * <p>So a thread of the fence's own ticks every {@link #TICK}; a tick later than {@link #PAUSE}
 * means the process stood still, and the node then fetches nothing for {@link #HOLD}, and until
 * the brokers have said which partitions are still its own (the {@code confirm} step: the node
 * lets the others go at once, without waiting for its Kafka client to hear of its fencing, which
 * may take longer than the hold; a failed confirmation is tried again every second). The engine's
 * thread asks {@link #holding} before it hands a request out: a tick overdue counts as a pause
 * already, since the engine may run before the fence's thread after a resume. A pause shorter
 * than the session timeout costs a hold and nothing else.
 */
final class PauseFence implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PauseFence.class);

    static final Duration TICK = Duration.ofMillis(100);
    /** A tick this late shows a pause: far beyond any scheduling delay or collection of the node's heap. */
    static final Duration PAUSE = Duration.ofSeconds(1);
    /** How long a node fetches nothing after a pause: enough for a heartbeat and its answer. */
    static final Duration HOLD = Duration.ofSeconds(3);
    private static final long PAUSE_NANOS = PAUSE.toNanos();

    private final LongSupplier clock;
    private final Runnable resumed;
    private final Supplier<CompletableFuture<?>> confirm;
    /** Whether the brokers confirmed this node's partitions since the last pause. */
    private volatile boolean confirmed = true;
    /** The pause a confirmation under way was asked for (its number), or -1 if none is under way. */
    private volatile long confirming = -1;
    private volatile long askAgainAt;
    private volatile long lastTick;
    private volatile long holdUntil;
    private volatile long pauses;
    private final AtomicBoolean held = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean closed;

    /** A fence with nothing to confirm after a pause: the hold alone. */
    PauseFence(LongSupplier clock, Runnable resumed) {
        this(clock, resumed, () -> CompletableFuture.completedFuture(null));
    }

    /**
     * @param clock nanoseconds, as {@link System#nanoTime()}
     * @param resumed run on the fence's thread when a hold ends (the node wakes its hosts)
     * @param confirm after a pause: asks the brokers which partitions are still this node's and
     *     lets the others go; the hold lasts until its future completes
     */
    PauseFence(LongSupplier clock, Runnable resumed, Supplier<CompletableFuture<?>> confirm) {
        this.clock = clock;
        this.resumed = resumed;
        this.confirm = confirm;
        this.lastTick = clock.getAsLong();
        this.thread = Thread.ofPlatform().daemon().name("pause-fence").unstarted(this::run);
    }

    /** Starts the fence's thread. */
    static PauseFence start(Runnable resumed, Supplier<CompletableFuture<?>> confirm) {
        PauseFence fence = new PauseFence(System::nanoTime, resumed, confirm);
        fence.thread.start();
        return fence;
    }

    /** Whether the node must not hand out requests now: it was paused, or may have been. */
    boolean holding() {
        long now = clock.getAsLong();
        boolean holding = now - lastTick > PAUSE_NANOS || now < holdUntil || !confirmed;
        if (holding) {
            held.set(true);
        }
        return holding;
    }

    /** Pauses seen so far. */
    long pauses() {
        return pauses;
    }

    /** One tick at {@code now}: starts a hold after a pause, and ends one that is over. */
    void tick(long now) {
        if (now - lastTick > PAUSE_NANOS) {
            log.warn("this process stood still for {} ms (a long collection, SIGSTOP, a suspended machine): it fetches"
                    + " and records nothing for {} ms, and until the brokers say which partitions are still its own",
                    (now - lastTick) / 1_000_000, HOLD.toMillis());
            pauses++;
            holdUntil = now + HOLD.toNanos();
            held.set(true);
            confirmed = false;
            ask();
        } else if (!confirmed && confirming < 0 && now >= askAgainAt) {
            ask();
        }
        lastTick = now;
        if (now >= holdUntil && confirmed && held.compareAndSet(true, false)) {
            resumed.run();
        }
    }

    /** Asks the brokers which partitions are still this node's, for the latest pause. */
    private void ask() {
        long pause = pauses;
        confirming = pause;
        CompletableFuture<?> asked;
        try {
            asked = confirm.get();
        } catch (RuntimeException e) {
            asked = CompletableFuture.failedFuture(e);
        }
        asked.whenComplete((v, e) -> {
            if (pauses != pause) {
                return; // stood still again meanwhile: that pause asks again
            }
            if (e != null) {
                log.warn("cannot confirm which partitions are still this node's ({}); asking again in a second",
                        e.toString());
                askAgainAt = clock.getAsLong() + TimeUnit.SECONDS.toNanos(1);
            } else {
                confirmed = true;
            }
            confirming = -1;
        });
    }

    private void run() {
        while (!closed) {
            try {
                Thread.sleep(TICK);
            } catch (InterruptedException e) {
                return;
            }
            tick(clock.getAsLong());
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
