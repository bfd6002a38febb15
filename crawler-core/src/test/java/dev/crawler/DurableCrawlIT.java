package dev.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawler.filter.Scope;
import dev.crawler.frontier.FrontierStore;
import dev.crawler.frontier.JournalEntry;
import dev.crawler.frontier.QueueEntry;
import dev.crawler.frontier.RocksFrontierStore;
import dev.crawler.frontier.StoreBatch;
import dev.crawler.net.AddressPolicy;
import dev.crawler.net.Cidr;
import dev.crawler.net.ResolveOverrides;
import dev.crawler.politeness.PolitenessPolicy;
import dev.crawler.sim.GroundTruth;
import dev.crawler.sim.RequestLog;
import dev.crawler.sim.RequestRecord;
import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimServer;
import dev.crawler.sim.SimWeb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.function.ObjLongConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawls that stop part-way (page budget, Ctrl-C with a grace period, a full disk, a store that
 * fails) and are resumed in the same output directory: the union of the runs must be exactly the
 * ground truth, with no URL twice in index.jsonl. BlockHound watches the event loops.
 */
@ExtendWith(NoBlockingOnEventLoops.class)
class DurableCrawlIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONCURRENCY = 32;

    @TempDir
    Path tmp;

    static CrawlConfig.Builder configFor(SimWeb web, Path out) throws IOException {
        Map<String, InetAddress> resolve = new HashMap<>();
        for (var e : web.resolveMap().entrySet()) {
            resolve.put(e.getKey(), InetAddress.getByName(e.getValue()));
        }
        return CrawlConfig.builder().failOnStall(true)
                .seeds(web.seedUrls())
                .outDir(out)
                .scope(Scope.ANY)
                .concurrency(CONCURRENCY)
                .politeness(new PolitenessPolicy(2, Duration.ZERO, Duration.ofSeconds(1)))
                .addressPolicy(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.0/8"))))
                .overrides(new ResolveOverrides(resolve));
    }

    static List<JsonNode> readIndex(Path out) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve(Crawler.INDEX_FILE))) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /** The index holds every URL once, and its fetched URLs are exactly the ground truth. */
    static void assertExactlyTheGroundTruth(Path out, GroundTruth truth) throws IOException {
        List<JsonNode> index = readIndex(out);
        assertThat(index).extracting(n -> n.get("url").asText()).as("no URL twice in index.jsonl")
                .doesNotHaveDuplicates();
        Map<String, Integer> fetched = new HashMap<>();
        for (JsonNode n : index) {
            if (n.hasNonNull("status")) {
                fetched.put(n.get("url").asText(), n.get("status").asInt());
            } else {
                assertThat(n.get("error").asText()).startsWith("robots_denied");
            }
        }
        assertThat(fetched).isEqualTo(truth.expectedStatus());
    }

    /** URLs the server was asked for more than once (robots.txt aside). */
    static long refetched(List<RequestRecord> records) {
        return records.stream().filter(r -> !r.path().equals("/robots.txt"))
                .collect(Collectors.groupingBy(r -> r.host() + r.path(), Collectors.counting()))
                .values().stream().filter(n -> n > 1).count();
    }

    private static SimConfig web(Duration latency) {
        return SimConfig.defaults().withHosts(6).withPages(60).withLatency(latency);
    }

    @Test
    void aCrawlCutShortByItsPageBudgetIsFinishedByTheNextRunWithoutFetchingAnythingTwice() throws Exception {
        RequestLog requests = RequestLog.inMemory();
        try (SimServer sim = SimServer.start(web(Duration.ofMillis(2)), requests)) {
            Path out = tmp.resolve("out");
            try (Crawler first = Crawler.create(configFor(sim.web(), out).maxPages(150).build())) {
                assertThat(first.resumption().resumed()).isFalse();
                assertThat(first.run().reason()).isEqualTo(CrawlSummary.StopReason.MAX_PAGES);
            }
            int firstRun = readIndex(out).size();
            assertThat(firstRun).isBetween(100, 400);
            try (Crawler second = Crawler.create(configFor(sim.web(), out).seeds(List.of(sim.web().seedUrls().getFirst()))
                    .build())) {
                Crawler.Resumption r = second.resumption();
                assertThat(r.resumed()).isTrue();
                assertThat(r.runs()).isEqualTo(2);
                assertThat(r.queued()).isPositive();
                assertThat(second.config().seeds()).as("the first run's seeds are kept").hasSize(6);
                assertThat(second.run().reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
            }
            assertExactlyTheGroundTruth(out, sim.web().groundTruth());
            assertThat(refetched(requests.records())).as("a graceful stop fetches nothing twice").isZero();
        }
    }

    @Test
    void aStopWhoseGraceRunsOutLeavesInFlightRequestsQueuedForTheNextRun() throws Exception {
        RequestLog requests = RequestLog.inMemory();
        try (SimServer sim = SimServer.start(web(Duration.ofMillis(200)), requests)) {
            Path out = tmp.resolve("out");
            try (Crawler first = Crawler.create(configFor(sim.web(), out).build())) {
                Thread stopper = Thread.ofPlatform().start(() -> {
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        return;
                    }
                    first.stop(Duration.ofMillis(20));
                });
                assertThat(first.run().reason()).isEqualTo(CrawlSummary.StopReason.STOPPED);
                stopper.join();
            }
            assertThat(readIndex(out)).isNotEmpty();
            try (Crawler second = Crawler.create(configFor(sim.web(), out).resume(ResumeMode.REQUIRE).build())) {
                assertThat(second.run().reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
            }
            assertExactlyTheGroundTruth(out, sim.web().groundTruth());
            assertThat(refetched(requests.records())).as("at most the requests in flight are fetched again")
                    .isLessThanOrEqualTo(CONCURRENCY);
        }
    }

    @Test
    void fileLeftByAKilledRunForAUrlThatNoLongerAnswers200IsRemoved() throws Exception {
        try (SimServer sim = SimServer.start(web(Duration.ofMillis(2)), RequestLog.inMemory())) {
            Path out = tmp.resolve("out");
            // what a run killed mid-write leaves: short files at the paths of URLs that now answer
            // 404 or redirect (a URL is fetched once per crawl, so only such a run can leave one)
            List<String> notPages = sim.web().groundTruth().expectedStatus().entrySet().stream()
                    .filter(e -> e.getValue() != 200).map(Map.Entry::getKey).sorted().toList();
            assertThat(notPages).isNotEmpty();
            for (String url : notPages) {
                Path file = out.resolve(new dev.crawler.export.PathMapper().map(url));
                Files.createDirectories(file.getParent());
                Files.writeString(file, "<html><bo");
            }
            try (Crawler crawler = Crawler.create(configFor(sim.web(), out).build())) {
                assertThat(crawler.run().reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
            }
            assertExactlyTheGroundTruth(out, sim.web().groundTruth());
            for (String url : notPages) {
                assertThat(out.resolve(new dev.crawler.export.PathMapper().map(url))).as(url).doesNotExist();
            }
        }
    }

    @Test
    void aFullDiskStopsTheCrawlWithAClearErrorAndTheCrawlResumesOnceThereIsRoom() throws Exception {
        Path devFull = Path.of("/dev/full");
        assumeTrue(Files.isWritable(devFull), "/dev/full is needed to simulate a full disk");
        try (SimServer sim = SimServer.start(web(Duration.ofMillis(2)), RequestLog.inMemory())) {
            Path out = tmp.resolve("out");
            Files.createDirectories(out);
            Files.createSymbolicLink(out.resolve(Crawler.INDEX_FILE), devFull);
            try (Crawler first = Crawler.create(configFor(sim.web(), out).build())) {
                assertThatThrownBy(first::run).isInstanceOf(UncheckedIOException.class)
                        .hasMessageContaining("No space left on device")
                        .hasMessageContaining("run the same command again to resume");
            }
            Files.delete(out.resolve(Crawler.INDEX_FILE)); // room again
            try (Crawler second = Crawler.create(configFor(sim.web(), out).build())) {
                assertThat(second.resumption().republished()).as("lines made durable but not written").isPositive();
                assertThat(second.run().reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
            }
            assertExactlyTheGroundTruth(out, sim.web().groundTruth());
        }
    }

    @Test
    void aStoreThatFailsMidCrawlStopsItResumably() throws Exception {
        try (SimServer sim = SimServer.start(web(Duration.ofMillis(2)), RequestLog.inMemory())) {
            Path out = tmp.resolve("out");
            AtomicInteger writes = new AtomicInteger();
            try (Crawler first = Crawler.builder(configFor(sim.web(), out).build())
                    .stores(dir -> new FailAfter(RocksFrontierStore.open(dir), 40, writes)).build()) {
                assertThatThrownBy(first::run).isInstanceOf(UncheckedIOException.class)
                        .hasMessageContaining("No space left on device");
            }
            assertThat(writes.get()).isGreaterThan(40);
            try (Crawler second = Crawler.create(configFor(sim.web(), out).build())) {
                assertThat(second.run().reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
            }
            assertExactlyTheGroundTruth(out, sim.web().groundTruth());
        }
    }

    @Test
    void unusableDirectoriesAreClearErrors() throws Exception {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        CrawlConfig base = CrawlConfig.builder().seeds(List.of("http://a.sim/")).outDir(tmp.resolve("out")).build();
        assertThatThrownBy(() -> Crawler.create(base.toBuilder().outDir(file).build()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("is not a directory");
        assertThatThrownBy(() -> Crawler.create(base.toBuilder().stateDir(file).build()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("state: " + file)
                .hasMessageContaining("is not a directory");
        assertThatThrownBy(() -> Crawler.create(base.toBuilder().resume(ResumeMode.REQUIRE).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds no crawl to resume");
        Path old = tmp.resolve("old");
        Files.createDirectories(old);
        Files.writeString(old.resolve(Crawler.INDEX_FILE), "{\"url\":\"http://x/\"}\n");
        assertThatThrownBy(() -> Crawler.create(base.toBuilder().outDir(old).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without resumable state");
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsAClearError() throws Exception {
        Path locked = tmp.resolve("locked");
        Files.createDirectories(locked);
        assumeTrue(locked.toFile().setWritable(false, false), "cannot change permissions here");
        try {
            assumeTrue(!Files.isWritable(locked), "permissions do not bite (running as root)");
            CrawlConfig config = CrawlConfig.builder().seeds(List.of("http://a.sim/")).outDir(locked).build();
            assertThatThrownBy(() -> Crawler.create(config)).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot write to " + locked);
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }

    @Test
    void anotherCrawlerOnTheSameDirectoryIsRefused() throws Exception {
        CrawlConfig config = CrawlConfig.builder().seeds(List.of("http://a.sim/")).outDir(tmp.resolve("out")).build();
        try (Crawler first = Crawler.create(config)) {
            assertThatThrownBy(() -> Crawler.create(config)).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("in use by another crawler process");
        }
    }

    /** A store whose writes fail, as on a full disk, after {@code ok} of them. */
    private record FailAfter(FrontierStore store, int ok, AtomicInteger writes) implements FrontierStore {
        @Override
        public void write(StoreBatch batch) throws IOException {
            if (writes.incrementAndGet() > ok) {
                throw new IOException("IO error: No space left on device: While appending to file");
            }
            store.write(batch);
        }

        @Override
        public long nextSequence() throws IOException {
            return store.nextSequence();
        }

        @Override
        public Optional<byte[]> fingerprintKey() throws IOException {
            return store.fingerprintKey();
        }

        @Override
        public void forEachHost(ObjLongConsumer<String> action) throws IOException {
            store.forEachHost(action);
        }

        @Override
        public void forEachSeen(LongConsumer action) throws IOException {
            store.forEachSeen(action);
        }

        @Override
        public long estimatedSeen() throws IOException {
            return store.estimatedSeen();
        }

        @Override
        public List<JournalEntry> journal() throws IOException {
            return store.journal();
        }

        @Override
        public List<QueueEntry> read(String hostKey, long fromSequence, int max) throws IOException {
            return store.read(hostKey, fromSequence, max);
        }

        @Override
        public long diskBytes() {
            return store.diskBytes();
        }

        @Override
        public String describe() {
            return store.describe();
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
