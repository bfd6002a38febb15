package dev.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.CrawlSummary.StopReason;
import dev.crawler.engine.ScriptedFetcher;
import dev.crawler.sim.GroundTruth;
import dev.crawler.sim.RequestLog;
import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crawler as a library: a crawl of the simulated web built with {@link Crawler#builder}, its
 * pages taken by the user's own sink, its outcomes heard by a listener, and stopped by one.
 */
class LibraryApiIT {

    @TempDir
    Path tmp;

    @Test
    void aUsersOwnSinkGetsEveryUrlOnceAndWithoutTheMirrorOnlyTheCrawlsRecordIsWritten() throws Exception {
        try (SimServer sim = SimServer.start(SimConfig.defaults().withHosts(3).withPages(40), RequestLog.inMemory())) {
            CrawlConfig config = SimCrawlIT.configFor(sim.web(), FetchMode.ASYNC, tmp).toBuilder().mirror(false).build();
            Map<String, Outcome> sunk = new ConcurrentHashMap<>();
            AtomicInteger repeats = new AtomicInteger();
            Map<String, Outcome> committed = new ConcurrentHashMap<>();
            CrawlSummary summary;
            try (Crawler crawler = Crawler.builder(config)
                    .sink(o -> {
                        if (sunk.put(o.url(), o.outcome()) != null) {
                            repeats.incrementAndGet();
                        }
                    })
                    .listener(new CrawlListener() {
                        @Override
                        public void committed(CrawlOutcome o) {
                            committed.put(o.url(), o.outcome());
                        }
                    })
                    .build()) {
                summary = crawler.start().get(60, TimeUnit.SECONDS);
            }

            GroundTruth truth = sim.web().groundTruth();
            assertThat(summary.reason()).isEqualTo(StopReason.COMPLETED);
            assertThat(repeats).hasValue(0);
            assertThat(sunk).isEqualTo(committed);
            assertThat(sunk.keySet()).containsAll(truth.mustFetch());
            // what must never be fetched may only be there as refused by robots.txt
            truth.mustNotFetch().stream().filter(sunk::containsKey)
                    .forEach(url -> assertThat(sunk.get(url)).as(url).isEqualTo(Outcome.ROBOTS_DENIED));
            assertThat(urlsWith(sunk, Outcome.PAGE)).isEqualTo(truth.withStatus(200));
            assertThat(SimCrawlIT.readIndex(config.outDir())).hasSize(sunk.size());
            try (Stream<Path> written = Files.list(config.outDir())) {
                assertThat(written.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder(Crawler.INDEX_FILE, CrawlConfig.STATE_DIR_NAME);
            }
        }
    }

    @Test
    void withNeitherMirrorNorIndexTheSinksAreTheOnlyOutputAndAResumedCrawlRepeatsNothing() throws Exception {
        try (SimServer sim = SimServer.start(SimConfig.defaults().withHosts(2).withPages(40), RequestLog.inMemory())) {
            CrawlConfig config = SimCrawlIT.configFor(sim.web(), FetchMode.ASYNC, tmp).toBuilder().mirror(false)
                    .index(false).build();
            Map<String, Outcome> sunk = new ConcurrentHashMap<>();
            AtomicInteger repeats = new AtomicInteger();
            PageSink sink = o -> {
                if (sunk.put(o.url(), o.outcome()) != null) {
                    repeats.incrementAndGet();
                }
            };
            try (Crawler first = Crawler.builder(config.toBuilder().maxPages(25).build()).sink(sink).build()) {
                assertThat(first.run().reason()).isEqualTo(StopReason.MAX_PAGES);
            }
            int afterFirst = sunk.size();
            try (Crawler second = Crawler.builder(config).sink(sink).build()) {
                assertThat(second.resumption().resumed()).isTrue();
                assertThat(second.run().reason()).isEqualTo(StopReason.COMPLETED);
            }

            assertThat(repeats).hasValue(0);
            assertThat(sunk.size()).isGreaterThan(afterFirst);
            assertThat(sunk.keySet()).containsAll(sim.web().groundTruth().mustFetch());
            try (Stream<Path> written = Files.list(config.outDir())) {
                assertThat(written.map(p -> p.getFileName().toString())).containsExactly(CrawlConfig.STATE_DIR_NAME);
            }
        }
    }

    @Test
    void aListenerCanStopTheCrawlAndTheFutureSaysSo() throws Exception {
        try (SimServer sim = SimServer.start(SimConfig.defaults().withHosts(2).withPages(200), RequestLog.inMemory())) {
            CrawlConfig config = SimCrawlIT.configFor(sim.web(), FetchMode.ASYNC, tmp).toBuilder().mirror(false)
                    .concurrency(2).build();
            AtomicInteger heard = new AtomicInteger();
            Crawler[] self = new Crawler[1];
            try (Crawler crawler = Crawler.builder(config).listener(new CrawlListener() {
                @Override
                public void committed(CrawlOutcome o) {
                    if (heard.incrementAndGet() == 10) {
                        self[0].stop();
                    }
                }
            }).build()) {
                self[0] = crawler;
                CrawlSummary summary = crawler.start().get(60, TimeUnit.SECONDS);

                assertThat(summary.reason()).isEqualTo(StopReason.STOPPED);
                assertThat(heard.get()).isBetween(10, 10 + config.concurrency());
                assertThat(SimCrawlIT.readIndex(config.outDir())).hasSize(heard.get());
            }
        }
    }

    @Test
    void aListenerThatBlocksHoldsTheCrawlBackWithoutBlockingItsLoop() throws Exception {
        try (SimServer sim = SimServer.start(SimConfig.defaults().withHosts(2).withPages(60), RequestLog.inMemory())) {
            int concurrency = 3;
            CrawlConfig config = SimCrawlIT.configFor(sim.web(), FetchMode.ASYNC, tmp).toBuilder().mirror(false)
                    .concurrency(concurrency).build();
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger sunk = new AtomicInteger();
            try (Crawler crawler = Crawler.builder(config).sink(o -> sunk.incrementAndGet())
                    .listener(new CrawlListener() {
                        @Override
                        public void committed(CrawlOutcome o) {
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }).build()) {
                CompletableFuture<CrawlSummary> done = crawler.start();
                Thread.sleep(1500);

                // each URL keeps its place in the crawl's concurrency until its listener returns:
                // with the listener stuck, at most that many outcomes got through
                int whileBlocked = sunk.get();
                assertThat(whileBlocked).isPositive().isLessThanOrEqualTo(concurrency);
                // nothing piled up in flight meanwhile
                assertThat(crawler.stats().snapshot().inFlight()).isLessThanOrEqualTo(concurrency);
                release.countDown();
                CrawlSummary summary = done.get(60, TimeUnit.SECONDS);

                assertThat(summary.reason()).isEqualTo(StopReason.COMPLETED);
                assertThat(sunk.get()).isGreaterThan(whileBlocked);
            }
        }
    }

    /** A three-page site, with no network: the root links to two pages, one of them missing. */
    private static ScriptedFetcher threePages() {
        return new ScriptedFetcher()
                .on("http://a.test/", ScriptedFetcher.linking("/one", "/two"))
                .on("http://a.test/one", ScriptedFetcher.html("<p>1</p>"));
    }

    private CrawlConfig threePagesInto(String out) {
        return CrawlConfig.builder().seeds(List.of("http://a.test/")).outDir(tmp.resolve(out)).respectRobots(false)
                .build();
    }

    @Test
    void aFetcherOfTheUsersOwnIsUsedAndClosedWithTheCrawl() throws Exception {
        ScriptedFetcher fetcher = threePages();
        CrawlConfig config = threePagesInto("out");

        try (Crawler crawler = Crawler.builder(config).fetcher(fetcher).build()) {
            assertThat(crawler.run().fetcher()).isEqualTo("scripted");
        }

        assertThat(fetcher.requests()).extracting(ScriptedFetcher.Request::url)
                .containsExactlyInAnyOrder("http://a.test/", "http://a.test/one", "http://a.test/two");
        assertThat(SimCrawlIT.readIndex(tmp.resolve("out"))).hasSize(3);
    }

    @Test
    void aFrontierOfTheCallersOwnIsCrawledOn() throws Exception {
        ScriptedFetcher fetcher = threePages();
        CrawlConfig config = threePagesInto("own");
        List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.crawler.frontier.InMemoryFrontier mine = new dev.crawler.frontier.InMemoryFrontier();

        try (Crawler crawler = Crawler.builder(config).fetcher(fetcher).frontier((store, owner) -> {
            opened.add("opened");
            return mine;
        }).build()) {
            assertThat(crawler.run().reason()).isEqualTo(StopReason.COMPLETED);
        }

        assertThat(opened).containsExactly("opened");
        assertThat(mine.seen()).isEqualTo(3);
        assertThat(SimCrawlIT.readIndex(tmp.resolve("own"))).hasSize(3);
    }

    private static Set<String> urlsWith(Map<String, Outcome> outcomes, Outcome outcome) {
        return outcomes.entrySet().stream().filter(e -> e.getValue() == outcome).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
