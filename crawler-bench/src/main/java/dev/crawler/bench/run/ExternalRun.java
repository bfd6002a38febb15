package dev.crawler.bench.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A program run once against the bench's server ({@code crawler crawl}, wget2), measured from
 * outside by {@link MeasuredProcess}, with what the server counted meanwhile. The {@code realweb}
 * preset measures each of its runs this way, the {@code throughput} preset its wget2 run, so
 * that the figures of different programs are taken the same way.
 *
 * @param usage what the process cost (wall time from its start, CPU, peak RSS)
 * @param served requests the server answered while it ran
 * @param firstRequestMillis from the process's start to the server's first request; -1 if none
 *     came or the server does not say (only the static site does)
 * @param serverCpuSeconds CPU time the server used meanwhile
 */
record ExternalRun(MeasuredProcess.Usage usage, long served, long firstRequestMillis, double serverCpuSeconds) {

    /**
     * Runs {@code command} against {@code server}, its output into {@code console}, stopped after
     * {@code limit}.
     */
    static ExternalRun of(SimProcess server, List<String> command, Path console, Duration limit) throws IOException {
        return of(server, command, Map.of(), console, limit);
    }

    /** As {@link #of(SimProcess, List, Path, Duration)}, with {@code env} added to this process's environment. */
    static ExternalRun of(SimProcess server, List<String> command, Map<String, String> env, Path console,
            Duration limit) throws IOException {
        SimStats before = server.stats();
        double cpu0 = server.cpuSeconds();
        MeasuredProcess.Usage usage;
        try {
            usage = MeasuredProcess.run(command, env, console, limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while running " + command.getFirst(), e);
        }
        SimStats after = server.stats();
        long first = after.firstRequestMillis() < 0 ? -1 : Math.max(0, after.firstRequestMillis() - usage.startEpochMillis());
        return new ExternalRun(usage, after.served() - before.served(), first, server.cpuSeconds() - cpu0);
    }
}
