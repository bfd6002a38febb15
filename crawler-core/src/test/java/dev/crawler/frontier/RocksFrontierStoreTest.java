package dev.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.junit.jupiter.api.io.TempDir;

class RocksFrontierStoreTest {

    @TempDir
    Path dir;

    @Test
    void aBatchIsReadBackAfterReopening() throws IOException {
        CrawlRequest a1 = new CrawlRequest("http://a.sim/1", "http://a.sim:80", 2, "http://a.sim/", 1);
        CrawlRequest a2 = new CrawlRequest("http://a.sim/2?q=\u00e9", "http://a.sim:80", 3, null, 0);
        CrawlRequest b1 = new CrawlRequest("http://b.sim/1", "http://b.sim:80", 0, null, 0);
        try (RocksFrontierStore store = RocksFrontierStore.open(dir)) {
            StoreBatch batch = new StoreBatch();
            batch.queue(new QueueEntry(7, a1));
            batch.queue(new QueueEntry(9, a2));
            batch.queue(new QueueEntry(8, b1));
            batch.addSeen(11);
            batch.addSeen(-5);
            batch.hostCount("http://a.sim:80", 2);
            batch.hostCount("http://b.sim:80", 1);
            batch.journal(new JournalEntry(11, "line\n".getBytes(StandardCharsets.UTF_8)));
            batch.nextSequence(10);
            store.write(batch);
        }
        try (RocksFrontierStore store = RocksFrontierStore.open(dir)) {
            assertThat(store.nextSequence()).isEqualTo(10);
            assertThat(store.read("http://a.sim:80", 0, 10)).containsExactly(new QueueEntry(7, a1), new QueueEntry(9, a2));
            assertThat(store.read("http://a.sim:80", 8, 10)).containsExactly(new QueueEntry(9, a2));
            assertThat(store.read("http://a.sim:80", 0, 1)).containsExactly(new QueueEntry(7, a1));
            assertThat(store.read("http://b.sim:80", 0, 10)).containsExactly(new QueueEntry(8, b1));
            assertThat(store.read("http://c.sim:80", 0, 10)).isEmpty();
            Map<String, Long> hosts = new LinkedHashMap<>();
            store.forEachHost(hosts::put);
            assertThat(hosts).containsOnly(Map.entry("http://a.sim:80", 2L), Map.entry("http://b.sim:80", 1L));
            List<Long> seen = new ArrayList<>();
            store.forEachSeen(seen::add);
            assertThat(seen).containsExactlyInAnyOrder(11L, -5L);
            assertThat(store.journal()).singleElement().satisfies(e -> assertThat(e.fingerprint()).isEqualTo(11));

            StoreBatch removal = new StoreBatch();
            removal.remove(new QueueEntry(7, a1));
            removal.hostCount("http://b.sim:80", 0);
            removal.unjournal(11);
            store.write(removal);
            assertThat(store.read("http://a.sim:80", 0, 10)).containsExactly(new QueueEntry(9, a2));
            Map<String, Long> after = new LinkedHashMap<>();
            store.forEachHost(after::put);
            assertThat(after).containsOnlyKeys("http://a.sim:80");
            assertThat(store.journal()).isEmpty();
            assertThat(store.diskBytes()).isPositive();
        }
    }

    @Test
    void aNewStoreMakesAFingerprintKeyAndKeepsIt() throws IOException {
        byte[] key;
        try (RocksFrontierStore store = RocksFrontierStore.open(dir)) {
            key = store.fingerprintKey().orElseThrow();
            assertThat(key).hasSize(FrontierStore.FINGERPRINT_KEY_BYTES);
            store.write(oneUrl());
        }
        try (RocksFrontierStore store = RocksFrontierStore.open(dir)) {
            assertThat(store.fingerprintKey()).hasValueSatisfying(k -> assertThat(k).isEqualTo(key));
        }
        try (RocksFrontierStore other = RocksFrontierStore.open(dir.resolve("other"))) {
            assertThat(other.fingerprintKey()).hasValueSatisfying(k -> assertThat(k).isNotEqualTo(key));
        }
    }

    /** A store written before fingerprint keys holds data and no key: it never gets one. */
    @Test
    void aStoreMadeBeforeKeysKeepsNone() throws Exception {
        try (RocksFrontierStore store = RocksFrontierStore.open(dir)) {
            store.write(oneUrl());
        }
        removeFingerprintKey(dir);
        for (int reopen = 0; reopen < 2; reopen++) {
            try (RocksFrontierStore store = RocksFrontierStore.open(dir)) {
                assertThat(store.fingerprintKey()).isEmpty();
                assertThat(store.nextSequence()).isEqualTo(2);
            }
        }
    }

    private static StoreBatch oneUrl() {
        StoreBatch batch = new StoreBatch();
        batch.queue(new QueueEntry(1, new CrawlRequest("http://a.sim/1", "http://a.sim:80", 0, null, 0)));
        batch.addSeen(42);
        batch.nextSequence(2);
        return batch;
    }

    /** Deletes the key with RocksDB itself, leaving the store as one made before keys. */
    private static void removeFingerprintKey(Path dir) throws RocksDBException {
        List<ColumnFamilyDescriptor> families = new ArrayList<>();
        try (Options options = new Options()) {
            for (byte[] name : RocksDB.listColumnFamilies(options, dir.toString())) {
                families.add(new ColumnFamilyDescriptor(name));
            }
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions(); RocksDB db = RocksDB.open(options, dir.toString(), families, handles)) {
            db.delete(handles.get(0), "fingerprintKey".getBytes(StandardCharsets.US_ASCII));
            handles.forEach(ColumnFamilyHandle::close);
        }
    }

    @Test
    void aStoreInUseByAnotherOpenerIsAClearError() throws IOException {
        try (RocksFrontierStore store = RocksFrontierStore.open(dir)) {
            assertThatThrownBy(() -> RocksFrontierStore.open(dir))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("in use by another crawler process");
        }
    }

    @Test
    void aHostKeyThatPrefixesAnotherDoesNotSeeItsRequests() throws IOException {
        try (RocksFrontierStore store = RocksFrontierStore.open(dir)) {
            StoreBatch batch = new StoreBatch();
            batch.queue(new QueueEntry(1, new CrawlRequest("http://a.sim:8/x", "http://a.sim:8", 0, null, 0)));
            batch.queue(new QueueEntry(2, new CrawlRequest("http://a.sim:80/y", "http://a.sim:80", 0, null, 0)));
            store.write(batch);
            assertThat(store.read("http://a.sim:8", 0, 10)).extracting(e -> e.request().url()).containsExactly("http://a.sim:8/x");
        }
    }
}
