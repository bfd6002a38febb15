package dev.crawler.examples;

import dev.crawler.CrawlSummary;
import dev.crawler.Crawler;
import dev.crawler.frontier.FrontierStore;
import dev.crawler.frontier.JournalEntry;
import dev.crawler.frontier.MemoryFrontierStore;
import dev.crawler.frontier.QueueEntry;
import dev.crawler.frontier.StoreBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.ObjLongConsumer;

/**
 * A frontier store of the user's own, in place of RocksDB: it keeps the frontier on the heap and
 * counts what the crawl writes to it. A first crawl stops at a page budget; a second, given the
 * same store, resumes from it and fetches only what the first left, so together they fetch the
 * web once.
 */
public final class CountingFrontierStore implements FrontierStore {

    private final MemoryFrontierStore heap = new MemoryFrontierStore();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong queued = new AtomicLong();

    @Override
    public long nextSequence() {
        return heap.nextSequence();
    }

    @Override
    public Optional<byte[]> fingerprintKey() {
        return heap.fingerprintKey();
    }

    @Override
    public void forEachHost(ObjLongConsumer<String> action) {
        heap.forEachHost(action);
    }

    @Override
    public void forEachSeen(LongConsumer action) {
        heap.forEachSeen(action);
    }

    @Override
    public long estimatedSeen() {
        return heap.estimatedSeen();
    }

    @Override
    public List<JournalEntry> journal() {
        return heap.journal();
    }

    @Override
    public List<QueueEntry> read(String hostKey, long fromSequence, int max) {
        return heap.read(hostKey, fromSequence, max);
    }

    @Override
    public void write(StoreBatch batch) throws IOException {
        batches.incrementAndGet();
        queued.addAndGet(batch.queued().size());
        heap.write(batch);
    }

    @Override
    public long diskBytes() {
        return 0;
    }

    @Override
    public String describe() {
        return "a counting store on the heap";
    }

    /** Kept open across crawls: the second crawl resumes from it. */
    @Override
    public void close() {
    }

    public static void main(String[] args) {
        Check.main("CountingFrontierStore", () -> run(Files.createTempDirectory("counting-store")));
    }

    static void run(Path work) throws Exception {
        try (SimulatedWeb web = SimulatedWeb.start(2, 40)) {
            CountingFrontierStore store = new CountingFrontierStore();
            Path out = work.resolve("out");
            Set<String> fetched = new HashSet<>();
            int repeats = 0;
            CrawlSummary first;
            CrawlSummary second;
            try (Crawler crawler = Crawler.builder(web.crawl(out).mirror(false).maxPages(20).build())
                    .frontierStore(store).sink(o -> {
                        synchronized (fetched) {
                            fetched.add(o.url());
                        }
                    }).build()) {
                first = crawler.run();
            }
            int afterFirst = fetched.size();
            Set<String> again = new HashSet<>();
            try (Crawler crawler = Crawler.builder(web.crawl(out).mirror(false).build()).frontierStore(store)
                    .sink(o -> {
                        synchronized (again) {
                            again.add(o.url());
                        }
                    }).build()) {
                Check.that(crawler.resumption().resumed(), "the second crawl resumed from the store");
                second = crawler.run();
            }
            for (String url : again) {
                if (fetched.contains(url)) {
                    repeats++;
                }
            }
            fetched.addAll(again);
            System.out.println("CountingFrontierStore: " + store.batches.get() + " batches written, "
                    + store.queued.get() + " URLs queued; first crawl " + first.reason() + " with " + afterFirst
                    + " outcomes, the resumed one " + second.reason() + " with " + again.size());

            Check.that(first.reason() == CrawlSummary.StopReason.MAX_PAGES, "the first crawl spent its budget");
            Check.that(second.reason() == CrawlSummary.StopReason.COMPLETED, "the second crawl completed");
            Check.that(repeats == 0, "no URL had an outcome in both crawls, but " + repeats + " did");
            Check.that(fetched.containsAll(web.groundTruth().mustFetch()), "together they fetched the whole web");
            Check.that(store.batches.get() > 0, "the crawl wrote to the store");
        }
    }
}
