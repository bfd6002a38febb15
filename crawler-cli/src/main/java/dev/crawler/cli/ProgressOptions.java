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

    @Option(names = "--metrics-port", paramLabel = "N",
            description = "Serve the crawl's metrics for Prometheus at http://127.0.0.1:N/metrics while it runs"
                    + " (0: any free port, printed at the start). Default: none")
    Integer metricsPort;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "How crawler.log is written: text, or json (a JSON object a line, for log shippers)."
                    + " Default: ${DEFAULT-VALUE}")
    String logFormat = "text";

    /** The log's format asked for. */
    dev.crawler.cli.run.LogSetup.Format logFormat() {
        return switch (logFormat.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "text" -> dev.crawler.cli.run.LogSetup.Format.TEXT;
            case "json" -> dev.crawler.cli.run.LogSetup.Format.JSON;
            default -> throw new dev.crawler.cli.config.ConfigException("--log-format must be text or json, was '"
                    + logFormat + "'");
        };
    }

    /** The files and the endpoint asked for. */
    CrawlRunner.Reports reports() {
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            throw new dev.crawler.cli.config.ConfigException("--metrics-port must be 0 to 65535, was " + metricsPort);
        }
        return new CrawlRunner.Reports(statsFile, summaryJson, metricsPort == null ? -1 : metricsPort, -1);
    }
}
