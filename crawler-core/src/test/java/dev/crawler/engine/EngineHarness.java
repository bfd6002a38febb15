package dev.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawler.CrawlConfig;
import dev.crawler.CrawlListener;
import dev.crawler.CrawlOutcome;
import dev.crawler.CrawlSummary.StopReason;
import dev.crawler.CrawlSummary;
import dev.crawler.Crawler;
import dev.crawler.PageSink;
import dev.crawler.export.IndexWriter;
import dev.crawler.export.MirrorExporter;
import dev.crawler.fetch.RetryPolicy;
import dev.crawler.frontier.InMemoryFrontier;
import dev.crawler.politeness.PolitenessPolicy;
import io.netty.util.concurrent.DefaultEventExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Runs the crawl engine ({@link CrawlCoordinator}) with no network: a {@link ScriptedFetcher},
 * the in-memory frontier, a real coordinator thread and workers, and the index and mirror in a
 * temporary directory. Settings default to a quick, test-sized crawl: no delay, robots.txt
 * ignored, short back-offs.
 */
final class EngineHarness implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final ScriptedFetcher fetcher = new ScriptedFetcher();
    final EngineStats stats = new EngineStats();
    /** Every outcome the sinks were given, in order. */
    final List<CrawlOutcome> sunk = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    /** Every outcome the listener was told of once committed, in order. */
    final List<CrawlOutcome> committed = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final List<PageSink> sinks = List.of(sunk::add);
    /** For each outcome the listener heard of, whether the index held its line by then. */
    final List<Boolean> indexedWhenCommitted = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final CrawlListener listener = new CrawlListener() {
        @Override
        public void committed(CrawlOutcome outcome) {
            EngineHarness.this.committed.add(outcome);
            try {
                indexedWhenCommitted.add(Files.readString(out.resolve(Crawler.INDEX_FILE))
                        .contains("\"url\":\"" + outcome.url() + "\""));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    };
    private final Path out;
    final DefaultEventExecutor loop = new DefaultEventExecutor();
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private CrawlCoordinator coordinator;
    private IndexWriter indexWriter;
    private MirrorExporter mirror;

    EngineHarness(Path out) {
        this.out = out;
    }

    /** The settings tests start from, for {@code seeds}. */
    CrawlConfig.Builder settings(String... seeds) {
        return CrawlConfig.builder().seeds(List.of(seeds)).outDir(out)
                .politeness(new PolitenessPolicy(2, Duration.ZERO, Duration.ofSeconds(30)))
                .respectRobots(false).concurrency(4)
                .retry(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofSeconds(5), 10));
    }

    /** Starts a crawl of {@code config} with the system's clocks. */
    CompletableFuture<StopReason> start(CrawlConfig config) throws IOException {
        return start(config, EngineClock.system());
    }

    CompletableFuture<StopReason> start(CrawlConfig config, EngineClock clock) throws IOException {
        return start(config, clock, new InMemoryFrontier());
    }

    /** Starts a crawl of {@code config} on {@code frontier}. */
    CompletableFuture<StopReason> start(CrawlConfig config, dev.crawler.frontier.Frontier frontier) throws IOException {
        return start(config, EngineClock.system(), frontier);
    }

    private CompletableFuture<StopReason> start(CrawlConfig config, EngineClock clock,
            dev.crawler.frontier.Frontier frontier) throws IOException {
        indexWriter = new IndexWriter(out.resolve(Crawler.INDEX_FILE));
        mirror = new MirrorExporter(out);
        PendingIndex pending = new PendingIndex(indexWriter);
        PageProcessor processor = new PageProcessor(Optional.of(mirror), pending, sinks, stats, config.maxDepth());
        coordinator = new CrawlCoordinator(config, new CrawlCoordinator.Io(fetcher, loop, workers, config.concurrency()),
                frontier, new CrawlCoordinator.Output(processor, pending, listener, stats), clock);
        return coordinator.start();
    }

    /** Crawls {@code config} to its end, which must come within 10 s. */
    StopReason crawl(CrawlConfig config) throws Exception {
        return crawl(config, EngineClock.system());
    }

    StopReason crawl(CrawlConfig config, EngineClock clock) throws Exception {
        return start(config, clock).get(10, TimeUnit.SECONDS);
    }

    /** Settings of {@code seeds}, changed by {@code change}, crawled to the end. */
    StopReason crawl(UnaryOperator<CrawlConfig.Builder> change, String... seeds) throws Exception {
        return crawl(change.apply(settings(seeds)).build());
    }

    CrawlCoordinator coordinator() {
        return coordinator;
    }

    /** The index lines by URL, checking that no URL has two. */
    Map<String, JsonNode> index() throws IOException {
        indexWriter.close();
        Map<String, JsonNode> byUrl = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out.resolve(Crawler.INDEX_FILE))) {
            JsonNode node = JSON.readTree(line);
            assertThat(byUrl.put(node.get("url").asText(), node)).as("a second index line for %s", node.get("url"))
                    .isNull();
        }
        return byUrl;
    }

    /** What the index says of {@code url}: its status, or its error code, or {@code none}. */
    String outcome(Map<String, JsonNode> index, String url) {
        JsonNode n = index.get(url);
        if (n == null) {
            return "none";
        }
        if (n.hasNonNull("error")) {
            String error = n.get("error").asText();
            int colon = error.indexOf(':');
            return colon < 0 ? error : error.substring(0, colon);
        }
        return String.valueOf(n.get("status").asInt());
    }

    @Override
    public void close() throws Exception {
        fetcher.close();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        workers.shutdown();
        workers.awaitTermination(5, TimeUnit.SECONDS);
        if (indexWriter != null) {
            indexWriter.close();
        }
        if (mirror != null) {
            mirror.close();
        }
    }
}
