package dev.crawler;

import dev.crawler.export.IndexWriter;
import dev.crawler.export.MirrorExporter;
import dev.crawler.frontier.InMemoryFrontier;
import dev.crawler.politeness.PolitenessScheduler;
import dev.crawler.robots.RobotsCache;
import dev.crawler.robots.RobotsLoader;
import dev.crawler.robots.RobotsPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A crawl: wires frontier, politeness, robots, fetcher, parser and exporters, runs them and
 * shuts them down in order.
 *
 * <pre>{@code
 * CrawlConfig config = CrawlConfig.builder().seeds(List.of("https://example.com/")).build();
 * try (Crawler crawler = Crawler.create(config)) {
 *     CrawlSummary summary = crawler.run();
 * }
 * }</pre>
 *
 * <p>{@link #run()} blocks until nothing is left to fetch, the page budget is spent, or
 * {@link #stop()} is called (from another thread, such as a shutdown hook). Closing stops the
 * fetcher, waits for the workers, and flushes the index.
 */
public final class Crawler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Crawler.class);
    public static final String INDEX_FILE = "index.jsonl";

    private final CrawlConfig config;
    private final CrawlStats stats = new CrawlStats();
    private final FetcherFactory.Wiring wiring;
    private final ForkJoinPool workers;
    private final IndexWriter index;
    private final MirrorExporter mirror;
    private final CrawlCoordinator coordinator;
    private final AtomicBoolean ran = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Crawler(CrawlConfig config) throws IOException {
        this.config = config;
        Files.createDirectories(config.outDir());
        Path indexFile = config.outDir().resolve(INDEX_FILE);
        if (Files.exists(indexFile) && Files.size(indexFile) > 0) {
            throw new IllegalArgumentException("out: " + config.outDir()
                    + " already holds a crawl (" + INDEX_FILE + "); choose another output directory or remove it");
        }
        this.index = new IndexWriter(indexFile);
        this.mirror = new MirrorExporter(config.outDir());
        this.workers = new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        this.wiring = FetcherFactory.create(config);
        RobotsLoader robots = new RobotsLoader(wiring.fetcher(), new RobotsPolicy(config.robotsAgent()), workers);
        this.coordinator = new CrawlCoordinator(config, wiring.fetcher(), wiring.coordinator(), workers,
                new InMemoryFrontier(), new PolitenessScheduler(config.politeness()), RobotsCache.withDefaults(),
                robots, new PageProcessor(mirror, index, stats), stats,
                Math.min(config.concurrency(), wiring.parallelism()));
    }

    /**
     * Prepares a crawl: creates the output directory and opens its index.
     *
     * @throws IllegalArgumentException if the output directory already holds a crawl
     * @throws UncheckedIOException if the output directory cannot be created or written
     */
    public static Crawler create(CrawlConfig config) {
        try {
            return new Crawler(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare output directory " + config.outDir() + ": " + e.getMessage(), e);
        }
    }

    /** Crawls until done; returns how it ended. Call once. */
    public CrawlSummary run() {
        if (!ran.compareAndSet(false, true)) {
            throw new IllegalStateException("run() was already called");
        }
        log.info("crawl starting: {} seeds, mode {}, out {}", config.seeds().size(), wiring.fetcher().describe(),
                config.outDir());
        CrawlSummary.StopReason reason = coordinator.start().join();
        CrawlSummary summary = new CrawlSummary(stats.snapshot(), reason, config.outDir(), wiring.fetcher().describe());
        log.info("crawl finished ({}): {}", reason, summary.stats());
        return summary;
    }

    /** Live counters, for progress reporting from any thread. */
    public CrawlStats stats() {
        return stats;
    }

    /** Asks the crawl to stop: nothing new starts; what is under way finishes. Any thread. */
    public void stop() {
        coordinator.stop();
    }

    public CrawlConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            wiring.fetcher().close();
            if (wiring.ownsCoordinator()) {
                wiring.coordinator().shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
            workers.shutdown();
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("workers still busy after 30 s; closing the index anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(mirror);
            closeQuietly(index);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
        }
    }
}
