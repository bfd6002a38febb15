package dev.crawler.cli.run;

import dev.crawler.CrawlConfig;
import dev.crawler.CrawlSummary;
import dev.crawler.Crawler;
import dev.crawler.cli.config.ConfigException;
import dev.crawler.cli.output.IndexFile;
import dev.crawler.cli.output.IndexLine;
import dev.crawler.cli.progress.ProgressMode;
import dev.crawler.cli.progress.ProgressReporter;
import dev.crawler.cli.progress.SummaryPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one crawl for a command: creates the {@link Crawler}, lets Ctrl-C stop it gracefully,
 * shows progress while it runs, closes it (which flushes the index) and prints the summary.
 */
public final class CrawlRunner {

    private static final Logger log = LoggerFactory.getLogger(CrawlRunner.class);

    private final PrintWriter out;
    private final ProgressMode progress;
    private final ShutdownGuard guard;

    /**
     * @param out where progress and the summary go
     * @param progress how progress is shown ({@link ProgressMode#AUTO} is resolved here)
     * @param guard the command's Ctrl-C guard; it is told how to stop the crawl
     */
    public CrawlRunner(PrintWriter out, ProgressMode progress, ShutdownGuard guard) {
        this.out = out;
        this.progress = progress.resolve();
        this.guard = guard;
    }

    /** The crawler; an output directory that already holds a crawl is a {@link ConfigException}. */
    private static Crawler create(CrawlConfig config) {
        try {
            return Crawler.create(config);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    /** What a finished crawl left: its summary and its index lines. */
    public record Result(CrawlSummary summary, List<IndexLine> index) {
    }

    /**
     * Crawls as {@code config} says and prints the summary.
     *
     * @param logFile the log file, named in the summary
     */
    public Result run(CrawlConfig config, Path logFile) throws IOException {
        CrawlSummary summary;
        try (Crawler crawler = create(config)) {
            guard.onStop(crawler::stop);
            out.println("crawling " + config.seeds().size() + " seed" + (config.seeds().size() == 1 ? "" : "s")
                    + " into " + config.outDir() + " (log: " + logFile + ")");
            out.flush();
            ProgressReporter reporter = ProgressReporter.start(() -> crawler.stats().snapshot(), out, progress);
            try {
                summary = crawler.run();
            } finally {
                reporter.close();
            }
        } finally {
            guard.onStop(() -> {
            });
        }
        Path indexPath = config.outDir().resolve(Crawler.INDEX_FILE);
        List<IndexLine> index = IndexFile.read(indexPath);
        Map<String, Long> errors = IndexFile.errorsByKind(index);
        new SummaryPrinter(out).print(summary, errors, indexPath, logFile);
        log.info("summary: {} pages, {} errors, {} in {} ms", summary.stats().pages(), summary.stats().errors(),
                summary.reason(), summary.stats().elapsedNanos() / 1_000_000);
        return new Result(summary, index);
    }
}
