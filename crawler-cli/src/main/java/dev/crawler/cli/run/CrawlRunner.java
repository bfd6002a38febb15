package dev.crawler.cli.run;

import dev.crawler.CrawlConfig;
import dev.crawler.CrawlSummary;
import dev.crawler.Crawler;
import dev.crawler.cli.config.ConfigException;
import dev.crawler.cli.output.IndexFile;
import dev.crawler.cli.output.IndexLine;
import dev.crawler.cli.progress.MemoryPeaks;
import dev.crawler.cli.progress.ProgressMode;
import dev.crawler.cli.progress.ProgressReporter;
import dev.crawler.cli.progress.StatusFile;
import dev.crawler.cli.progress.StatusJson;
import dev.crawler.cli.progress.SummaryPrinter;
import dev.crawler.cli.ExitCodes;
import dev.crawler.frontier.FrontierOpener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one crawl for a command: creates the {@link Crawler} (which resumes a crawl the output
 * directory holds, and says so), lets Ctrl-C stop it gracefully, shows progress while it runs,
 * closes it (which writes the frontier's state and flushes the output) and prints the summary.
 */
public final class CrawlRunner {

    private static final Logger log = LoggerFactory.getLogger(CrawlRunner.class);

    private final PrintWriter out;
    private final ProgressMode progress;
    private final ShutdownGuard guard;
    private final Duration stopGrace;
    private final boolean keepIndex;
    private final Reports reports;

    /**
     * The files a run writes for programs that watch it.
     *
     * @param statsFile the status, rewritten while it runs ({@link StatusFile}), or null
     * @param summaryJson the summary, as JSON, once it has ended, or null
     * @param metricsPort where {@link MetricsEndpoint} serves the metrics on 127.0.0.1 (0: any
     *     free port), or -1 for no endpoint
     * @param maxErrorRate the share of fetched URLs that may fail (no response, or a 5xx) before a
     *     crawl that ran to its end exits with {@link ExitCodes#ERRORS}; -1 for no such limit
     */
    public record Reports(Path statsFile, Path summaryJson, int metricsPort, double maxErrorRate) {
        /** None. */
        public static final Reports NONE = new Reports(null, null, -1, -1);

        /** The same files, with {@code rate} as the error limit (-1: none). */
        public Reports withMaxErrorRate(double rate) {
            return new Reports(statsFile, summaryJson, metricsPort, rate);
        }
    }

    /**
     * @param out where progress and the summary go
     * @param progress how progress is shown ({@link ProgressMode#AUTO} is resolved here)
     * @param guard the command's Ctrl-C guard; it is told how to stop the crawl
     * @param stopGrace how long requests in flight may take to finish after Ctrl-C
     * @param keepIndex whether {@link Result#index()} holds the index lines (else it is empty)
     */
    public CrawlRunner(PrintWriter out, ProgressMode progress, ShutdownGuard guard, Duration stopGrace,
            boolean keepIndex, Reports reports) {
        this.out = out;
        this.progress = progress.resolve();
        this.guard = guard;
        this.stopGrace = stopGrace;
        this.keepIndex = keepIndex;
        this.reports = reports;
    }

    /** The same with the default grace period of 30 s, keeping the index lines. */
    public CrawlRunner(PrintWriter out, ProgressMode progress, ShutdownGuard guard, Reports reports) {
        this(out, progress, guard, DEFAULT_STOP_GRACE, true, reports);
    }

    /**
     * How the summary's log line gives the peak memory in bytes (-1: unknown), for programs that
     * read the log (the realweb bench reads the crawler's peak heap from it).
     */
    public static final String MEMORY_LOG_FORMAT = "peak-heap-bytes={} peak-rss-bytes={}";

    /** How long requests in flight may take to finish after Ctrl-C, unless told otherwise. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(30);

    /** The crawler; an output directory that already holds a crawl is a {@link ConfigException}. */
    private static Crawler create(CrawlConfig config, FrontierOpener frontier, List<dev.crawler.CrawlListener> listeners) {
        try {
            Crawler.Builder builder = Crawler.builder(config).frontier(frontier);
            listeners.forEach(builder::listener);
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    private void describeStart(Crawler crawler, Path logFile) {
        CrawlConfig config = crawler.config();
        Crawler.Resumption r = crawler.resumption();
        if (r.resumed()) {
            out.println("resuming the crawl in " + config.outDir() + " (run " + r.runs() + "): " + r.seen()
                    + " URLs seen, " + r.queued() + " queued" + (r.republished() > 0
                            ? ", " + r.republished() + " index lines the last run had not written restored" : "")
                    + (r.tornBytes() > 0 ? ", a torn last index line cut off" : "") + " (log: " + logFile + ")");
            if (!r.changes().isEmpty()) {
                out.println("settings changed since the last run (they apply to links found from now on): "
                        + String.join(", ", r.changes()));
            }
        } else {
            out.println("crawling " + config.seeds().size() + " seed" + (config.seeds().size() == 1 ? "" : "s")
                    + " into " + config.outDir() + " (log: " + logFile + ")");
        }
        String proxies = ProxyCheck.describe(config.fetch().proxy());
        if (!proxies.isEmpty()) {
            out.println(proxies);
        }
    }

    /** The metrics endpoint asked for, serving the counts {@code stats} gives (null before the crawl exists), or null. */
    private MetricsEndpoint metrics(java.util.function.Supplier<dev.crawler.CrawlStats.Snapshot> stats) {
        if (reports.metricsPort() < 0) {
            return null;
        }
        java.util.function.Supplier<dev.crawler.CrawlStats.Snapshot> counts = () -> {
            dev.crawler.CrawlStats.Snapshot s = stats.get();
            return s != null ? s : new dev.crawler.CrawlStats.Snapshot(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        };
        try {
            MetricsEndpoint endpoint = MetricsEndpoint.start(reports.metricsPort(), counts);
            out.println("metrics: http://127.0.0.1:" + endpoint.port() + "/metrics");
            return endpoint;
        } catch (IOException e) {
            throw new ConfigException("--metrics-port " + reports.metricsPort() + ": cannot listen on 127.0.0.1:"
                    + reports.metricsPort() + " (" + e.getMessage() + "); give a free port, or 0 for any", e);
        }
    }

    /**
     * The exit code of a run that ended so: {@link ExitCodes#of} its reason, except that a crawl
     * that ran to its end with more than {@link Reports#maxErrorRate()} of its URLs failed is
     * {@link ExitCodes#ERRORS}.
     */
    private int exitCode(CrawlSummary summary, ErrorTally errors) {
        boolean tooMany = reports.maxErrorRate() >= 0 && errors.fetched() > 0
                && errors.failed() > reports.maxErrorRate() * errors.fetched();
        return summary.reason() == CrawlSummary.StopReason.COMPLETED && tooMany ? ExitCodes.ERRORS
                : ExitCodes.of(summary.reason());
    }

    /** {@code --summary-json}: why the crawl ended and its exit code, its counts, errors by kind, memory, files. */
    private void writeSummary(Path file, CrawlSummary summary, ErrorTally errors, Path indexPath, Path logFile,
            MemoryPeaks memory) {
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("reason", summary.reason().name());
        json.put("exitCode", exitCode(summary, errors));
        json.put("failedShare", errors.fetched() == 0 ? 0.0 : (double) errors.failed() / errors.fetched());
        json.put("outcome", SummaryPrinter.reason(summary.reason()));
        json.putAll(StatusJson.counts(summary.stats()));
        json.put("errorsByKind", errors.byKind());
        json.put("peakHeapBytes", memory.heapBytes());
        json.put("peakRssBytes", memory.rssBytes().orElse(-1));
        json.put("index", indexPath.toString());
        json.put("log", logFile.toString());
        try {
            StatusJson.write(file, json);
        } catch (IOException e) {
            out.println("crawler: could not write the summary to " + file + ": " + e.getMessage());
        }
    }

    /** What a finished crawl left: its summary and (when kept) its index lines. */
    public record Result(CrawlSummary summary, List<IndexLine> index, int exitCode) {
    }

    /**
     * Crawls as {@code config} says and prints the summary.
     *
     * @param logFile the log file, named in the summary
     */
    public Result run(CrawlConfig config, Path logFile) throws IOException {
        return run(config, FrontierOpener.DURABLE, logFile);
    }

    /**
     * The same on the frontier {@code frontier} opens (the cluster mode's, for one).
     *
     * @param logFile the log file, named in the summary
     */
    public Result run(CrawlConfig config, FrontierOpener frontier, Path logFile) throws IOException {
        ProxyCheck.reachable(config.fetch().proxy(), config.fetch().connectTimeout());
        CrawlSummary summary;
        MemoryPeaks memory;
        ErrorTally errors = new ErrorTally();
        java.util.concurrent.atomic.AtomicReference<Crawler> running = new java.util.concurrent.atomic.AtomicReference<>();
        MetricsEndpoint metrics = metrics(() -> running.get() == null ? null : running.get().stats().snapshot());
        List<dev.crawler.CrawlListener> listeners = metrics == null ? List.of(errors) : List.of(errors, metrics.listener());
        try (HeapPeak heapPeak = HeapPeak.start(); MetricsEndpoint served = metrics;
                Crawler crawler = create(config, frontier, listeners)) {
            running.set(crawler);
            guard.onStop(() -> crawler.stop(stopGrace));
            describeStart(crawler, logFile);
            out.flush();
            ProgressReporter reporter = ProgressReporter.start(() -> crawler.stats().snapshot(), out, progress);
            StatusFile status = reports.statsFile() == null ? null
                    : StatusFile.start(reports.statsFile(), () -> crawler.stats().snapshot());
            try {
                summary = crawler.run();
            } finally {
                reporter.close();
                if (status != null) {
                    status.close();
                }
            }
            if (status != null) {
                status.ended(summary.reason().name());
            }
            crawler.close(); // its flush and frontier write are part of the crawl's memory
            memory = new MemoryPeaks(heapPeak.bytes(), HeapPeak.maxBytes(), ProcStatus.peakRssBytes());
        } finally {
            guard.onStop(() -> {
            });
        }
        Path indexPath = config.outDir().resolve(Crawler.INDEX_FILE);
        // a crawl's own index may be millions of lines: kept in memory only when asked for (the demo)
        List<IndexLine> index = keepIndex ? IndexFile.read(indexPath) : List.of();
        new SummaryPrinter(out).print(summary, errors.byKind(), indexPath, logFile, memory);
        if (reports.summaryJson() != null) {
            writeSummary(reports.summaryJson(), summary, errors, indexPath, logFile, memory);
        }
        log.info("summary: {} pages, {} errors, {} in {} ms; " + MEMORY_LOG_FORMAT, summary.stats().pages(),
                summary.stats().errors(), summary.reason(), summary.stats().elapsedNanos() / 1_000_000,
                memory.heapBytes(), memory.rssBytes().orElse(-1));
        return new Result(summary, index, exitCode(summary, errors));
    }
}
