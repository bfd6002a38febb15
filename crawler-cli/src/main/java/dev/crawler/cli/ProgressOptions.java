package dev.crawler.cli;

import dev.crawler.cli.progress.ProgressMode;
import dev.crawler.cli.run.CrawlRunner;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --progress}, {@code --stats-file}, {@code --summary-json}: how a crawl shows how far it got, and how it ended. */
final class ProgressOptions {

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "How progress is shown: auto (a live line on a terminal, a log line every 10 s"
                    + " otherwise or when CI is set), line, log, none. Default: ${DEFAULT-VALUE}")
    ProgressMode mode = ProgressMode.AUTO;

    @Option(names = "--stats-file", paramLabel = "FILE",
            description = "Rewrite FILE every 5 s with the crawl's status as JSON (state, counts, rates), whole"
                    + " each time (written beside it, then renamed), and once more when it ends. Default: none")
    Path statsFile;

    @Option(names = "--summary-json", paramLabel = "FILE",
            description = "Write the final summary to FILE as JSON: why the crawl ended, its exit code, its counts"
                    + " and errors by kind. Default: none")
    Path summaryJson;

    /** The files asked for. */
    CrawlRunner.Reports reports() {
        return new CrawlRunner.Reports(statsFile, summaryJson);
    }
}
