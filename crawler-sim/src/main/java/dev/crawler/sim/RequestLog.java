package dev.crawler.sim;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * An in-memory request log for tests: lock-free to record into (safe on event-loop threads),
 * snapshot to read.
 */
public final class RequestLog implements RequestSink {

    private final ConcurrentLinkedQueue<RequestRecord> records = new ConcurrentLinkedQueue<>();

    private RequestLog() {
    }

    /** A new, empty log. */
    public static RequestLog inMemory() {
        return new RequestLog();
    }

    @Override
    public void record(RequestRecord r) {
        records.add(r);
    }

    /** The records so far, in the order they were recorded. */
    public List<RequestRecord> records() {
        return List.copyOf(records);
    }

    public int size() {
        return records.size();
    }

    public void clear() {
        records.clear();
    }

    /**
     * Waits until at least {@code count} records are in (a client can see a response before the
     * server has recorded it) and returns the snapshot. Call from a test thread, never an event loop.
     */
    public List<RequestRecord> await(int count, Duration timeout) throws InterruptedException, TimeoutException {
        return awaitMatching(count, r -> true, timeout);
    }

    /** Waits until at least {@code count} records match {@code filter}; returns all records. */
    public List<RequestRecord> awaitMatching(int count, Predicate<RequestRecord> filter, Duration timeout)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<RequestRecord> snapshot = records();
            if (snapshot.stream().filter(filter).count() >= count) {
                return snapshot;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("expected " + count + " request records within " + timeout + ", have "
                        + snapshot.stream().filter(filter).count());
            }
            Thread.sleep(2);
        }
    }
}
