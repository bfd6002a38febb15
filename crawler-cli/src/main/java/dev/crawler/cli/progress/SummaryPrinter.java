package dev.crawler.cli.progress;

import dev.crawler.CrawlStats;
import dev.crawler.CrawlSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints the block that ends a crawl: what was fetched, what failed, how fast, and where it went. */
public final class SummaryPrinter {

    private final PrintWriter out;

    public SummaryPrinter(PrintWriter out) {
        this.out = out;
    }

    /**
     * Prints the summary.
     *
     * @param summary how the crawl ended
     * @param errorsByKind this run's errors counted by their index code, robots.txt refusals aside (may be empty)
     * @param index the index file
     * @param log the log file
     * @param memory the process's peak memory
     */
    public void print(CrawlSummary summary, Map<String, Long> errorsByKind, Path index, Path log, MemoryPeaks memory) {
        CrawlStats.Snapshot s = summary.stats();
        out.println();
        out.println("crawl " + reason(summary.reason()) + " (" + summary.fetcher() + ")");
        row("pages", Units.count(s.pages()) + "  (" + Units.rate(s.pagesPerSecond()) + " pages/s)");
        row("http errors", Units.count(s.httpErrors()) + "  (status 4xx and 5xx)");
        row("fetch errors", Units.count(s.errors()) + "  (no response: DNS, refused, timeout, reset)");
        if (!errorsByKind.isEmpty()) {
            row("errors by kind", kinds(errorsByKind));
        }
        row("redirects", Units.count(s.redirects()));
        row("robots-denied", Units.count(s.robotsDenied()));
        row("retries", Units.count(s.retries()) + "  (5xx, 429, resets, timeouts tried again)"
                + (s.hostsGivenUp() > 0 ? "; " + Units.count(s.hostsGivenUp()) + " host(s) given up" : ""));
        row("traps refused", Units.count(s.trapsRefused()) + (s.trapsRefused() > 0 ? "  (" + traps(s) + ")" : ""));
        if (s.linksDropped() > 0) {
            row("links dropped", Units.count(s.linksDropped()) + "  (past --max-links-per-page)");
        }
        if (s.sitemaps() > 0) {
            row("sitemaps", Units.count(s.sitemaps()) + " read, " + Units.count(s.sitemapUrls()) + " URLs listed");
        }
        row("written", Units.count(s.exported()) + " files");
        row("bytes", Units.bytes(s.bytes()));
        row("time", Units.duration(Duration.ofNanos(s.elapsedNanos())));
        row("memory", memory.describe());
        row("output", summary.outDir().toAbsolutePath().normalize().toString());
        row("index", index.toAbsolutePath().normalize().toString());
        row("log", log.toAbsolutePath().normalize().toString());
        out.flush();
    }

    private void row(String label, String value) {
        out.println(String.format(Locale.ROOT, "  %-14s %s", label, value));
    }

    private static String traps(CrawlStats.Snapshot s) {
        return s.traps().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + Units.count(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String kinds(Map<String, Long> errorsByKind) {
        return errorsByKind.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + Units.count(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    public static String reason(CrawlSummary.StopReason reason) {
        return switch (reason) {
            case COMPLETED -> "finished: nothing left to fetch";
            case MAX_PAGES -> "finished: --max-pages reached";
            case MAX_TIME -> "stopped: --max-time passed; run the same command again to go on";
            case MAX_BYTES -> "stopped: --max-bytes fetched; run the same command again to go on";
            case MAX_ERRORS -> "stopped: --max-errors fetches in a row got no response; check the network, then run"
                    + " the same command again to go on";
            case STOPPED -> "stopped early (Ctrl-C); requests in flight were completed and written";
        };
    }
}
