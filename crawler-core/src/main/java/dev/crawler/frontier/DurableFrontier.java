package dev.crawler.frontier;

import dev.crawler.url.Fingerprint;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A frontier whose queues and seen set live in a {@link FrontierStore} on disk, with only the
 * heads of some hosts' queues on the heap.
 *
 * <h2>Design</h2>
 *
 * <p>Everything the owner (the crawl's coordinator) calls runs on its thread and never waits for
 * I/O: decisions are made on the heap, and the store work they imply goes to one store thread.
 *
 * <ul>
 *   <li><b>Seen set.</b> 64-bit fingerprints in a {@link SeenSet} on the heap (at most 16 bytes a
 *       URL), each new one also written to the store, from which it is loaded again on resume.
 *   <li><b>Queues.</b> Every queued request is written to the store under its host and a
 *       crawl-wide sequence number. A host's first requests also stay on the heap, ready to
 *       poll, up to {@link Options#headSize} per host and {@link Options#readyBudget} over all
 *       hosts; the rest are only on disk. When a host's ready head runs low, it joins a FIFO of
 *       hosts to read back; the store thread reads their next requests in one task and hands
 *       them to the owner, which tells its listener ({@link #onReady}) about hosts that had
 *       nothing ready. So with 100,000 hosts the heap holds a bounded number of requests, and the
 *       scheduler only ever sees hosts that have something ready.
 *   <li><b>Batches and durability.</b> Changes collect in a pending {@link StoreBatch} and are
 *       written in order by the store thread (group commit: a batch is sealed once per turn of
 *       the owner's loop, or when large). {@link #finish} removes the request from the store and
 *       journals its record in the same batch as every URL offered before, and its future
 *       completes once that batch is written. The owner publishes the record only then, and
 *       calls {@link #published}, which drops the journal entry in a later batch. Batches are
 *       written strictly in order and none after one that failed, so after a crash the store
 *       holds a prefix of them: no URL a finished page led to is lost; a request handed out but
 *       not finished is still queued (fetched again); a journaled record missing from the index
 *       is published on resume, and one already there is not published twice.
 * </ul>
 */
public final class DurableFrontier implements Frontier {

    private static final Logger log = LoggerFactory.getLogger(DurableFrontier.class);
    /** Most hosts read back in one store task. */
    private static final int HOSTS_PER_REFILL = 1024;

    /**
     * How much of the frontier stays on the heap.
     *
     * @param headSize most requests of one host kept ready on the heap
     * @param readyBudget most requests kept ready over all hosts
     * @param flushBytes a pending batch this large is sealed at once, without waiting for the turn
     */
    public record Options(int headSize, int readyBudget, long flushBytes) {

        public Options {
            if (headSize < 1 || readyBudget < headSize || flushBytes < 1) {
                throw new IllegalArgumentException("need headSize >= 1, readyBudget >= headSize, flushBytes >= 1");
            }
        }

        public static Options defaults() {
            return new Options(32, 65_536, 4L << 20);
        }
    }

    private final FrontierStore store;
    /** How URLs become the seen set's fingerprints: as the store says, for the life of the crawl. */
    private final Fingerprint fingerprints;
    private final Executor owner;
    private final StoreThread storeThread;
    private final Options options;
    private final SeenSet seen;
    private final Map<String, HostQueue> hosts = new HashMap<>();
    private final ArrayDeque<HostQueue> waiting = new ArrayDeque<>();
    private final Map<String, QueueEntry> handedOut = new HashMap<>();
    private final List<HostQueue> dirty = new ArrayList<>();
    private final List<JournalEntry> recoveredJournal;
    private final AtomicLong backlogBytes = new AtomicLong();

    private long nextSequence;
    private long persistedSequence;
    private long queued;
    private long readyTotal;
    private StoreBatch pending = new StoreBatch();
    private List<CompletableFuture<Void>> pendingFutures = new ArrayList<>();
    private boolean flushScheduled;
    private boolean refilling;
    private boolean closed;
    private volatile IOException failure;
    private Consumer<String> readyListener = host -> {
    };
    private Consumer<Throwable> failureListener = e -> {
    };

    private DurableFrontier(FrontierStore store, Fingerprint fingerprints, Executor owner, Options options,
            SeenSet seen, List<JournalEntry> journal) {
        this.store = store;
        this.fingerprints = fingerprints;
        this.owner = owner;
        this.options = options;
        this.seen = seen;
        this.recoveredJournal = journal;
        this.storeThread = new StoreThread("frontier-store");
    }

    /**
     * Opens a frontier over {@code store}, loading what a previous run left: the seen set, the
     * hosts with queued requests (read back from disk as the crawl goes), and the journal (see
     * {@link #recoveredJournal()}). Blocks on the store: call it before the crawl starts, not on
     * an event loop.
     *
     * @param owner the executor of the thread that will call the frontier (the coordinator's)
     * @throws IOException if the store cannot be read
     */
    public static DurableFrontier open(FrontierStore store, Executor owner, Options options) throws IOException {
        long expected = store.estimatedSeen();
        SeenSet seen = new SeenSet(Math.max(4096, expected + expected / 8));
        store.forEachSeen(seen::add);
        Fingerprint fingerprints = store.fingerprintKey().map(Fingerprint::keyed).orElseGet(Fingerprint::sha256);
        DurableFrontier f = new DurableFrontier(store, fingerprints, owner, options, seen, List.copyOf(store.journal()));
        f.nextSequence = store.nextSequence();
        f.persistedSequence = f.nextSequence;
        store.forEachHost((host, count) -> f.recover(host, count));
        return f;
    }

    private void recover(String host, long count) {
        HostQueue q = new HostQueue(host);
        q.stored = count;
        q.onDisk = count;
        hosts.put(host, q);
        queued += count;
        q.waiting = true; // read back once the owner first calls: its listener is set by then
        waiting.addLast(q);
    }

    /** Records journaled by an earlier run and perhaps never published; drop each with {@link #forget}. */
    @Override
    public List<JournalEntry> recoveredJournal() {
        return recoveredJournal;
    }

    /** Drops a journal entry (its record was published, or found already published). */
    @Override
    public void forget(JournalEntry entry) {
        pending.unjournal(entry.fingerprint());
        scheduleFlush();
    }

    @Override
    public void onReady(Consumer<String> listener) {
        this.readyListener = listener;
    }

    @Override
    public void onFailure(Consumer<Throwable> listener) {
        this.failureListener = listener;
    }

    @Override
    public Offer offer(CrawlRequest request) {
        scheduleRefill();
        long fingerprint = fingerprints.of(request.url());
        if (!seen.add(fingerprint)) {
            return Offer.DUPLICATE;
        }
        pending.addSeen(fingerprint);
        HostQueue q = hosts.computeIfAbsent(request.hostKey(), HostQueue::new);
        QueueEntry entry = new QueueEntry(nextSequence++, request);
        pending.queue(entry);
        q.stored++;
        markDirty(q);
        queued++;
        boolean hadReady = q.hasReady();
        Offer result;
        if (q.onDisk == 0 && q.readySize() < options.headSize() && readyTotal < options.readyBudget()) {
            q.addReady(entry);
            q.readFrom = entry.sequence() + 1;
            readyTotal++;
            result = hadReady ? Offer.QUEUED : Offer.QUEUED_NEW_HOST;
        } else {
            q.onDisk++;
            if (!hadReady) {
                wait(q);
            }
            result = Offer.QUEUED;
        }
        afterChange();
        return result;
    }

    @Override
    public boolean seenAlready(String normalizedUrl) {
        return seen.contains(fingerprints.of(normalizedUrl));
    }

    @Override
    public boolean markSeen(String normalizedUrl) {
        long fingerprint = fingerprints.of(normalizedUrl);
        if (!seen.add(fingerprint)) {
            return false;
        }
        pending.addSeen(fingerprint);
        afterChange();
        return true;
    }

    @Override
    public Optional<CrawlRequest> poll(String hostKey) {
        scheduleRefill();
        HostQueue q = hosts.get(hostKey);
        if (q == null || !q.hasReady()) {
            return Optional.empty();
        }
        QueueEntry e = q.pollReady();
        readyTotal--;
        queued--;
        handedOut.put(e.request().url(), e);
        if (q.readySize() <= options.headSize() / 2 && q.onDisk > 0) {
            wait(q);
        }
        scheduleRefill();
        return Optional.of(e.request());
    }

    @Override
    public boolean loading() {
        // hosts waiting without a read under way wait for ready URLs to be handed out: not loading
        return refilling;
    }

    @Override
    public boolean requeue(CrawlRequest request) {
        QueueEntry e = handedOut.remove(request.url());
        if (e == null) {
            throw new IllegalStateException("not handed out: " + request.url());
        }
        HostQueue q = hosts.get(request.hostKey());
        boolean hadReady = q.hasReady();
        q.addReadyFirst(new QueueEntry(e.sequence(), request));
        readyTotal++;
        queued++;
        return !hadReady;
    }

    @Override
    public CompletableFuture<Void> finish(CrawlRequest request, byte[] record) {
        QueueEntry e = handedOut.remove(request.url());
        if (e == null) {
            throw new IllegalStateException("not handed out: " + request.url());
        }
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("frontier is closed"));
        }
        HostQueue q = hosts.get(request.hostKey());
        q.stored--;
        markDirty(q);
        pending.remove(e);
        if (record != null) {
            pending.journal(new JournalEntry(fingerprints.of(request.url()), record));
        }
        CompletableFuture<Void> durable = new CompletableFuture<>();
        pendingFutures.add(durable);
        scheduleFlush();
        return durable;
    }

    @Override
    public CompletableFuture<Void> record(String normalizedUrl, byte[] record) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("frontier is closed"));
        }
        pending.journal(new JournalEntry(fingerprints.of(normalizedUrl), record));
        CompletableFuture<Void> durable = new CompletableFuture<>();
        pendingFutures.add(durable);
        scheduleFlush();
        return durable;
    }

    @Override
    public void published(String normalizedUrl) {
        if (!closed) {
            pending.unjournal(fingerprints.of(normalizedUrl));
            afterChange();
        }
    }

    @Override
    public boolean hasQueued(String hostKey) {
        HostQueue q = hosts.get(hostKey);
        return q != null && q.hasReady();
    }

    @Override
    public long queued(String hostKey) {
        HostQueue q = hosts.get(hostKey);
        return q == null ? 0 : q.readySize() + q.onDisk;
    }

    @Override
    public long queued() {
        return queued;
    }

    @Override
    public long seen() {
        return seen.size();
    }

    /** Requests ready on the heap over all hosts. */
    public long readyOnHeap() {
        return readyTotal;
    }

    /** Hosts the frontier keeps state for (those with requests queued or handed out). */
    public int hostsOnHeap() {
        return hosts.size();
    }

    /** Bytes of the seen set's table. */
    public long seenSetBytes() {
        return seen.tableBytes();
    }

    /** Bytes of batches sealed but not yet written: what the store thread is behind by. Any thread. */
    public long backlogBytes() {
        return backlogBytes.get();
    }

    /** Bytes the store takes on disk. Blocks on the file system. */
    public long diskBytes() {
        return store.diskBytes();
    }

    /** The store's failure, if a write or read failed. Any thread. */
    public Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Writes what is pending and returns a future that completes once it is written. Call on the
     * owner's thread.
     */
    @Override
    public CompletableFuture<Void> checkpoint() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        pendingFutures.add(done);
        flushNow();
        return done;
    }

    /**
     * Writes what is pending, waits for the store thread and closes the store. Requests handed out
     * and not finished stay queued in the store, for the next run. Call when the owner's thread no
     * longer calls the frontier (it may have ended).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        flushNow();
        closed = true;
        try {
            if (!storeThread.shutdownAndWait(60_000)) {
                log.warn("the frontier store is still writing after 60 s; closing it anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            store.close();
        }
    }

    // ---- batches

    private void afterChange() {
        if (pending.approximateBytes() >= options.flushBytes()) {
            flushNow();
        } else {
            scheduleFlush();
        }
    }

    private void scheduleFlush() {
        if (flushScheduled || closed) {
            return;
        }
        flushScheduled = true;
        try {
            owner.execute(() -> {
                flushScheduled = false;
                flushNow();
            });
        } catch (RejectedExecutionException e) {
            flushScheduled = false; // the owner is shutting down; close() writes what is pending
        }
    }

    private void flushNow() {
        if (closed) {
            return;
        }
        for (HostQueue q : dirty) {
            q.dirty = false;
            pending.hostCount(q.key, q.stored);
            if (q.isEmpty() && !q.waiting) {
                hosts.remove(q.key);
            }
        }
        dirty.clear();
        if (nextSequence != persistedSequence) {
            pending.nextSequence(nextSequence);
            persistedSequence = nextSequence;
        }
        if (pending.isEmpty() && pendingFutures.isEmpty()) {
            return;
        }
        StoreBatch batch = pending;
        List<CompletableFuture<Void>> futures = pendingFutures;
        pending = new StoreBatch();
        pendingFutures = new ArrayList<>();
        long bytes = batch.approximateBytes();
        backlogBytes.addAndGet(bytes);
        storeThread.execute(() -> write(batch, futures, bytes));
    }

    /** On the store thread. */
    private void write(StoreBatch batch, List<CompletableFuture<Void>> futures, long bytes) {
        try {
            if (failure == null && !batch.isEmpty()) {
                store.write(batch);
            }
        } catch (IOException e) {
            failed(e);
        } finally {
            backlogBytes.addAndGet(-bytes);
        }
        IOException f = failure;
        for (CompletableFuture<Void> future : futures) {
            if (f == null) {
                future.complete(null);
            } else {
                future.completeExceptionally(f);
            }
        }
    }

    private void failed(IOException e) {
        if (failure == null) {
            failure = e;
            log.error("frontier store failed: {}", e.getMessage());
            tellOwner(() -> failureListener.accept(e));
        }
    }

    // ---- reading back from the store

    private void markDirty(HostQueue q) {
        if (!q.dirty) {
            q.dirty = true;
            dirty.add(q);
        }
    }

    private void wait(HostQueue q) {
        if (!q.waiting && !q.refilling) {
            q.waiting = true;
            waiting.addLast(q);
        }
        scheduleRefill();
    }

    private record Refill(HostQueue host, long from, int max) {
    }

    private void scheduleRefill() {
        if (refilling || waiting.isEmpty() || closed || failure != null) {
            return;
        }
        List<Refill> reads = new ArrayList<>();
        long free = options.readyBudget() - readyTotal;
        while (!waiting.isEmpty() && reads.size() < HOSTS_PER_REFILL && free > 0) {
            HostQueue q = waiting.pollFirst();
            q.waiting = false;
            int share = (int) Math.max(2, Math.min(options.headSize(), free / Math.max(1, waiting.size() + 1)));
            int n = (int) Math.min(Math.min(share, options.headSize() - q.readySize()), Math.min(q.onDisk, free));
            if (n <= 0) {
                continue;
            }
            q.refilling = true;
            readyTotal += n;
            free -= n;
            reads.add(new Refill(q, q.readFrom, n));
        }
        if (reads.isEmpty()) {
            return;
        }
        refilling = true;
        flushNow(); // the requests to read may still be in the pending batch
        storeThread.execute(() -> read(reads));
    }

    /** On the store thread. */
    private void read(List<Refill> reads) {
        List<List<QueueEntry>> results = new ArrayList<>(reads.size());
        try {
            for (Refill r : reads) {
                results.add(store.read(r.host().key, r.from(), r.max()));
            }
        } catch (IOException e) {
            failed(e);
            return;
        }
        tellOwner(() -> refilled(reads, results));
    }

    private void refilled(List<Refill> reads, List<List<QueueEntry>> results) {
        refilling = false;
        if (closed) {
            return;
        }
        List<String> nowReady = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            Refill r = reads.get(i);
            HostQueue q = r.host();
            List<QueueEntry> entries = results.get(i);
            q.refilling = false;
            readyTotal -= r.max();
            boolean hadReady = q.hasReady();
            for (QueueEntry e : entries) {
                q.addReady(e);
                q.readFrom = e.sequence() + 1;
            }
            readyTotal += entries.size();
            q.onDisk -= entries.size();
            if (entries.isEmpty() && q.onDisk > 0) {
                log.warn("the store holds no more requests of {} though {} were counted; going on without them",
                        q.key, q.onDisk);
                queued -= q.onDisk;
                q.onDisk = 0;
            }
            if (!hadReady && q.hasReady()) {
                nowReady.add(q.key);
            }
            if (q.readySize() <= options.headSize() / 2 && q.onDisk > 0) {
                wait(q);
            }
        }
        scheduleRefill();
        for (String host : nowReady) {
            readyListener.accept(host);
        }
    }

    private void tellOwner(Runnable task) {
        try {
            owner.execute(task);
        } catch (RejectedExecutionException e) {
            // the owner has stopped: nothing waits for this any more
        }
    }
}
