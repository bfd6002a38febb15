package dev.crawler.politeness;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The hosts that may start a request once their time has come, ordered by that time, and how many
 * of them wait on a back-off rather than on ordinary spacing ({@link HostState#waitsOnBackOff}).
 * A host's reason is taken when it joins and dropped when it leaves, so the count is right by
 * construction. Owned by {@link PolitenessScheduler}.
 */
final class WaitingHosts {

    private final PriorityQueue<HostState> queue = new PriorityQueue<>(
            Comparator.<HostState>comparingLong(h -> h.wakeAt).thenComparingLong(h -> h.order));
    private int backingOff;

    /** {@code h}, whose {@link HostState#wakeAt} is set, waits for it. */
    void add(HostState h) {
        h.backingOff = h.waitsOnBackOff();
        if (h.backingOff) {
            backingOff++;
        }
        queue.add(h);
    }

    /** Takes up a change in what {@code h}, waiting, waits on, its time unchanged. */
    void reconsider(HostState h) {
        boolean now = h.waitsOnBackOff();
        if (now != h.backingOff) {
            h.backingOff = now;
            backingOff += now ? 1 : -1;
        }
    }

    /** The host that may start first, if any waits; it stays. */
    HostState peek() {
        return queue.peek();
    }

    /** Takes out the host that may start first; null if none waits. */
    HostState poll() {
        HostState h = queue.poll();
        if (h != null) {
            left(h);
        }
        return h;
    }

    void remove(HostState h) {
        if (queue.remove(h)) {
            left(h);
        }
    }

    int size() {
        return queue.size();
    }

    /** The waiting hosts whose wait is a back-off. */
    int backingOff() {
        return backingOff;
    }

    private void left(HostState h) {
        if (h.backingOff) {
            h.backingOff = false;
            backingOff--;
        }
    }
}
