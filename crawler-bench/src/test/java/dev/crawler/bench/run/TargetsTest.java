package dev.crawler.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The targets, checked on made-up runs: met, missed, and not measured. */
class TargetsTest {

    private static final BenchMode ASYNC = Targets.defaultAsync();

    @Test
    void seedNeedsAsyncWithinTheLatencyAndSixteenTimesSync() {
        BenchPlan plan = Preset.SEED.plan(); // 940 ms: limit 1.081 s
        List<TargetResult> met = Targets.check(plan, List.of(Runs.ok(BenchMode.SYNC, 20, 20, 19.0),
                Runs.ok(ASYNC, 20, 20, 1.05)), null, List.of());
        assertThat(met).extracting(TargetResult::met).containsExactly(true, true);

        List<TargetResult> missed = Targets.check(plan, List.of(Runs.ok(BenchMode.SYNC, 20, 20, 19.0),
                Runs.ok(ASYNC, 20, 20, 1.4)), null, List.of());
        assertThat(missed).extracting(TargetResult::met).containsExactly(false, false);
        assertThat(missed.get(0).verdict()).isEqualTo("MISSED");
        assertThat(missed.get(1).measured()).startsWith("13.6 x");
    }

    @Test
    void aFailedRunNeverMeetsATarget() {
        RunResult failed = Runs.of(ASYNC, 20, RunVerdict.Status.FAILED, 20, 0.5, 1, 1);
        List<TargetResult> t = Targets.check(Preset.SEED.plan(), List.of(Runs.ok(BenchMode.SYNC, 20, 20, 19), failed), null, List.of());
        assertThat(t).extracting(TargetResult::met).containsExactly(false, false);
        assertThat(t.get(0).measured()).contains("FAILED");
    }

    @Test
    void aMissingRunIsNotMeasured() {
        List<TargetResult> t = Targets.check(Preset.SEED.plan(), List.of(Runs.ok(ASYNC, 20, 20, 1.0)), null, List.of());
        assertThat(t.get(0).met()).isTrue();
        assertThat(t.get(1).met()).isNull();
        assertThat(t.get(1).verdict()).isEqualTo("not measured");
    }

    @Test
    void scaleComparesWithTheIdealRate() {
        BenchPlan plan = Preset.SCALE.plan(); // min(200 x 2, 256) / 0.1 s = 2560 pages/s
        assertThat(plan.idealRate(256)).isEqualTo(2560.0);
        assertThat(Targets.check(plan, List.of(Runs.ok(ASYNC, 256, 23_300, 10)), null, List.of()).get(0).met()).isTrue();
        assertThat(Targets.check(plan, List.of(Runs.ok(ASYNC, 256, 20_000, 10)), null, List.of()).get(0).met()).isFalse();
    }

    @Test
    void throughputComparesWithWrkOrSaysItCouldNot() {
        BenchPlan plan = Preset.THROUGHPUT.plan();
        RunResult async = Runs.ok(ASYNC, 100, 50_000, 10); // 5,000 pages/s
        WrkResult wrk = new WrkResult(10_000, 100_000, 10, 100, 2, 4, "wrk");
        TargetResult t = Targets.check(plan, List.of(async), wrk, List.of()).get(0);
        assertThat(t.met()).isTrue();
        assertThat(t.measured()).contains("50%", "CPU ms per page");
        TargetResult none = Targets.check(plan, List.of(async), WrkResult.skipped("wrk is not installed"), List.of()).get(0);
        assertThat(none.met()).isNull();
        assertThat(none.measured()).contains("wrk is not installed");
    }

    @Test
    void throughputComparesWithWget2AsTheServerCountsBoth() {
        BenchPlan plan = Preset.THROUGHPUT.plan();
        RunResult async = Runs.ok(ASYNC, 100, 50_000, 10); // 50,001 requests served in 10 s
        TargetResult met = Targets.check(plan, List.of(async), null, List.of(Runs.wget2(100, 40_000, 10))).get(1);
        assertThat(met.target()).contains("wget2's pages/s");
        assertThat(met.met()).isTrue();
        assertThat(met.measured()).contains("5000 requests/s served to async", "4000 served to wget2 at 100 threads",
                "1.25 x");
        TargetResult missed = Targets.check(plan, List.of(async), null, List.of(Runs.wget2(100, 60_000, 10))).get(1);
        assertThat(missed.met()).isFalse();
        assertThat(missed.measured()).contains("0.83 x");
        // wget2 at another concurrency is the one compared when none ran at async's
        assertThat(Targets.check(plan, List.of(async), null, List.of(Runs.wget2(8, 60_000, 10))).get(1).met()).isFalse();
    }

    @Test
    void throughputWithoutAWget2RunThatCountsIsNotMeasured() {
        BenchPlan plan = Preset.THROUGHPUT.plan();
        RunResult async = Runs.ok(ASYNC, 100, 50_000, 10);
        TargetResult off = Targets.check(plan, List.of(async), null, List.of()).get(1);
        assertThat(off.met()).isNull();
        assertThat(off.measured()).contains("wget2 not measured (off)");
        TargetResult missing = Targets.check(plan, List.of(async), null,
                List.of(Wget2Result.skipped("wget2 is not installed"))).get(1);
        assertThat(missing.met()).isNull();
        assertThat(missing.measured()).contains("skipped: wget2 is not installed");
        Wget2Result failed = new Wget2Result(100, "FAILED (exit 4)", 10, 0, 1, 0.1, 0.1, 1, 0, "wget2");
        assertThat(Targets.check(plan, List.of(async), null, List.of(failed)).get(1).met()).isNull();
        RunResult asyncFailed = Runs.of(ASYNC, 100, RunVerdict.Status.FAILED, 50_000, 10, 1, 1);
        assertThat(Targets.check(plan, List.of(asyncFailed), null, List.of(Runs.wget2(100, 1, 10))).get(1).met())
                .isFalse();
    }

