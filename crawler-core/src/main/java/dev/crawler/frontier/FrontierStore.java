package dev.crawler.frontier;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.ObjLongConsumer;

/**
 * Where a {@link DurableFrontier} keeps its state: the queued requests of every host, the
 * fingerprints of every URL seen, how many requests each host has stored, the journal of
 * finished requests whose records are not yet published, and the next sequence number.
 *
 * <p>The model is a handful of key-value tables, all partitioned by host except the seen
 * fingerprints and the journal (keyed by fingerprint): {@link RocksFrontierStore} keeps them in
 * column families of one RocksDB database; a Kafka Streams based mode would keep each node's share
 * in its state stores (themselves RocksDB), with the batch written as the puts and deletes of one
 * processing step. {@link MemoryFrontierStore} keeps them on the heap, for tests.
 *
 * <p>Every method may block on I/O: the frontier calls them on its own store thread, never on the
 * crawl's event loop, and one at a time. A failed {@link #write} leaves the store as it was
 * before that batch, and the frontier writes nothing after it.
 */
public interface FrontierStore extends AutoCloseable {

    /** The next sequence number to hand out (0 for a new store). */
    long nextSequence() throws IOException;

    /** Calls {@code action} with each host that has requests stored, and how many. */
    void forEachHost(ObjLongConsumer<String> action) throws IOException;

    /**
     * The secret key this crawl's URL fingerprints are made with: {@value #FINGERPRINT_KEY_BYTES}
     * random bytes the store makes when it is created and keeps, unchanged, for its whole life
     * (each call returns a copy). A fingerprint a page could predict would let one site make
     * another's URL look seen; under a key it cannot. Empty, the default, for a store that keeps
     * no key, and for one created before keys: its fingerprints are then unkeyed SHA-256
     * prefixes, slower to compute.
     */
    default Optional<byte[]> fingerprintKey() throws IOException {
        return Optional.empty();
    }

    /** The length of a {@linkplain #fingerprintKey() fingerprint key}. */
    int FINGERPRINT_KEY_BYTES = 16;

    /** Calls {@code action} with each fingerprint seen. */
    void forEachSeen(LongConsumer action) throws IOException;

    /** About how many fingerprints are stored (to size the seen set before loading it). */
    long estimatedSeen() throws IOException;

    /** Records of finished requests that may not have been published. */
    List<JournalEntry> journal() throws IOException;

    /** Up to {@code max} requests of {@code hostKey} with sequence numbers from {@code fromSequence}, in order. */
    List<QueueEntry> read(String hostKey, long fromSequence, int max) throws IOException;

    /** Applies {@code batch} atomically and durably (a process crash right after loses none of it). */
    void write(StoreBatch batch) throws IOException;

    /** Bytes the store takes on disk (0 for one that keeps nothing on disk). */
    long diskBytes();

    /** A short description for logs, such as {@code rocksdb at /out/.crawl-state/frontier}. */
    String describe();

    @Override
    void close();
}
