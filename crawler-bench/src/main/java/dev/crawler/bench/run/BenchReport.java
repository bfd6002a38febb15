package dev.crawler.bench.run;

import java.util.List;
import java.util.Optional;

/**
 * Everything one bench found, for the table, the CSV and JSON files and the chart.
 *
 * @param plan what was run
 * @param machine where and when
 * @param simTransport the server's transport ({@code epoll})
 * @param groundTruthUrls URLs a complete, correct crawl fetches
 * @param runs every run, in the order they ran (each round in turn)
 * @param wrk wrk against the same web, when the plan asks for it
 * @param wget2 wget2 over the same web, one per concurrency level, when the plan asks for it (one
 *     {@code skipped} result where it is not installed); empty otherwise
 * @param targets the targets for this preset
 * @param simWarmup the crawl that warmed the simulated web first, if the plan asked for one
 */
public record BenchReport(BenchPlan plan, MachineInfo machine, String simTransport, int groundTruthUrls,
        List<RunResult> runs, Optional<WrkResult> wrk, List<Wget2Result> wget2, List<TargetResult> targets,
        Optional<SimWarmup> simWarmup) {

    public BenchReport {
        runs = List.copyOf(runs);
        wget2 = List.copyOf(wget2);
        targets = List.copyOf(targets);
    }

    /** A bench whose simulated web was not warmed first. */
    public BenchReport(BenchPlan plan, MachineInfo machine, String simTransport, int groundTruthUrls,
            List<RunResult> runs, Optional<WrkResult> wrk, List<Wget2Result> wget2, List<TargetResult> targets) {
        this(plan, machine, simTransport, groundTruthUrls, runs, wrk, wget2, targets, Optional.empty());
    }

    /** One per mode and concurrency level, over every round ({@link ModeSummary}), in the order they first ran. */
    public List<ModeSummary> summaries() {
        return ModeSummary.of(runs);
    }

    /** Whether the runs were repeated in rounds (then each row says its round, and the summary is a median). */
    public boolean inRounds() {
        return plan.rounds() > 1;
    }

    /** The pages/s of sync if it counts (the median over its rounds), for speedups. */
    public Optional<Double> syncRate() {
        return summaries().stream().filter(s -> s.mode() == BenchMode.SYNC && s.counts())
                .map(ModeSummary::pagesPerSecond).findFirst();
    }

    /** {@code run}'s rate over sync's, if both count. */
    public Optional<Double> speedup(RunResult run) {
        return run.counts() ? syncRate().filter(s -> s > 0).map(s -> run.pagesPerSecond() / s) : Optional.empty();
    }

    /** {@code summary}'s median rate over sync's, if both count. */
    public Optional<Double> speedup(ModeSummary summary) {
        return summary.counts() ? syncRate().filter(s -> s > 0).map(s -> summary.pagesPerSecond() / s)
                : Optional.empty();
    }

    /** Whether every run was right. */
    public boolean allCounted() {
        return runs.stream().allMatch(RunResult::counts);
    }
}
