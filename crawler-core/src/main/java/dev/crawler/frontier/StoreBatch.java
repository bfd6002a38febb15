package dev.crawler.frontier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes to a {@link FrontierStore} that must become durable together: requests queued and
 * removed, fingerprints seen, per-host counts, journal records written and dropped, and the next
 * sequence number. Filled on the frontier owner's thread, then handed to the store's thread and
 * no longer touched by the owner.
 */
public final class StoreBatch {

    private final List<QueueEntry> queued = new ArrayList<>();
    private final List<QueueEntry> removed = new ArrayList<>();
    private long[] seen = new long[16];
    private int seenCount;
    private final Map<String, Long> hostCounts = new LinkedHashMap<>();
    private final List<JournalEntry> journalAdded = new ArrayList<>();
    private final List<Long> journalRemoved = new ArrayList<>();
    private long nextSequence = -1;
    private long bytes;

    /** Only the frontier fills batches; a store is handed them. */
    StoreBatch() {
    }

    /**
     * A batch that only adds and drops journal entries: for a frontier whose queues and seen set
     * live elsewhere (the cluster mode's, on Kafka), which keeps in the local store only the
     * records it is about to publish.
     */
    public static StoreBatch journalChanges(List<JournalEntry> added, List<Long> dropped) {
        StoreBatch b = new StoreBatch();
        added.forEach(b::journal);
        dropped.forEach(b::unjournal);
        return b;
    }

    void queue(QueueEntry entry) {
        queued.add(entry);
        bytes += 64 + entry.request().url().length();
    }

    void remove(QueueEntry entry) {
        removed.add(entry);
        bytes += 48;
    }

    void addSeen(long fingerprint) {
        if (seenCount == seen.length) {
            seen = java.util.Arrays.copyOf(seen, seen.length * 2);
        }
        seen[seenCount++] = fingerprint;
        bytes += 8;
    }

    void hostCount(String hostKey, long count) {
        hostCounts.put(hostKey, count);
    }

    void journal(JournalEntry entry) {
        journalAdded.add(entry);
        bytes += 16 + entry.record().length;
    }

    void unjournal(long fingerprint) {
        journalRemoved.add(fingerprint);
        bytes += 16;
    }

    void nextSequence(long value) {
        nextSequence = value;
    }

    /** Whether nothing would be written. */
    public boolean isEmpty() {
        return queued.isEmpty() && removed.isEmpty() && seenCount == 0 && hostCounts.isEmpty()
                && journalAdded.isEmpty() && journalRemoved.isEmpty();
    }

    /** A rough size of the batch on the heap, to bound what waits for the store. */
    public long approximateBytes() {
        return bytes;
    }

    public List<QueueEntry> queued() {
        return Collections.unmodifiableList(queued);
    }

    public List<QueueEntry> removed() {
        return Collections.unmodifiableList(removed);
    }

    public int seenCount() {
        return seenCount;
    }

    public long seenAt(int i) {
        return seen[i];
    }

    /** Hosts whose count of stored requests changed, with the new count (0: the host has none left). */
    public Map<String, Long> hostCounts() {
        return Collections.unmodifiableMap(hostCounts);
    }

    public List<JournalEntry> journalAdded() {
        return Collections.unmodifiableList(journalAdded);
    }

    public List<Long> journalRemoved() {
        return Collections.unmodifiableList(journalRemoved);
    }

    /** The next sequence number to persist, or -1 when it did not change. */
    public long nextSequence() {
        return nextSequence;
    }
}
