package dev.crawler.bench.frontier;

import dev.crawler.cli.ExitCodes;
import dev.crawler.cli.FileTrees;
import dev.crawler.cli.VersionProvider;
import dev.crawler.frontier.DurableFrontier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crawler frontier-bench}: pushes synthetic URLs through the durable frontier and its seen
 * set, without any network, and reports throughput and memory. Run it with a small heap
 * ({@code JAVA_OPTS=-Xmx512m}) to see that memory stays bounded.
 */
@Command(name = "frontier-bench", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = {
            "Pushes synthetic URLs through the durable frontier (RocksDB) and seen set without network:"
                    + " offers every URL (plus as many duplicates), then polls and finishes every one host by"
                    + " host; prints URLs/s in and out, peak and live heap, heap per seen URL, bytes on disk.",
            "Example: JAVA_OPTS=-Xmx512m crawler frontier-bench --urls 10000000 --hosts 100000",
            ""
        },
        footer = ExitCodes.FOOTER)
public final class FrontierBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--urls", paramLabel = "N", defaultValue = "1000000",
            description = "Distinct URLs. Default: ${DEFAULT-VALUE}")
    long urls;

    @Option(names = "--hosts", paramLabel = "N", defaultValue = "10000",
            description = "Hosts the URLs are spread over. Default: ${DEFAULT-VALUE}")
    int hosts;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "frontier-bench-state",
            description = "Where the store goes; must not exist; removed afterwards unless --keep. Default: ${DEFAULT-VALUE}")
    Path dir;

    @Option(names = "--keep", description = "Keep the store directory afterwards.")
    boolean keep;

    @Option(names = "--ready-budget", paramLabel = "N", defaultValue = "65536",
            description = "Most queued URLs kept on the heap over all hosts. Default: ${DEFAULT-VALUE}")
    int readyBudget;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        DurableFrontier.Options d = DurableFrontier.Options.defaults();
        var settings = new FrontierBenchmark.Settings(urls, hosts, dir,
                new DurableFrontier.Options(d.headSize(), readyBudget, d.flushBytes()));
        out.printf("frontier-bench: %,d URLs over %,d hosts, store %s, heap limit %,d MB%n", urls, hosts, dir,
                Runtime.getRuntime().maxMemory() >> 20);
        out.flush();
        FrontierBenchmark.Report r;
        try {
            r = FrontierBenchmark.run(settings, line -> {
                out.println("  " + line);
                out.flush();
            });
        } finally {
            if (!keep) {
                FileTrees.deleteTree(dir);
            }
        }
        out.printf("in:   %,.0f URLs/s (%,d offers incl. duplicates, %.1f s, until written)%n", r.urlsPerSecondIn(),
                r.offers(), r.inSeconds());
        out.printf("out:  %,.0f URLs/s (poll + finish, %.1f s, until written)%n", r.urlsPerSecondOut(), r.outSeconds());
        out.printf("heap: limit %,d MB; peak in use %,d MB (garbage included: the collector fills the heap first);%n",
                r.maxHeapBytes() >> 20, r.peakHeapBytes() >> 20);
        out.printf("      live after a full GC with every URL queued %,d MB (before the run %,d MB)%n",
                r.liveHeapBytes() >> 20, r.baselineHeapBytes() >> 20);
        out.printf("per seen URL: %.1f B of live heap, %.1f B of it the seen set's table%n", r.liveHeapBytesPerUrl(),
                r.seenSetBytesPerUrl());
        out.printf("disk: %,d MB with every URL queued, %,d MB at the end%n", r.diskBytesIn() >> 20,
                r.diskBytesOut() >> 20);
        if (r.peakRssBytes() > 0) {
            out.printf("peak resident memory (heap + RocksDB native): %,d MB%n", r.peakRssBytes() >> 20);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
