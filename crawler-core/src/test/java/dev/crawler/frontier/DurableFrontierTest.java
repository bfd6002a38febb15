package dev.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.url.Fingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.ObjLongConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFrontierTest {

    private final OwnerQueue owner = new OwnerQueue();

    private static CrawlRequest req(String host, int n) {
        return CrawlRequest.of("http://" + host + "/p/" + n, 1, null, 0);
    }

    private DurableFrontier open(FrontierStore store, int headSize, int budget) throws IOException {
        return DurableFrontier.open(store, owner, new DurableFrontier.Options(headSize, budget, 1 << 20));
    }

    /** Polls every URL, host by host as they become ready, finishing each; returns them in order. */
    private List<String> drain(DurableFrontier f, Set<String> readyHosts) {
        List<String> out = new ArrayList<>();
        f.onReady(readyHosts::add);
        owner.drainUntil(() -> {
            for (String host : List.copyOf(readyHosts)) {
                Optional<CrawlRequest> r = f.poll(host);
                if (r.isPresent()) {
                    out.add(r.get().url());
                    f.finish(r.get(), null);
                }
                if (!f.hasQueued(host)) {
                    readyHosts.remove(host);
                }
            }
            return f.queued() == 0;
        });
        return out;
    }

    @Test
    void dropsDuplicatesAndHandsOutEachHostInOrder() throws IOException {
        try (DurableFrontier f = open(new MemoryFrontierStore(), 32, 1000)) {
            assertThat(f.offer(req("a.sim", 1))).isEqualTo(Frontier.Offer.QUEUED_NEW_HOST);
            assertThat(f.offer(req("a.sim", 2))).isEqualTo(Frontier.Offer.QUEUED);
            assertThat(f.offer(req("a.sim", 1))).isEqualTo(Frontier.Offer.DUPLICATE);
            assertThat(f.offer(req("b.sim", 1))).isEqualTo(Frontier.Offer.QUEUED_NEW_HOST);
            assertThat(f.queued()).isEqualTo(3);
            assertThat(f.seen()).isEqualTo(3);
            assertThat(f.poll("http://a.sim:80").map(CrawlRequest::url)).contains("http://a.sim/p/1");
            assertThat(f.poll("http://a.sim:80").map(CrawlRequest::url)).contains("http://a.sim/p/2");
            assertThat(f.poll("http://a.sim:80")).isEmpty();
            assertThat(f.hasQueued("http://b.sim:80")).isTrue();
            assertThat(f.queued()).isEqualTo(1);
        }
    }

    @Test
    void keepsOnlyABoundedHeadOnTheHeapAndReadsTheRestBackInOrder() throws IOException {
        MemoryFrontierStore store = new MemoryFrontierStore();
        try (DurableFrontier f = open(store, 4, 8)) {
            Set<String> ready = new LinkedHashSet<>();
            for (int n = 0; n < 50; n++) {
                for (String host : List.of("a.sim", "b.sim", "c.sim")) {
                    if (f.offer(req(host, n)) == Frontier.Offer.QUEUED_NEW_HOST) {
                        ready.add("http://" + host + ":80");
                    }
                    assertThat(f.readyOnHeap()).isLessThanOrEqualTo(8);
                }
            }
            assertThat(f.queued()).isEqualTo(150);
            List<String> polled = drain(f, ready);
            assertThat(polled).hasSize(150).doesNotHaveDuplicates();
            for (String host : List.of("a.sim", "b.sim", "c.sim")) {
                List<String> ofHost = polled.stream().filter(u -> u.contains(host)).toList();
                List<String> expected = new ArrayList<>();
                for (int n = 0; n < 50; n++) {
                    expected.add("http://" + host + "/p/" + n);
                }
                assertThat(ofHost).as("FIFO per host").containsExactlyElementsOf(expected);
            }
            owner.drainUntil(() -> store.storedRequests() == 0);
        }
    }

    @Test
    void finishedRequestsAreGoneAfterARestartAndHandedOutOnesComeBack(@TempDir Path dir) throws IOException {
        try (DurableFrontier f = open(RocksFrontierStore.open(dir), 4, 16)) {
            for (int n = 0; n < 20; n++) {
                f.offer(req("a.sim", n));
            }
            List<CompletableFuture<Void>> durable = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                CrawlRequest r = f.poll("http://a.sim:80").orElseThrow();
                durable.add(f.finish(r, ("{\"url\":\"" + r.url() + "\"}\n").getBytes(StandardCharsets.UTF_8)));
            }
            f.poll("http://a.sim:80").orElseThrow(); // handed out, never finished: as if in flight at a crash
            owner.drainUntil(() -> durable.stream().allMatch(CompletableFuture::isDone));
            assertThat(durable).allMatch(d -> !d.isCompletedExceptionally());
            f.published(req("a.sim", 0));
        }
        try (DurableFrontier f = open(RocksFrontierStore.open(dir), 4, 16)) {
            assertThat(f.seen()).isEqualTo(20);
            assertThat(f.queued()).isEqualTo(17);
            assertThat(f.recoveredJournal()).extracting(e -> new String(e.record(), StandardCharsets.UTF_8))
                    .containsExactlyInAnyOrder("{\"url\":\"http://a.sim/p/1\"}\n", "{\"url\":\"http://a.sim/p/2\"}\n");
            assertThat(f.offer(req("a.sim", 5))).isEqualTo(Frontier.Offer.DUPLICATE);
            List<String> rest = drain(f, new LinkedHashSet<>(List.of("http://a.sim:80")));
            assertThat(rest).first().isEqualTo("http://a.sim/p/3");
            assertThat(rest).hasSize(17).doesNotContain("http://a.sim/p/0", "http://a.sim/p/1", "http://a.sim/p/2");
        }
    }

    @Test
    void aCrashLosesNoUrlThatAFinishedPageLedTo() throws IOException {
        MemoryFrontierStore store = new MemoryFrontierStore();
        DurableFrontier first = open(store, 8, 64);
        first.offer(req("a.sim", 0));
        CrawlRequest page = first.poll("http://a.sim:80").orElseThrow();
        first.offer(req("b.sim", 1));
        first.offer(req("b.sim", 2));
        CompletableFuture<Void> durable = first.finish(page, "line\n".getBytes(StandardCharsets.UTF_8));
        owner.drainUntil(durable::isDone);
        first.offer(req("c.sim", 3)); // never flushed: lost in the crash, with nothing that led to it finished
        // the crash: the first frontier is dropped without closing
        try (DurableFrontier again = open(store, 8, 64)) {
            assertThat(again.queued()).isEqualTo(2);
            assertThat(again.offer(req("b.sim", 1))).isEqualTo(Frontier.Offer.DUPLICATE);
            assertThat(again.offer(req("a.sim", 0))).isEqualTo(Frontier.Offer.DUPLICATE);
            assertThat(again.recoveredJournal()).hasSize(1);
        }
    }

    /**
     * A store that keeps no fingerprint key (the default; a store made before keys) is
     * fingerprinted by the SHA-256 prefix, as before keys, so what it holds is still recognized.
     * A store with a key is fingerprinted under that key.
     */
    @Test
    void fingerprintsFollowTheStoresKeyOrItsAbsence() throws IOException {
        MemoryFrontierStore heap = new MemoryFrontierStore();
        FrontierStore keyless = (FrontierStore) Proxy.newProxyInstance(FrontierStore.class.getClassLoader(),
                new Class<?>[] {FrontierStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("fingerprintKey")) {
                        return Optional.empty();
                    }
                    try {
                        return method.invoke(heap, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        CrawlRequest page = req("a.sim", 1);
        try (DurableFrontier f = open(keyless, 8, 64)) {
            f.offer(page);
        }
        List<Long> seen = new ArrayList<>();
        heap.forEachSeen(seen::add);
        assertThat(seen).containsExactly(Fingerprint.sha256().of(page.url()));

        MemoryFrontierStore keyed = new MemoryFrontierStore();
        try (DurableFrontier f = open(keyed, 8, 64)) {
            f.offer(page);
        }
        List<Long> seenKeyed = new ArrayList<>();
        keyed.forEachSeen(seenKeyed::add);
        assertThat(seenKeyed).containsExactly(Fingerprint.keyed(keyed.fingerprintKey().orElseThrow()).of(page.url()));
    }

    @Test
    void requeuePutsARequestBackAtTheHead() throws IOException {
        try (DurableFrontier f = open(new MemoryFrontierStore(), 8, 64)) {
            f.offer(req("a.sim", 1));
            f.offer(req("a.sim", 2));
            CrawlRequest first = f.poll("http://a.sim:80").orElseThrow();
            assertThat(f.requeue(first)).isFalse();
            assertThat(f.poll("http://a.sim:80")).contains(first);
            assertThatThrownBy(() -> f.requeue(req("a.sim", 9))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aFailedWriteFailsTheFinishAndNothingIsWrittenAfterIt() throws IOException {
        FailingStore store = new FailingStore(new MemoryFrontierStore(), 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (DurableFrontier f = open(store, 8, 64)) {
            f.onFailure(failure::set);
            f.offer(req("a.sim", 1));
            f.offer(req("a.sim", 2));
            CompletableFuture<Void> ok = f.finish(f.poll("http://a.sim:80").orElseThrow(), null);
            owner.drainUntil(ok::isDone);
            assertThat(ok).isCompleted();
            CompletableFuture<Void> failed = f.finish(f.poll("http://a.sim:80").orElseThrow(), null);
            owner.drainUntil(() -> failed.isDone() && failure.get() != null);
            assertThat(failed).isCompletedExceptionally();
            assertThat(failure.get()).hasMessageContaining("No space left on device");
            assertThat(f.failure()).isPresent();
            f.offer(req("b.sim", 1));
            CompletableFuture<Void> later = f.checkpoint();
            owner.drainUntil(later::isDone);
            assertThat(later).isCompletedExceptionally();
            assertThat(store.delegate.storedRequests()).as("the failed batch left the store as it was").isEqualTo(1);
        }
    }

    /** Fails every write after the first {@code okWrites}, as a full disk does. */
    static final class FailingStore implements FrontierStore {
        final MemoryFrontierStore delegate;
        private int okWrites;

        FailingStore(MemoryFrontierStore delegate, int okWrites) {
            this.delegate = delegate;
            this.okWrites = okWrites;
        }

        @Override
        public void write(StoreBatch batch) throws IOException {
            if (okWrites-- <= 0) {
                throw new IOException("cannot write the crawl state: IO error: No space left on device");
            }
            delegate.write(batch);
        }

        @Override
        public long nextSequence() {
            return delegate.nextSequence();
        }

        @Override
        public Optional<byte[]> fingerprintKey() {
            return delegate.fingerprintKey();
        }

        @Override
        public void forEachHost(ObjLongConsumer<String> action) {
            delegate.forEachHost(action);
        }

        @Override
        public void forEachSeen(LongConsumer action) {
            delegate.forEachSeen(action);
        }

        @Override
        public long estimatedSeen() {
            return delegate.estimatedSeen();
        }

        @Override
        public List<JournalEntry> journal() {
            return delegate.journal();
        }

        @Override
        public List<QueueEntry> read(String hostKey, long fromSequence, int max) {
            return delegate.read(hostKey, fromSequence, max);
        }

        @Override
        public long diskBytes() {
            return 0;
        }

        @Override
        public String describe() {
            return "failing";
        }

        @Override
        public void close() {
        }
    }
}
