package dev.crawler.engine;

import dev.crawler.CrawlConfig;
import dev.crawler.CrawlListener;
import dev.crawler.CrawlStats;
import dev.crawler.CrawlSummary.StopReason;
import dev.crawler.Crawler;
import dev.crawler.PageSink;
import dev.crawler.ResumeMode;
import dev.crawler.cookies.CookiePersistence;
import dev.crawler.cookies.CookieSession;
import dev.crawler.export.IndexRecovery;
import dev.crawler.export.IndexWriter;
import dev.crawler.export.MirrorExporter;
import dev.crawler.export.WarcExporter;
import dev.crawler.fetch.Fetcher;
import dev.crawler.frontier.Frontier;
import dev.crawler.frontier.FrontierOpener;
import dev.crawler.frontier.FrontierStore;
import dev.crawler.frontier.JournalEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of one crawl, opened from its configuration and the caller's additions, and closed
 * in order: the output directory and its index, the crawl state (resumed if the directory holds a
 * crawl), the frontier and its store, the fetcher and the coordinator's thread, the workers, the
 * mirror tree, WARC files and sinks, and the {@link CrawlCoordinator} that runs them.
 */
public final class CrawlParts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CrawlParts.class);
    static final String FRONTIER_DIR = "frontier";
    /** The cookie jar in the state directory, a Netscape cookies.txt. */
    static final String COOKIES_FILE = "cookies.txt";
    private static final String SOFTWARE = "dev-crawler/0.1";

    /**
     * What the caller adds to a crawl.
     *
     * @param sinks sinks every outcome goes to, after the crawl's own outputs
     * @param listener told of each outcome once committed
     * @param fetcher a fetcher in place of the configured one, or null
     * @param stores opens the frontier's store in the state directory
     * @param frontiers opens the frontier over that store
     */
    public record Additions(List<PageSink> sinks, CrawlListener listener, Fetcher fetcher, StoreOpener stores,
            FrontierOpener frontiers) {
        public Additions {
            sinks = List.copyOf(sinks);
        }
    }

    private final Additions additions;
    private final EngineStats stats = new EngineStats();
    private CrawlConfig config;
    private Crawler.Resumption found;
    private FetcherFactory.Wiring wiring;
    /** The cookie jar kept with the state; null with cookies off. */
    private CookiePersistence cookies;
    private ForkJoinPool workers;
    private IndexWriter index;
    private FrontierStore store;
    private Frontier frontier;
    private MirrorExporter mirror;
    private WarcExporter warc;
    private CrawlCoordinator coordinator;

    private CrawlParts(Additions additions) {
        this.additions = additions;
    }

    /**
     * Opens the parts of a crawl of {@code requested}; on failure, closes what was opened.
     *
     * @throws IllegalArgumentException if the output directory holds a crawl that cannot or may
     *     not be resumed, or holds none and {@link ResumeMode#REQUIRE} was asked for
     * @throws IOException if the output or state directory cannot be created, written or locked
     */
    public static CrawlParts open(CrawlConfig requested, Additions additions) throws IOException {
        CrawlParts parts = new CrawlParts(additions);
        try {
            parts.open(requested);
            return parts;
        } catch (IOException | RuntimeException | Error e) {
            parts.close();
            throw e;
        }
    }

    /** The configuration crawled: the one asked for, with an earlier run's seeds added. */
    public CrawlConfig config() {
        return config;
    }

    /** What was found in the output directory. */
    public Crawler.Resumption found() {
        return found;
    }

    /** The crawl's counters now. */
    public CrawlStats.Snapshot snapshot() {
        return stats.snapshot();
    }

    /** Queues the seeds and starts crawling; the future completes when the crawl is over. */
    public CompletableFuture<StopReason> start() {
        return coordinator.start();
    }

    /**
     * Stops handing out requests; the crawl ends when what is under way has finished, or after
     * {@code grace} (null: no limit), leaving what is still under way queued for the next run.
     * Any thread.
     */
    public void stop(Duration grace) {
        coordinator.stop(grace);
    }

    /** The seeds an earlier crawl in {@code stateDir} was started with (empty if there is none). */
    public static List<String> savedSeeds(Path stateDir) throws IOException {
        return CrawlState.read(stateDir).map(CrawlState::seeds).orElse(List.of());
    }

    /** The fetcher's description, such as {@code async/epoll}. */
    public String fetcher() {
        return wiring.fetcher().describe();
    }

    private void open(CrawlConfig requested) throws IOException {
        Path out = prepareOutDir(requested.outDir());
        Path stateDir = requested.stateDir();
        Path indexFile = out.resolve(Crawler.INDEX_FILE);
        Optional<CrawlState> previous = readState(requested, stateDir, indexFile);
        config = previous.map(p -> withEarlierSeeds(requested, p)).orElse(requested);
        Map<String, String> settings = CrawlSettings.of(config);
        List<String> changes = previous.map(p -> p.changes(settings)).orElse(List.of());
        int runs = previous.map(CrawlState::runs).orElse(0) + 1;
        store = additions.stores().open(stateDir.resolve(FRONTIER_DIR)); // first: it locks the state against other crawlers
        new CrawlState(config.seeds(), settings, runs, previous.map(CrawlState::started).orElse(Instant.now()))
                .write(stateDir);
        long torn = 0;
        if (config.index()) {
            torn = IndexRecovery.trimTornLine(indexFile);
            index = new IndexWriter(indexFile);
        }
        if (config.cookies().enabled()) {
            cookies = CookiePersistence.open(stateDir.resolve(COOKIES_FILE), config.cookies().importFile(),
                    Clock.systemUTC());
            config = config.toBuilder().fetch(config.fetch().withExtras(
                    new CookieSession(config.fetch().extras(), cookies.jar(), Clock.systemUTC()))).build();
        }
        workers = new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        wiring = additions.fetcher() != null ? FetcherFactory.of(additions.fetcher(), config)
                : FetcherFactory.create(config);
        frontier = additions.frontiers().open(store, wiring.coordinator());
        int republished = republish(indexFile);
        found = new Crawler.Resumption(previous.isPresent(), runs, frontier.queued(), frontier.seen(), republished,
                torn, changes);
        if (config.mirror()) {
            mirror = new MirrorExporter(out);
        }
        List<PageSink> sinks = new ArrayList<>();
        if (config.warc().enabled()) {
            warc = new WarcExporter(out.resolve(Crawler.WARC_DIR), config.warc(), config.fetch(), SOFTWARE);
            sinks.add(warc);
        }
        sinks.addAll(additions.sinks());
        PendingIndex pending = new PendingIndex(index);
        PageProcessor processor = new PageProcessor(Optional.ofNullable(mirror), pending, sinks, stats,
                config.maxDepth());
        coordinator = new CrawlCoordinator(config,
                new CrawlCoordinator.Io(wiring.fetcher(), wiring.coordinator(), workers,
                        Math.min(config.concurrency(), wiring.parallelism())),
                frontier, new CrawlCoordinator.Output(processor, pending, additions.listener(), stats), EngineClock.system());
        if (found.resumed()) {
            log.info("resuming crawl in {} (run {}): {} URLs seen, {} queued, {} index lines restored, {} torn bytes cut;"
                    + " settings changed: {}", out, runs, found.seen(), found.queued(), republished, torn,
                    changes.isEmpty() ? "none" : changes);
        }
    }

    /**
     * Stops the fetcher (requests still under way are dropped: they stay queued for the next run),
     * lets the workers finish, writes the frontier's last changes and closes its store, finishes
     * the current WARC file, closes the sinks and the index. Call once.
     */
    @Override
    public void close() {
        if (frontier != null && coordinator != null) {
            checkpointOnCoordinator();
        }
        if (wiring != null) {
            closeQuietly(wiring.fetcher());
            if (wiring.ownsCoordinator()) {
                wiring.coordinator().shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
        if (workers != null) {
            stopWorkers();
        }
        if (frontier != null) {
            closeQuietly(frontier);
        } else if (store != null) {
            closeQuietly(store);
        }
        closeQuietly(warc);
        additions.sinks().forEach(CrawlParts::closeQuietly);
        closeQuietly(mirror);
        closeQuietly(index);
        closeQuietly(cookies);
    }

    /** Has the coordinator write what the frontier has pending, while its thread still runs. */
    private void checkpointOnCoordinator() {
        CompletableFuture<Void> written = new CompletableFuture<>();
        try {
            wiring.coordinator().execute(() -> frontier.checkpoint().whenComplete((v, e) -> written.complete(null)));
            written.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("no checkpoint on the coordinator thread: {}", e.toString());
        }
    }

    private void stopWorkers() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("workers still busy after 30 s; closing the output anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path prepareOutDir(Path out) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IOException("out: " + out + " exists and is not a directory");
        }
        try {
            Files.createDirectories(out);
            Path probe = Files.createTempFile(out, ".write-test-", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IOException("out: cannot write to " + out + " (" + e + ")", e);
        }
        return out;
    }

    /** The previous run's state, after checking that resuming (or not) is what was asked for. */
    private static Optional<CrawlState> readState(CrawlConfig config, Path stateDir, Path indexFile) throws IOException {
        if (Files.exists(stateDir) && !Files.isDirectory(stateDir)) {
            throw new IOException("state: " + stateDir + " exists and is not a directory");
        }
        Optional<CrawlState> previous = CrawlState.read(stateDir);
        boolean holdsIndex = Files.isRegularFile(indexFile) && Files.size(indexFile) > 0;
        if (previous.isEmpty() && Files.isDirectory(stateDir.resolve(FRONTIER_DIR))) {
            // a run that died between creating its store and writing crawl.json: resume with today's seeds
            previous = Optional.of(new CrawlState(List.of(), Map.of(), 0, Instant.now()));
        }
        if (previous.isEmpty() && holdsIndex) {
            throw new IllegalArgumentException("out: " + config.outDir() + " already holds a crawl (" + Crawler.INDEX_FILE
                    + ") without resumable state in " + stateDir + "; choose another output directory or remove it");
        }
        if (previous.isPresent() && config.resume() == ResumeMode.NEVER) {
            throw new IllegalArgumentException("out: " + config.outDir() + " already holds a crawl and --no-resume"
                    + " was given; choose another output directory, or leave out --no-resume to continue it");
        }
        if (previous.isEmpty() && config.resume() == ResumeMode.REQUIRE) {
            throw new IllegalArgumentException("out: " + config.outDir() + " holds no crawl to resume (no "
                    + stateDir.resolve(CrawlState.FILE) + ")");
        }
        return previous;
    }

    private static CrawlConfig withEarlierSeeds(CrawlConfig config, CrawlState previous) {
        LinkedHashSet<String> seeds = new LinkedHashSet<>(previous.seeds());
        seeds.addAll(config.seeds());
        return config.toBuilder().seeds(new ArrayList<>(seeds)).build();
    }

    /**
     * Writes the index lines the last run made durable but may not have written: those whose URL
     * the index does not hold yet. Then drops them from the journal.
     */
    private int republish(Path indexFile) throws IOException {
        List<JournalEntry> journal = frontier.recoveredJournal();
        if (journal.isEmpty()) {
            return 0;
        }
        if (index == null) {
            forget(journal); // no index to write them to in this run
            return 0;
        }
        Map<String, JournalEntry> byUrl = new HashMap<>();
        for (JournalEntry e : journal) {
            IndexRecovery.urlOf(new String(e.record(), StandardCharsets.UTF_8)).ifPresent(u -> byUrl.put(u, e));
        }
        var present = IndexRecovery.present(indexFile, byUrl.keySet());
        int written = 0;
        for (Map.Entry<String, JournalEntry> e : byUrl.entrySet()) {
            if (!present.contains(e.getKey())) {
                index.writeLine(e.getValue().record());
                written++;
            }
        }
        forget(journal);
        return written;
    }

    /** Drops {@code journal}'s entries from the frontier, on the coordinator's thread, and waits. */
    private void forget(List<JournalEntry> journal) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        wiring.coordinator().execute(() -> {
            journal.forEach(frontier::forget);
            frontier.checkpoint().whenComplete((v, e) -> done.complete(null));
        });
        done.join();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            log.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
        }
    }
}
