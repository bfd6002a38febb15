package dev.crawler.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs wget2 over the simulated web of a bench, as the crawler's modes crawl it: from the same
 * seeds, across all its hosts and no others, robots.txt honoured when the crawl honours it, with
 * as many threads as the crawl's concurrency, stopped at the same budget. The web must name its
 * hosts by their addresses ({@link dev.crawler.sim.HostNaming#ADDRESSES}): wget2 cannot be told to
 * resolve names. wget2 has no limit of connections per host, so it may use more than the crawl's
 * per-host limit on one host.
 */
final class Wget2Run {

    /** The directory of a run, under which wget2 writes its pages ({@value #PAGES}) and its output. */
    static final String PAGES = "pages";

    private Wget2Run() {
    }

    /** The command line of wget2 over {@code web} as {@code crawl} crawls it, into {@code pagesDir}. */
    static List<String> command(Path wget2, BenchWeb web, CrawlShape crawl, int threads, Path pagesDir) {
        return Wget2.webCommand(wget2, threads, web.seeds(), web.web().hostNames(), crawl.respectRobots(), pagesDir);
    }

    /**
     * Runs wget2 against {@code sim} and measures it; its pages go to {@code runDir/pages}, which
     * the caller removes when it likes.
     */
    static Wget2Result run(Path wget2, SimProcess sim, BenchWeb web, CrawlShape crawl, int threads, Duration budget,
            Path runDir) throws IOException {
        Files.createDirectories(runDir);
        Path pages = runDir.resolve(PAGES);
        List<String> cmd = command(wget2, web, crawl, threads, pages);
        ExternalRun run = ExternalRun.of(sim, cmd, runDir.resolve("console.out"), budget);
        MeasuredProcess.Usage u = run.usage();
        String status = u.timedOut() ? "budget" : Wget2.succeeded(u.exitCode()) ? "ok" : "FAILED (exit " + u.exitCode() + ")";
        return new Wget2Result(threads, status, run.served(), RunFiles.countFiles(pages), u.wallSeconds(),
                u.userSeconds(), u.sysSeconds(), u.peakRssBytes(), run.serverCpuSeconds(), String.join(" ", cmd));
    }
}
