package dev.crawler;

import dev.crawler.engine.CrawlParts;
import dev.crawler.engine.Failures;
import dev.crawler.engine.StoreOpener;
import dev.crawler.fetch.Fetcher;
import dev.crawler.frontier.FrontierOpener;
import dev.crawler.frontier.FrontierStore;
import dev.crawler.frontier.RocksFrontierStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * <p>In the output directory: the crawl state ({@code .crawl-state}, unless placed elsewhere);
 * {@code index.jsonl}, one line per URL, unless {@link CrawlConfig.Builder#index(boolean) index}
 * is off; the mirror tree of pages unless {@link CrawlConfig.Builder#mirror(boolean) mirror} is
 * off; WARC files if {@link CrawlConfig#warc()} asks for them. The builder's sinks get every
 * outcome too; with mirror and index off, they are the only output.
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
    private final CrawlParts parts;
    private final CrawlStats stats;
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

    private Crawler(CrawlParts parts) {
        this.parts = parts;
        this.stats = new CrawlStats(parts::snapshot);
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
        private FrontierOpener frontiers = FrontierOpener.DURABLE;

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

        /**
         * Runs the crawl on the frontier {@code opener} opens instead of the durable one (the
         * cluster mode's, whose state lives on Kafka). Not for general use: the engine relies on
         * the frontier's contract ({@link dev.crawler.frontier.Frontier}) in full.
         */
        public Builder frontier(FrontierOpener opener) {
            this.frontiers = Objects.requireNonNull(opener, "opener");
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
            try {
                return new Crawler(CrawlParts.open(config, new CrawlParts.Additions(sinks, listener, fetcher, stores, frontiers)));
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
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
            return CrawlParts.savedSeeds(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the crawl state in " + stateDir + ": " + e.getMessage(), e);
        }
    }

    /** What was found in the output directory: a new crawl, or one resumed and how far it got. */
    public Resumption resumption() {
        return parts.found();
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
        CrawlConfig config = parts.config();
        log.info("crawl starting: {} seeds, mode {}, out {}", config.seeds().size(), parts.fetcher(), config.outDir());
        return parts.start().handle((reason, error) -> {
            if (error != null) {
                throw failure(Failures.cause(error));
            }
            CrawlSummary summary = new CrawlSummary(stats.snapshot(), reason, config.outDir(), parts.fetcher());
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
        parts.stop(null);
    }

    /**
     * Asks the crawl to stop: nothing new starts; requests under way get {@code grace} to finish,
     * and those that do not are left queued for the next run. Any thread.
     */
    public void stop(Duration grace) {
        parts.stop(grace);
    }

    /** The configuration crawled: the one given, with the seeds of an earlier run of this crawl added. */
    public CrawlConfig config() {
        return parts.config();
    }

    /**
     * Stops the fetcher (requests still under way are dropped: they stay queued for the next run),
     * lets the workers finish, writes the frontier's last changes and closes its store, finishes
     * the current WARC file, closes the sinks and the index.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            parts.close();
        }
    }

    private static UncheckedIOException failure(Throwable cause) {
        IOException io = cause instanceof IOException e ? e
                : cause instanceof UncheckedIOException u ? u.getCause() : new IOException(cause.toString(), cause);
        String reason = cause instanceof UncheckedIOException || cause instanceof IOException ? cause.getMessage()
                : cause.toString();
        return new UncheckedIOException("the crawl stopped: " + reason + ". What was crawled is kept; run the same"
                + " command again to resume once the cause is fixed", io);
    }
}