    @Test
    void c10kNeedsTheConnectionsTheHeapAndFlatThreads() {
        BenchPlan plan = Preset.C10K.plan();
        List<RunResult> runs = List.of(Runs.of(ASYNC, 10, RunVerdict.Status.PARTIAL, 500, 60, 40L << 20, 14),
                Runs.of(ASYNC, 10_000, RunVerdict.Status.PARTIAL, 90_000, 60, 300L << 20, 15));
        assertThat(Targets.check(plan, runs, null, List.of())).extracting(TargetResult::met).containsExactly(true, true, true);
        List<RunResult> heavy = List.of(runs.get(0), Runs.of(ASYNC, 10_000, RunVerdict.Status.PARTIAL, 90_000, 60,
                600L << 20, 40));
        assertThat(Targets.check(plan, heavy, null, List.of())).extracting(TargetResult::met).containsExactly(true, false, false);
    }

    @Test
    void inRoundsTheTargetsJudgeTheMedian() {
        BenchPlan plan = Preset.THROUGHPUT.plan().withRounds(2);
        WrkResult wrk = new WrkResult(10_000, 100_000, 10, 100, 2, 4, "wrk");
        // 3,000 pages/s first (cold), 5,400 second: the median 4,200 is 42% of wrk, met; the first run alone is not
        List<RunResult> runs = List.of(Runs.ok(ASYNC, 100, 30_000, 10), Runs.ok(ASYNC, 100, 54_000, 10).withRound(2));
        TargetResult t = Targets.check(plan, runs, wrk, List.of()).get(0);
        assertThat(t.met()).isTrue();
        assertThat(t.measured()).startsWith("4200 pages/s (median of 2 runs: 3000 and 5400 pages/s) vs wrk")
                .contains("42%", "CPU ms per page (median)");
        assertThat(Targets.check(plan, runs.subList(0, 1), wrk, List.of()).get(0).met()).isFalse();

        TargetResult vsWget2 = Targets.check(plan, runs, null, List.of(Runs.wget2(100, 40_000, 10))).get(1);
        assertThat(vsWget2.measured()).contains("4200 requests/s served to async", "median of 2 runs: 3000 and 5400");
        assertThat(vsWget2.met()).isTrue();
    }

    @Test
    void inRoundsAModeThatFailedOnceMisses() {
        BenchPlan plan = Preset.SCALE.plan().withRounds(3);
        List<RunResult> runs = List.of(Runs.ok(ASYNC, 256, 25_000, 10),
                Runs.of(ASYNC, 256, RunVerdict.Status.FAILED, 25_000, 10, 1, 1).withRound(2),
                Runs.ok(ASYNC, 256, 25_000, 10).withRound(3));
        TargetResult t = Targets.check(plan, runs, null, List.of()).get(0);
        assertThat(t.met()).isFalse();
        assertThat(t.measured()).startsWith("async/epoll run of round 2 FAILED: ".replace("async/epoll", ASYNC.label()));
    }

    @Test
    void inRoundsTheC10kLimitsMustHoldInEveryRun() {
        BenchPlan plan = Preset.C10K.plan();
        List<RunResult> runs = List.of(Runs.of(ASYNC, 10, RunVerdict.Status.PARTIAL, 500, 60, 40L << 20, 14),
                Runs.of(ASYNC, 10_000, RunVerdict.Status.PARTIAL, 90_000, 60, 300L << 20, 15),
                Runs.of(ASYNC, 10_000, RunVerdict.Status.PARTIAL, 90_000, 60, 600L << 20, 15).withRound(2),
                Runs.of(ASYNC, 10, RunVerdict.Status.PARTIAL, 500, 60, 40L << 20, 14).withRound(2));
        List<TargetResult> t = Targets.check(plan, runs, null, List.of());
        assertThat(t).extracting(TargetResult::met).containsExactly(true, false, true);
        assertThat(t.get(1).measured()).contains("600 MB", "the most of 2 runs");
        assertThat(t.get(0).measured()).contains("the least of 2 runs");
    }

    @Test
    void inRoundsSeedComparesTheMedianWallTimes() {
        BenchPlan plan = Preset.SEED.plan().withRounds(2); // limit 1.081 s
        List<RunResult> runs = List.of(Runs.ok(BenchMode.SYNC, 20, 20, 19.0), Runs.ok(ASYNC, 20, 20, 1.2),
                Runs.ok(ASYNC, 20, 20, 0.9).withRound(2), Runs.ok(BenchMode.SYNC, 20, 20, 19.0).withRound(2));
        List<TargetResult> t = Targets.check(plan, runs, null, List.of());
        assertThat(t).extracting(TargetResult::met).containsExactly(true, true);
        assertThat(t.get(0).measured()).isEqualTo("1.05 s (1.12 x latency; median of 2 runs: 1.20 and 0.90 s)");
    }
}
