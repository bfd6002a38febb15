package dev.crawler.frontier;

import java.util.ArrayDeque;

/**
 * One host's share of a {@link DurableFrontier}: the head of its queue on the heap ({@code ready}),
 * and counts of what the store holds for it. Requests with a sequence number below
 * {@code readFrom} are on the heap (ready, or handed out and not finished yet) or finished;
 * {@code onDisk} requests from {@code readFrom} on are only in the store, to be read back in order.
 * Owned by the frontier's owner thread.
 */
final class HostQueue {

    final String key;
    /** Requests ready to hand out, in order; null while there are none, to keep idle hosts small. */
    private ArrayDeque<QueueEntry> ready;
    /** Requests of this host in the store: queued, or handed out and not finished. */
    long stored;
    /** Queued requests not on the heap. */
    long onDisk;
    /** The sequence number from which requests are read back from the store. */
    long readFrom;
    /** A read from the store is under way. */
    boolean refilling;
    /** The host waits in the frontier's list of hosts to read back. */
    boolean waiting;
    /** Its count changed since the last batch. */
    boolean dirty;

    HostQueue(String key) {
        this.key = key;
    }

    int readySize() {
        return ready == null ? 0 : ready.size();
    }

    boolean hasReady() {
        return ready != null && !ready.isEmpty();
    }

    void addReady(QueueEntry e) {
        if (ready == null) {
            ready = new ArrayDeque<>(8);
        }
        ready.addLast(e);
    }

    void addReadyFirst(QueueEntry e) {
        if (ready == null) {
            ready = new ArrayDeque<>(8);
        }
        ready.addFirst(e);
    }

    QueueEntry pollReady() {
        QueueEntry e = ready.pollFirst();
        if (ready.isEmpty()) {
            ready = null;
        }
        return e;
    }

    /** Nothing of this host is left anywhere, so the frontier can forget it. */
    boolean isEmpty() {
        return stored == 0 && onDisk == 0 && !hasReady() && !refilling;
    }
}
