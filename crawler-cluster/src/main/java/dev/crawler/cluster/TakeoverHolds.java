package dev.crawler.cluster;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The requests of partitions this node has just taken, held back for their takeover grace
 * ({@link ClusterFrontier.TakeoverGrace}): the grace starts at the adoption, ends early the
 * politeness delay after the last owner's {@link HandoverMarker}, and a request whose outcome
 * comes meanwhile (its last owner finished it) is dropped. Each adoption is numbered, so the timer
 * of an earlier adoption of the same partition ends nothing. Confined to the frontier's owner
 * thread; the timer's ends are handed to it.
 */
final class TakeoverHolds {

    private final ScheduledExecutorService timer;
    private final Consumer<Runnable> owner;
    private final Duration delay;
    private final BiConsumer<Integer, Long> ended;
    /** Partitions in their grace, each with the number of the adoption it began with. */
    private final Map<Integer, Long> inGrace = new HashMap<>();
    private long adoptions;
    private final Map<String, ArrayDeque<QueuedRequest>> held = new HashMap<>();
    private long heldTotal;

    /**
     * @param timer ends graces
     * @param owner runs a grace's end on the owner's thread
     * @param delay the politeness delay: how long after a handover marker the grace ends
     * @param ended told, on the owner's thread, that the grace of a partition's adoption (its
     *     number) has run out; it then calls {@link #over}
     */
    TakeoverHolds(ScheduledExecutorService timer, Consumer<Runnable> owner, Duration delay,
            BiConsumer<Integer, Long> ended) {
        this.timer = timer;
        this.owner = owner;
        this.delay = delay;
        this.ended = ended;
    }

    /** {@code partition} was taken; its requests are held back for {@code grace} (none if not positive). */
    void taken(int partition, Duration grace) {
        if (grace.isPositive()) {
            long adoption = ++adoptions;
            inGrace.put(partition, adoption);
            schedule(partition, adoption, grace.toNanos());
        }
    }

    /** The last owner of {@code partition} is done with it: the grace ends the politeness delay from now. */
    void handedOver(int partition) {
        Long adoption = inGrace.get(partition);
        if (adoption == null) {
            return;
        }
        if (delay.isPositive()) {
            schedule(partition, adoption, delay.toNanos());
        } else {
            ended.accept(partition, adoption);
        }
    }

    private void schedule(int partition, long adoption, long nanos) {
        try {
            timer.schedule(() -> owner.accept(() -> ended.accept(partition, adoption)), nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            inGrace.remove(partition); // the node is closing
        }
    }

    /** Whether {@code partition}'s requests are held back now. */
    boolean holding(int partition) {
        return inGrace.containsKey(partition);
    }

    /** Holds {@code q}, of a partition in its grace, back. */
    void hold(QueuedRequest q) {
        held.computeIfAbsent(q.request().hostKey(), h -> new ArrayDeque<>()).addLast(q);
        heldTotal++;
    }

    /** The request {@code sequence} of {@code hostKey} has its outcome: if held back, it is dropped. */
    void finished(String hostKey, long sequence) {
        ArrayDeque<QueuedRequest> queue = held.get(hostKey);
        if (queue != null && queue.removeIf(q -> q.sequence() == sequence)) {
            heldTotal--; // its last owner finished it during the grace: not fetched again
        }
    }

    /**
     * The grace of {@code partition}'s adoption number {@code adoption} is over, unless it was
     * released (and perhaps taken again) meanwhile: the held requests of its {@code hosts} go to
     * {@code release}, host by host.
     */
    void over(int partition, long adoption, Set<String> hosts, BiConsumer<String, ArrayDeque<QueuedRequest>> release) {
        if (!Long.valueOf(adoption).equals(inGrace.get(partition))) {
            return;
        }
        inGrace.remove(partition);
        for (String host : hosts) {
            ArrayDeque<QueuedRequest> queue = held.remove(host);
            if (queue != null && !queue.isEmpty()) {
                heldTotal -= queue.size();
                release.accept(host, queue);
            }
        }
    }

    /** {@code partition}, with {@code hosts}, was let go: its grace and what it held back are dropped. */
    void released(int partition, Set<String> hosts) {
        inGrace.remove(partition);
        for (String host : hosts) {
            ArrayDeque<QueuedRequest> queue = held.remove(host);
            if (queue != null) {
                heldTotal -= queue.size();
            }
        }
    }

    /** Requests held back, over all partitions. */
    long held() {
        return heldTotal;
    }
}
