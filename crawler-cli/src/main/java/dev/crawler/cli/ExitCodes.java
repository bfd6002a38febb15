package dev.crawler.cli;

import dev.crawler.CrawlSummary;

/** The exit codes of the {@code crawler} command, as its help footer documents them. */
public final class ExitCodes {

    /** The command did its job. A crawl that met failing pages still ends with 0: they are in the index. */
    public static final int OK = 0;
    /** A fatal error during the run (output not writable, a bug), or the demo's verification failed. */
    public static final int FAILED = 1;
    /** Bad usage: unknown option, bad value, bad config file, no usable seed. Nothing was crawled. */
    public static final int USAGE = 2;
    /** Out of heap: the launcher's JVM stops at once (-XX:+ExitOnOutOfMemoryError); the crawl resumes. */
    public static final int OUT_OF_MEMORY = 3;
    /** A limit the user set stopped the crawl (--max-pages, --max-time, --max-bytes); it resumes. */
    public static final int BUDGET = 4;
    /** --max-errors fetches in a row got no response: the network looks down; the crawl resumes. */
    public static final int NETWORK_DOWN = 5;
    /**
     * The crawl ran to its end, but more of the URLs it fetched failed (no response, or a 5xx)
     * than {@code --max-error-rate} allows.
     */
    public static final int ERRORS = 6;
    /** Stopped by Ctrl-C (SIGINT) or SIGTERM; requests in flight were finished and written. */
    public static final int INTERRUPTED = 130;

    /** The help footer that lists them. */
    public static final String FOOTER = "%nExit codes:%n"
            + "  0    done; pages that failed are listed in index.jsonl, not fatal%n"
            + "  1    fatal error during the run (demo: result differs from ground truth)%n"
            + "  2    bad usage: option, value, config file, or no usable seed%n"
            + "  3    out of heap; run the same command again with more heap to resume%n"
            + "  4    stopped at --max-pages, --max-time or --max-bytes; run it again to resume%n"
            + "  5    stopped after --max-errors fetches in a row got no response (network down?)%n"
            + "  6    done, but more URLs failed (no response or 5xx) than --max-error-rate allows%n"
            + "  130  stopped with Ctrl-C, after a clean stop and the summary%n";

    private ExitCodes() {
    }

    /** The exit code of a crawl that ended for {@code reason}. */
    public static int of(CrawlSummary.StopReason reason) {
        return switch (reason) {
            case COMPLETED -> OK;
            case MAX_PAGES, MAX_TIME, MAX_BYTES -> BUDGET;
            case MAX_ERRORS -> NETWORK_DOWN;
            case STOPPED -> INTERRUPTED;
        };
    }
}
