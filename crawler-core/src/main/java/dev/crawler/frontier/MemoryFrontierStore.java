package dev.crawler.frontier;

import dev.crawler.url.Fingerprint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.function.ObjLongConsumer;

/**
 * A {@link FrontierStore} on the heap: the same tables as {@link RocksFrontierStore} in sorted
 * maps, gone when the process ends. For tests of the frontier's logic, and as the smallest
 * example of the store contract. Thread-safe (every method is synchronized).
 */
public final class MemoryFrontierStore implements FrontierStore {

    private final Map<String, TreeMap<Long, CrawlRequest>> queues = new HashMap<>();
    private final Map<String, Long> hosts = new LinkedHashMap<>();
    private final SeenSet seen = new SeenSet();
    private final List<Long> seenOrder = new ArrayList<>();
    private final Map<Long, byte[]> journal = new LinkedHashMap<>();
    private final byte[] fingerprintKey = Fingerprint.newKey();
    private long nextSequence;
    private long writes;

    /** An empty store, with a fingerprint key of its own. */
    public MemoryFrontierStore() {
    }

    @Override
    public Optional<byte[]> fingerprintKey() {
        return Optional.of(fingerprintKey.clone());
    }

    @Override
    public synchronized long nextSequence() {
        return nextSequence;
    }

    @Override
    public synchronized void forEachHost(ObjLongConsumer<String> action) {
        hosts.forEach(action::accept);
    }

    @Override
    public synchronized void forEachSeen(LongConsumer action) {
        seenOrder.forEach(action::accept);
    }

    @Override
    public synchronized long estimatedSeen() {
        return seen.size();
    }

    @Override
    public synchronized List<JournalEntry> journal() {
        List<JournalEntry> out = new ArrayList<>();
        journal.forEach((fp, record) -> out.add(new JournalEntry(fp, record)));
        return out;
    }

    @Override
    public synchronized List<QueueEntry> read(String hostKey, long fromSequence, int max) {
        List<QueueEntry> out = new ArrayList<>();
        TreeMap<Long, CrawlRequest> q = queues.get(hostKey);
        if (q != null) {
            for (Map.Entry<Long, CrawlRequest> e : q.tailMap(fromSequence, true).entrySet()) {
                if (out.size() == max) {
                    break;
                }
                out.add(new QueueEntry(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    @Override
    public synchronized void write(StoreBatch batch) throws IOException {
        for (QueueEntry e : batch.queued()) {
            queues.computeIfAbsent(e.hostKey(), k -> new TreeMap<>()).put(e.sequence(), e.request());
        }
        for (QueueEntry e : batch.removed()) {
            TreeMap<Long, CrawlRequest> q = queues.get(e.hostKey());
            if (q != null && q.remove(e.sequence()) != null && q.isEmpty()) {
                queues.remove(e.hostKey());
            }
        }
        for (int i = 0; i < batch.seenCount(); i++) {
            if (seen.add(batch.seenAt(i))) {
                seenOrder.add(batch.seenAt(i));
            }
        }
        batch.hostCounts().forEach((host, count) -> {
            if (count > 0) {
                hosts.put(host, count);
            } else {
                hosts.remove(host);
            }
        });
        batch.journalAdded().forEach(e -> journal.put(e.fingerprint(), e.record()));
        batch.journalRemoved().forEach(journal::remove);
        if (batch.nextSequence() >= 0) {
            nextSequence = batch.nextSequence();
        }
        writes++;
    }

    /** Queued requests over all hosts, as stored. */
    public synchronized long storedRequests() {
        return queues.values().stream().mapToLong(Map::size).sum();
    }

    /** Batches written so far. */
    public synchronized long writes() {
        return writes;
    }

    @Override
    public long diskBytes() {
        return 0;
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public void close() {
    }
}
