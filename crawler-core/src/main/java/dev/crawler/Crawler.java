package dev.crawler;

import dev.crawler.engine.CrawlCoordinator;
import dev.crawler.engine.CrawlState;
import dev.crawler.engine.EngineClock;
import dev.crawler.engine.EngineStats;
import dev.crawler.engine.Failures;
import dev.crawler.engine.FetcherFactory;
import dev.crawler.engine.PageProcessor;
import dev.crawler.engine.PendingIndex;
import dev.crawler.export.IndexRecovery;
import dev.crawler.export.IndexWriter;
import dev.crawler.export.MirrorExporter;
import dev.crawler.export.WarcExporter;
import dev.crawler.fetch.Fetcher;
import dev.crawler.frontier.DurableFrontier;
import dev.crawler.frontier.FrontierStore;
import dev.crawler.frontier.JournalEntry;
import dev.crawler.frontier.RocksFrontierStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A crawl: wires frontier, politeness, robots, fetcher, parser, sinks and listeners, runs them and
 * shuts them down in order.
 *
 * <pre>{@code
 * CrawlConfig config = CrawlConfig.builder().seeds(List.of("https://example.com/")).build();
 * try (Crawler crawler = Crawler.create(config)) {
 *     CrawlSummary summary = crawler.run();
 * }
 * }</pre>
 *
 * <p>A library user adds their own outputs and hears of each URL's outcome:
 *
 * <pre>{@code
 * try (Crawler crawler = Crawler.builder(config.toBuilder().mirror(false).build())
 *         .sink(outcome -> outcome.response().ifPresent(r -> words.count(r.body())))
 *         .listener(new CrawlListener() {
 *             public void committed(CrawlOutcome o) { if (enough()) crawler.stop(); }
 *         })
 *         .build()) {
 *     CompletableFuture<CrawlSummary> done = crawler.start();
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #run()} blocks until nothing is left to fetch, the page budget is spent, or
 * {@link #stop()} is called (from another thread, such as a signal handler); {@link #start()} is
 * the same without blocking. Closing stops the fetcher, waits for the workers, writes the
 * frontier's last changes and closes the sinks.
 *
 * <h2>What a crawl writes</h2>
 *
 * <p>In the output directory: {@code index.jsonl}, one line per URL (the crawl's record, which
 * a resumed crawl relies on); the crawl state ({@code .crawl-state}, unless placed elsewhere);
 * the mirror tree of pages unless {@link CrawlConfig.Builder#mirror(boolean) mirror} is off; WARC
 * files if {@link CrawlConfig#warc()} asks for them. The builder's sinks get every outcome too.
 *
 * <h2>Durable crawls</h2>
 *
 * <p>The frontier and the seen set live in RocksDB in the state directory
 * ({@code OUT/.crawl-state} unless set), so creating a crawler on an output directory that holds a
 * crawl continues it ({@link ResumeMode}): the seen set and the queues are loaded, the seeds of
 * earlier runs are kept (the scope is relative to their hosts) and new ones added, a torn last
 * line of {@code index.jsonl} is cut off, index lines that were made durable but not yet written
 * when the last run died are written, and a WARC file it left open is cut back to its last whole
 * record. Requests that were in flight when it stopped are fetched again; nothing else is.
 */
public final class Crawler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Crawler.class);
    public static final String INDEX_FILE = "index.jsonl";
    /** The directory of WARC files inside the output directory. */
    public static final String WARC_DIR = "warc";
    static final String FRONTIER_DIR = "frontier";
    private static final String SOFTWARE = "dev-crawler/0.1";

    /** Opens the store a crawl keeps its frontier in (a seam for tests). */
    @FunctionalInterface
    interface StoreOpener {
        FrontierStore open(Path dir) throws IOException;
    }

    private CrawlConfig config;
    private final EngineStats engineStats = new EngineStats();
    private final CrawlStats stats = new CrawlStats(engineStats::snapshot);
    private final List<PageSink> userSinks;
    private final CrawlListener listener;
    private final Fetcher givenFetcher;
    private Resumption resumption;
    private FetcherFactory.Wiring wiring;
    private ForkJoinPool workers;
    private IndexWriter index;
    private FrontierStore store;
    private DurableFrontier frontier;
    private MirrorExporter mirror;
    private WarcExporter warc;
    private CrawlCoordinator coordinator;
    private final AtomicBoolean ran = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * What the crawler found in the output directory.
     *
     * @param resumed whether an earlier crawl is continued
     * @param runs runs of this crawl so far, this one included
     * @param queued URLs queued when this run started
     * @param seen URLs seen when this run started
     * @param republished index lines an earlier run made durable but had not written, written now
     * @param tornBytes bytes of a torn last index line cut off
     * @param changes settings that differ from the previous run, as {@code name: old -> new}
     */
    public record Resumption(boolean resumed, int runs, long queued, long seen, int republished, long tornBytes,
            List<String> changes) {
    }

    private Crawler(List<PageSink> sinks, CrawlListener listener, Fetcher fetcher) {
        this.userSinks = List.copyOf(sinks);
        this.listener = listener;
        this.givenFetcher = fetcher;
    }

    /** A crawl of {@code config}, with sinks, listeners, a fetcher or a frontier store of the caller's. */
    public static Builder builder(CrawlConfig config) {
        return new Builder(config);
    }

    /** Collects what a crawl is made of beyond its configuration; {@link #build()} opens it. */
    public static final class Builder {
        private final CrawlConfig config;
        private final List<PageSink> sinks = new ArrayList<>();
        private final List<CrawlListener> listeners = new ArrayList<>();
        private Fetcher fetcher;
        private StoreOpener stores = RocksFrontierStore::open;

        private Builder(CrawlConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** Adds sinks every URL's outcome goes to, after the crawl's own outputs; the crawl closes them. */
        public Builder sink(PageSink... more) {
            for (PageSink sink : more) {
                sinks.add(Objects.requireNonNull(sink, "sink"));
            }
            return this;
        }

        /** Adds a listener, told of each URL's outcome once it is committed. */
        public Builder listener(CrawlListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Fetches with {@code fetcher} instead of the one {@link CrawlConfig#mode()} names; the
         * crawl runs its bookkeeping on a thread of its own, and closes the fetcher.
         */
        public Builder fetcher(Fetcher fetcher) {
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
            return this;
        }

        /**
         * Keeps the frontier in {@code store} instead of RocksDB in the state directory; the crawl
         * closes it. A store that holds a crawl's frontier resumes it.
         */
        public Builder frontierStore(FrontierStore store) {
            Objects.requireNonNull(store, "store");
            this.stores = dir -> store;
            return this;
        }

        /** Test seam: opens the frontier store of the state directory. */
        Builder stores(StoreOpener opener) {
            this.stores = opener;
            return this;
        }

        /**
         * Prepares the crawl: creates the output directory, opens its index and its state, and
         * resumes what an earlier run left there (see {@link ResumeMode}).
         *
         * @throws IllegalArgumentException if the output directory holds a crawl that cannot or may
         *     not be resumed, or holds none and {@link ResumeMode#REQUIRE} was asked for
         * @throws UncheckedIOException if the output or state directory cannot be created, written
         *     or locked (another crawler uses it)
         */
        public Crawler build() {
            List<CrawlListener> all = List.copyOf(listeners);
            CrawlListener listener = all.size() == 1 ? all.get(0) : new CrawlListener() {
                @Override
                public void committed(CrawlOutcome outcome) {
                    all.forEach(l -> l.committed(outcome));
                }
            };
            Crawler crawler = new Crawler(sinks, listener, fetcher);
            try {
                crawler.open(config, stores);
                return crawler;
            } catch (IOException e) {
                crawler.close();
                throw new UncheckedIOException(e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                crawler.close();
                throw e;
            }
        }
    }

    private void open(CrawlConfig requested, StoreOpener stores) throws IOException {
        Path out = prepareOutDir(requested.outDir());
        Path stateDir = requested.stateDir();
        Path indexFile = out.resolve(INDEX_FILE);
        Optional<CrawlState> previous = readState(requested, stateDir, indexFile);
        config = previous.map(p -> withEarlierSeeds(requested, p)).orElse(requested);
        Map<String, String> settings = CrawlState.settingsOf(config);
        List<String> changes = previous.map(p -> p.changes(settings)).orElse(List.of());
        int runs = previous.map(CrawlState::runs).orElse(0) + 1;
        store = stores.open(stateDir.resolve(FRONTIER_DIR)); // first: it locks the state against other crawlers
        new CrawlState(config.seeds(), settings, runs, previous.map(CrawlState::started).orElse(Instant.now()))
                .write(stateDir);
        long torn = IndexRecovery.trimTornLine(indexFile);
        index = new IndexWriter(indexFile);
        workers = new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        wiring = givenFetcher != null ? FetcherFactory.of(givenFetcher, config) : FetcherFactory.create(config);
        frontier = DurableFrontier.open(store, wiring.coordinator(), DurableFrontier.Options.defaults());
        int republished = republish(indexFile);
        resumption = new Resumption(previous.isPresent(), runs, frontier.queued(), frontier.seen(), republished, torn,
                changes);
        if (config.mirror()) {
            mirror = new MirrorExporter(out);
        }
        List<PageSink> sinks = new ArrayList<>();
        if (config.warc().enabled()) {
            warc = new WarcExporter(out.resolve(WARC_DIR), config.warc(), config.fetch(), SOFTWARE);
            sinks.add(warc);
        }
        sinks.addAll(userSinks);
        PendingIndex pending = new PendingIndex(index);
        PageProcessor processor = new PageProcessor(Optional.ofNullable(mirror), pending, sinks, engineStats,
                config.maxDepth());
        coordinator = new CrawlCoordinator(config,
                new CrawlCoordinator.Io(wiring.fetcher(), wiring.coordinator(), workers,
                        Math.min(config.concurrency(), wiring.parallelism())),
                frontier, new CrawlCoordinator.Output(processor, pending, listener, engineStats), EngineClock.system());
        if (resumption.resumed()) {
            log.info("resuming crawl in {} (run {}): {} URLs seen, {} queued, {} index lines restored, {} torn bytes cut;"
                    + " settings changed: {}", out, runs, resumption.seen(), resumption.queued(), republished, torn,
                    changes.isEmpty() ? "none" : changes);
        }
    }

    /**
     * Prepares a crawl of {@code config} with the crawl's own outputs alone: the same as
     * {@code builder(config).build()}.
     *
     * @throws IllegalArgumentException if the output directory holds a crawl that cannot or may
     *     not be resumed, or holds none and {@link ResumeMode#REQUIRE} was asked for
     * @throws UncheckedIOException if the output or state directory cannot be created, written or
     *     locked (another crawler uses it)
     */
    public static Crawler create(CrawlConfig config) {
        return builder(config).build();
    }

    /** The seeds an earlier crawl in {@code stateDir} was started with (empty if there is none). */
    public static List<String> savedSeeds(Path stateDir) {
        try {
            return CrawlState.read(stateDir).map(CrawlState::seeds).orElse(List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the crawl state in " + stateDir + ": " + e.getMessage(), e);
        }
    }

    /** What was found in the output directory: a new crawl, or one resumed and how far it got. */
    public Resumption resumption() {
        return resumption;
    }

    /**
     * Crawls until done; returns how it ended. Call once.
     *
     * @throws UncheckedIOException if the crawl had to stop because its state or output could not
     *     be written (disk full, say); what was written stays consistent and the crawl can be resumed
     */
    public CrawlSummary run() {
        try {
            return start().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * Starts crawling and returns at once; the future completes with how the crawl ended, when it
     * has (or with the {@link UncheckedIOException} {@link #run()} would throw). Call once.
     */
    public CompletableFuture<CrawlSummary> start() {
        if (!ran.compareAndSet(false, true)) {
            throw new IllegalStateException("the crawl was already started");
        }
        log.info("crawl starting: {} seeds, mode {}, out {}", config.seeds().size(), wiring.fetcher().describe(),
                config.outDir());
        return coordinator.start().handle((reason, error) -> {
            if (error != null) {
                throw failure(Failures.cause(error));
            }
            CrawlSummary summary = new CrawlSummary(stats.snapshot(), reason, config.outDir(),
                    wiring.fetcher().describe());
            log.info("crawl finished ({}): {}", reason, summary.stats());
            return summary;
        });
    }

    /** Live counters, for progress reporting from any thread. */
    public CrawlStats stats() {
        return stats;
    }

    /** Asks the crawl to stop: nothing new starts; what is under way finishes. Any thread. */
    public void stop() {
        coordinator.stop(null);
    }

    /**
     * Asks the crawl to stop: nothing new starts; requests under way get {@code grace} to finish,
     * and those that do not are left queued for the next run. Any thread.
     */
    public void stop(Duration grace) {
        coordinator.stop(grace);
    }

    public CrawlConfig config() {
        return config;
    }

    /**
     * Stops the fetcher (requests still under way are dropped: they stay queued for the next run),
     * lets the workers finish, writes the frontier's last changes and closes its store, finishes
     * the current WARC file and closes the index.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
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
        userSinks.forEach(Crawler::closeQuietly);
        closeQuietly(mirror);
        closeQuietly(index);
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

    // ---- opening

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
            throw new IllegalArgumentException("out: " + config.outDir() + " already holds a crawl (" + INDEX_FILE
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
        CompletableFuture<Void> done = new CompletableFuture<>();
        wiring.coordinator().execute(() -> {
            journal.forEach(frontier::forget);
            frontier.checkpoint().whenComplete((v, e) -> done.complete(null));
        });
        done.join();
        return written;
    }

    private static UncheckedIOException failure(Throwable cause) {
        IOException io = cause instanceof IOException e ? e
                : cause instanceof UncheckedIOException u ? u.getCause() : new IOException(cause.toString(), cause);
        String reason = cause instanceof UncheckedIOException || cause instanceof IOException ? cause.getMessage()
                : cause.toString();
        return new UncheckedIOException("the crawl stopped: " + reason + ". What was crawled is kept; run the same"
                + " command again to resume once the cause is fixed", io);
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
