package dev.crawler.frontier;

import dev.crawler.url.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.ObjLongConsumer;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A {@link FrontierStore} in one RocksDB database, with a column family per table:
 *
 * <ul>
 *   <li>{@code queue}: {@code hostKey NUL sequence} (big-endian) to the encoded request, so one
 *       host's requests are adjacent and in order, and reading a host's next requests is one seek;
 *   <li>{@code hosts}: host key to its count of stored requests;
 *   <li>{@code seen}: 8-byte fingerprint to nothing;
 *   <li>{@code journal}: 8-byte fingerprint to the record of a finished, unpublished request;
 *   <li>{@code default}: {@code nextSequence}, and {@code fingerprintKey}, written when the
 *       store is created (a store created before keys has none, and keeps none).
 * </ul>
 *
 * <p>Batches go through RocksDB's write-ahead log without an fsync each: a batch that
 * {@link #write} returned from survives a crash of the process (kill -9), not necessarily one of
 * the operating system. Closing syncs the log. The memory RocksDB uses (memtables, block cache) is
 * native, not on the Java heap, and bounded by the options below.
 */
public final class RocksFrontierStore implements FrontierStore {

    private static final byte[] NEXT_SEQUENCE = "nextSequence".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FINGERPRINT_KEY = "fingerprintKey".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NOTHING = new byte[0];
    private static final long WRITE_BUFFER_BYTES = 16L << 20;
    private static final long BLOCK_CACHE_BYTES = 32L << 20;

    private final Path dir;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final RocksDB db;
    private final ColumnFamilyHandle meta;
    private final ColumnFamilyHandle queue;
    private final ColumnFamilyHandle hosts;
    private final ColumnFamilyHandle seen;
    private final ColumnFamilyHandle journal;
    private final WriteOptions writeOptions;
    /** This crawl's fingerprint key; null for a store created before keys. */
    private final byte[] fingerprintKey;
    private boolean closed;

    private RocksFrontierStore(Path dir) throws RocksDBException {
        this.dir = dir;
        LRUCache cache = keep(new LRUCache(BLOCK_CACHE_BYTES));
        DBOptions options = keep(new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setMaxBackgroundJobs(2)
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                .setKeepLogFileNum(2)
                .setMaxTotalWalSize(64L << 20));
        List<ColumnFamilyDescriptor> descriptors = List.of(
                new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, family(cache, CompressionType.NO_COMPRESSION)),
                new ColumnFamilyDescriptor(bytes("queue"), family(cache, CompressionType.LZ4_COMPRESSION)),
                new ColumnFamilyDescriptor(bytes("hosts"), family(cache, CompressionType.LZ4_COMPRESSION)),
                new ColumnFamilyDescriptor(bytes("seen"), family(cache, CompressionType.NO_COMPRESSION)),
                new ColumnFamilyDescriptor(bytes("journal"), family(cache, CompressionType.LZ4_COMPRESSION)));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        this.db = RocksDB.open(options, dir.toString(), descriptors, handles);
        resources.addAll(handles);
        this.meta = handles.get(0);
        this.queue = handles.get(1);
        this.hosts = handles.get(2);
        this.seen = handles.get(3);
        this.journal = handles.get(4);
        this.writeOptions = keep(new WriteOptions().setSync(false));
        try {
            this.fingerprintKey = fingerprintKeyOnOpen();
        } catch (RocksDBException | RuntimeException e) {
            close(); // let go of the database's lock
            throw e;
        }
    }

    /**
     * The key kept in the store; a new one, written durably, if the store is new (nothing was
     * ever written to it); none for a store that holds data but no key, made before keys.
     */
    private byte[] fingerprintKeyOnOpen() throws RocksDBException {
        byte[] kept = db.get(meta, FINGERPRINT_KEY);
        if (kept != null) {
            if (kept.length != FINGERPRINT_KEY_BYTES) {
                throw new RocksDBException("the fingerprint key is " + kept.length + " bytes long, not "
                        + FINGERPRINT_KEY_BYTES);
            }
            return kept;
        }
        if (!isNew()) {
            return null;
        }
        byte[] key = Fingerprint.newKey();
        try (WriteOptions sync = new WriteOptions().setSync(true)) {
            db.put(meta, sync, FINGERPRINT_KEY, key);
        }
        return key;
    }

    /** Whether nothing was ever written to the store. */
    private boolean isNew() throws RocksDBException {
        if (db.get(meta, NEXT_SEQUENCE) != null) {
            return false;
        }
        for (ColumnFamilyHandle table : List.of(queue, hosts, seen, journal)) {
            try (RocksIterator it = db.newIterator(table)) {
                it.seekToFirst();
                if (it.isValid()) {
                    return false;
                }
                it.status();
            }
        }
        return true;
    }

    @Override
    public Optional<byte[]> fingerprintKey() {
        return Optional.ofNullable(fingerprintKey).map(byte[]::clone);
    }

    /**
     * Opens (or creates) the store in {@code dir}.
     *
     * @throws IOException if the directory cannot be used: not writable, in use by another
     *     process, or not a frontier store
     */
    public static RocksFrontierStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        RocksLibrary.load();
        try {
            return new RocksFrontierStore(dir);
        } catch (RocksDBException e) {
            String reason = String.valueOf(e.getMessage());
            if (reason.contains("lock")) {
                throw new IOException("the crawl state in " + dir + " is in use by another crawler process ("
                        + reason + ")", e);
            }
            throw new IOException("cannot open the crawl state in " + dir + ": " + reason, e);
        }
    }

    @Override
    public long nextSequence() throws IOException {
        try {
            byte[] value = db.get(meta, NEXT_SEQUENCE);
            return value == null ? 0 : RequestCodec.longOf(value);
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    @Override
    public void forEachHost(ObjLongConsumer<String> action) throws IOException {
        try (RocksIterator it = db.newIterator(hosts)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                action.accept(new String(it.key(), StandardCharsets.UTF_8), RequestCodec.longOf(it.value()));
            }
            it.status();
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    @Override
    public void forEachSeen(LongConsumer action) throws IOException {
        try (RocksIterator it = db.newIterator(seen)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                action.accept(RequestCodec.longOf(it.key()));
            }
            it.status();
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    @Override
    public long estimatedSeen() throws IOException {
        try {
            return db.getLongProperty(seen, "rocksdb.estimate-num-keys");
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    @Override
    public List<JournalEntry> journal() throws IOException {
        List<JournalEntry> out = new ArrayList<>();
        try (RocksIterator it = db.newIterator(journal)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                out.add(new JournalEntry(RequestCodec.longOf(it.key()), it.value()));
            }
            it.status();
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
        return out;
    }

    @Override
    public List<QueueEntry> read(String hostKey, long fromSequence, int max) throws IOException {
        List<QueueEntry> out = new ArrayList<>(Math.min(max, 256));
        try (Slice limit = new Slice(RequestCodec.queueKeyLimit(hostKey));
                ReadOptions options = new ReadOptions().setIterateUpperBound(limit);
                RocksIterator it = db.newIterator(queue, options)) {
            for (it.seek(RequestCodec.queueKey(hostKey, fromSequence)); it.isValid() && out.size() < max; it.next()) {
                long sequence = RequestCodec.sequenceOf(it.key());
                out.add(new QueueEntry(sequence, RequestCodec.decode(hostKey, it.value())));
            }
            it.status();
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
        return out;
    }

    @Override
    public void write(StoreBatch batch) throws IOException {
        try (WriteBatch wb = new WriteBatch()) {
            for (QueueEntry e : batch.queued()) {
                wb.put(queue, RequestCodec.queueKey(e.hostKey(), e.sequence()), RequestCodec.encode(e.request()));
            }
            for (QueueEntry e : batch.removed()) {
                wb.delete(queue, RequestCodec.queueKey(e.hostKey(), e.sequence()));
            }
            for (int i = 0; i < batch.seenCount(); i++) {
                wb.put(seen, RequestCodec.longKey(batch.seenAt(i)), NOTHING);
            }
            for (Map.Entry<String, Long> e : batch.hostCounts().entrySet()) {
                byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
                if (e.getValue() > 0) {
                    wb.put(hosts, key, RequestCodec.longKey(e.getValue()));
                } else {
                    wb.delete(hosts, key);
                }
            }
            for (JournalEntry e : batch.journalAdded()) {
                wb.put(journal, RequestCodec.longKey(e.fingerprint()), e.record());
            }
            for (long fingerprint : batch.journalRemoved()) {
                wb.delete(journal, RequestCodec.longKey(fingerprint));
            }
            if (batch.nextSequence() >= 0) {
                wb.put(meta, NEXT_SEQUENCE, RequestCodec.longKey(batch.nextSequence()));
            }
            db.write(writeOptions, wb);
        } catch (RocksDBException e) {
            throw failure("write", e);
        }
    }

    @Override
    public long diskBytes() {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(RocksFrontierStore::size).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    @Override
    public String describe() {
        return "rocksdb at " + dir;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            db.syncWal();
        } catch (RocksDBException e) {
            // closing anyway: the log was written, only not synced
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            if (resources.get(i) instanceof ColumnFamilyHandle h) {
                h.close();
            }
        }
        db.close();
        for (int i = resources.size() - 1; i >= 0; i--) {
            if (!(resources.get(i) instanceof ColumnFamilyHandle)) {
                closeQuietly(resources.get(i));
            }
        }
    }

    private IOException failure(String what, RocksDBException e) {
        return new IOException("cannot " + what + " the crawl state in " + dir + ": " + e.getMessage(), e);
    }

    private ColumnFamilyOptions family(LRUCache cache, CompressionType compression) {
        BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(cache).setBlockSize(16 * 1024);
        return keep(new ColumnFamilyOptions()
                .setWriteBufferSize(WRITE_BUFFER_BYTES)
                .setMaxWriteBufferNumber(2)
                .setCompressionType(compression)
                .setTableFormatConfig(table));
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    private static byte[] bytes(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // nothing left to do
        }
    }
}
