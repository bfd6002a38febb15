package dev.crawler.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A mode over its rounds: medians for rates, latency and CPU, the worst run for limits and status. */
class ModeSummaryTest {

    private static final BenchMode A = BenchMode.ASYNC_EPOLL;
    private static final BenchMode B = BenchMode.VIRTUAL;

    @Test
    void theMedianIsTheMiddleOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(ModeSummary.median(7)).isEqualTo(7);
        assertThat(ModeSummary.median(4789, 4168)).isEqualTo(4478.5);
        assertThat(ModeSummary.median(3, 1, 2)).isEqualTo(2);
        assertThat(ModeSummary.median(10, 1, 4, 3)).isEqualTo(3.5);
        assertThat(ModeSummary.median()).isNaN();
    }

    @Test
    void runsAreGroupedByModeAndConcurrencyInTheOrderTheyFirstRan() {
        List<RunResult> runs = List.of(Runs.ok(A, 10, 100, 1).withRound(1), Runs.ok(B, 10, 100, 1).withRound(1),
                Runs.ok(A, 100, 100, 1).withRound(1), Runs.ok(A, 100, 100, 2).withRound(2),
                Runs.ok(B, 10, 100, 2).withRound(2), Runs.ok(A, 10, 100, 2).withRound(2));
        List<ModeSummary> s = ModeSummary.of(runs);
        assertThat(s).extracting(x -> x.name(true)).containsExactly("async/epoll @10", "virtual @10", "async/epoll @100");
        assertThat(s).allSatisfy(x -> assertThat(x.runs()).extracting(RunResult::round).containsExactly(1, 2));
    }

    @Test
    void ratesCpuAndLatencyAreMedians() {
        // 5,000 and 4,000 pages/s; CPU 0.1 and 0.125 ms per page
        RunResult fast = Runs.ok(A, 100, 50_000, 10);
        RunResult slow = Runs.of(A, 100, RunVerdict.Status.OK, 40_000, 10, 32L << 20, 20).withRound(2);
        ModeSummary s = new ModeSummary(A, 100, List.of(fast, slow));
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.pagesPerSecond()).isEqualTo(4500);
        assertThat(s.cpuMillisPerPage()).isCloseTo(0.1125, offset(1e-9));
        assertThat(s.wallSeconds()).isEqualTo(10);
        assertThat(s.serverRequestsPerSecond()).isCloseTo(4500.1, offset(1e-9));
        assertThat(s.each(RunResult::pagesPerSecond)).containsExactly(5000.0, 4000.0);
        assertThat(s.pagesPerSecondSpread()).isCloseTo(1000 / 4500.0, offset(1e-9));
        assertThat(new ModeSummary(A, 100, List.of(fast)).pagesPerSecondSpread()).isZero();

        RunResult a = withP99(fast, 2500);
        RunResult b = withP99(slow, 1700);
        RunResult c = withP99(Runs.ok(A, 100, 45_000, 10).withRound(3), 4600);
        assertThat(new ModeSummary(A, 100, List.of(a, b)).p99Millis()).isEqualTo(2100);
        assertThat(new ModeSummary(A, 100, List.of(a, b, c)).p99Millis()).isEqualTo(2500);
        assertThat(new ModeSummary(A, 100, List.of(a, b, c)).pagesPerSecond()).isEqualTo(4500);
        // a run without latencies (nothing fetched) is left out of the latency median
        assertThat(new ModeSummary(A, 100, List.of(a, withP99(slow, -1))).p99Millis()).isEqualTo(2500);
    }

    @Test
    void limitsAreTheWorstRun() {
        RunResult light = Runs.of(A, 10_000, RunVerdict.Status.PARTIAL, 90_000, 60, 300L << 20, 14);
        RunResult heavy = Runs.of(A, 10_000, RunVerdict.Status.PARTIAL, 80_000, 60, 600L << 20, 16).withRound(2);
        ModeSummary s = new ModeSummary(A, 10_000, List.of(light, heavy));
        assertThat(s.peakHeapBytes()).isEqualTo(600L << 20);
        assertThat(s.peakThreads()).isEqualTo(16);
        assertThat(s.peakInFlight()).isEqualTo(10_000);
    }

    @Test
    void aModeCountsOnlyIfEveryRunDoesAndItsStatusIsItsWorst() {
        RunResult ok = Runs.ok(A, 20, 20, 1);
        RunResult budget = Runs.of(A, 20, RunVerdict.Status.PARTIAL, 10, 1, 1, 1).withRound(2);
        RunResult failed = Runs.of(A, 20, RunVerdict.Status.FAILED, 10, 1, 1, 1).withRound(3);
        assertThat(new ModeSummary(A, 20, List.of(ok)).status()).isEqualTo(RunVerdict.Status.OK);
        assertThat(new ModeSummary(A, 20, List.of(ok, budget)).status()).isEqualTo(RunVerdict.Status.PARTIAL);
        ModeSummary withFailure = new ModeSummary(A, 20, List.of(ok, budget, failed));
        assertThat(withFailure.counts()).isFalse();
        assertThat(withFailure.status()).isEqualTo(RunVerdict.Status.FAILED);
        assertThat(withFailure.firstFailed()).contains(failed);
        assertThat(new ModeSummary(A, 20, List.of(ok, budget)).firstFailed()).isEmpty();
    }

    @Test
    void oneRunIsItsOwnSummary() {
        RunResult r = Runs.ok(A, 256, 23_300, 10);
        ModeSummary s = ModeSummary.of(List.of(r)).getFirst();
        assertThat(s.pagesPerSecond()).isEqualTo(r.pagesPerSecond());
        assertThat(s.steadyPagesPerSecond()).isEqualTo(r.steadyPagesPerSecond());
        assertThat(s.cpuMillisPerPage()).isEqualTo(r.cpuMillisPerPage());
        assertThat(s.p99Millis()).isEqualTo(r.latency().p99Millis());
        assertThat(s.peakHeapBytes()).isEqualTo(r.m().peakHeapBytes());
    }

    @Test
    void aSummaryHoldsOneModeAtOneLevel() {
        assertThatThrownBy(() -> new ModeSummary(A, 10, List.of(Runs.ok(B, 10, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModeSummary(A, 10, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static RunResult withP99(RunResult r, long p99) {
        return new RunResult(r.mode(), r.concurrency(), r.verdict(), r.m(),
                p99 < 0 ? Latencies.NONE : new Latencies(100, p99 / 2, p99), r.simCpuSeconds(), r.simRequests(),
                r.simPeakConnections(), r.round());
    }
}
