package dev.crawler.cli;

/** The exit codes of the {@code crawler} command, as its help footer documents them. */
public final class ExitCodes {

    /** The command did its job. A crawl that met failing pages still ends with 0: they are in the index. */
    public static final int OK = 0;
    /** A fatal error during the run (output not writable, a bug), or the demo's verification failed. */
    public static final int FAILED = 1;
    /** Bad usage: unknown option, bad value, bad config file, no usable seed. Nothing was crawled. */
    public static final int USAGE = 2;
    /** Stopped by Ctrl-C (SIGINT) or SIGTERM; requests in flight were finished and written. */
    public static final int INTERRUPTED = 130;

    /** The help footer that lists them. */
    public static final String FOOTER = "%nExit codes:%n"
            + "  0    done; pages that failed are listed in index.jsonl, not fatal%n"
            + "  1    fatal error during the run (demo: result differs from ground truth)%n"
            + "  2    bad usage: option, value, config file, or no usable seed%n"
            + "  130  stopped with Ctrl-C, after a clean stop and the summary%n";

    private ExitCodes() {
    }
}
