package dev.crawler.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of a bench's runs: round 1 as planned, every other round reversed. */
class BenchScheduleTest {

    private static final BenchMode A = BenchMode.ASYNC_EPOLL;
    private static final BenchMode B = BenchMode.VIRTUAL;
    private static final BenchMode C = BenchMode.THREADS;

    private static BenchPlan plan(Preset preset, List<BenchMode> modes, List<Integer> levels, int rounds) {
        return preset.plan().withModes(modes).withConcurrencies(levels).withRounds(rounds);
    }

    private static String order(BenchPlan plan) {
        return String.join(" ", plan.schedule().stream()
                .map(r -> r.round() + ":" + r.mode().fileName() + (plan.sweep() ? "@" + r.concurrency() : "")).toList());
    }

    @Test
    void oneRoundIsThePlansOrder() {
        assertThat(plan(Preset.THROUGHPUT, List.of(A, B), List.of(100), 1).schedule())
                .containsExactly(new PlannedRun(1, A, 100), new PlannedRun(1, B, 100));
    }

    @Test
    void theSecondRoundIsTheFirstBackwardsAndTheThirdAsTheFirst() {
        assertThat(order(plan(Preset.THROUGHPUT, List.of(A, B), List.of(100), 2)))
                .isEqualTo("1:async-epoll 1:virtual 2:virtual 2:async-epoll");
        assertThat(order(plan(Preset.THROUGHPUT, List.of(A, B, C), List.of(100), 4)))
                .isEqualTo("1:async-epoll 1:virtual 1:threads 2:threads 2:virtual 2:async-epoll"
                        + " 3:async-epoll 3:virtual 3:threads 4:threads 4:virtual 4:async-epoll");
    }

    @Test
    void everyModeRunsAsOftenFirstAsLastOverTwoRounds() {
        List<PlannedRun> runs = plan(Preset.THROUGHPUT, List.of(A, B, C), List.of(100), 2).schedule();
        // positions 0..5: each mode's two positions add up to the same, so a drift over the bench weighs on all alike
        for (BenchMode mode : List.of(A, B, C)) {
            int sum = 0;
            for (int i = 0; i < runs.size(); i++) {
                sum += runs.get(i).mode() == mode ? i : 0;
            }
            assertThat(sum).as(mode.label()).isEqualTo(runs.size() - 1);
        }
    }

    @Test
    void aSweepIsReversedWholeAndSyncRunsOncePerRound() {
        BenchPlan sweep = plan(Preset.C10K, List.of(BenchMode.SYNC, A, B), List.of(10, 1000), 2);
        assertThat(order(sweep)).isEqualTo("1:sync@10 1:async-epoll@10 1:virtual@10 1:async-epoll@1000 1:virtual@1000"
                + " 2:virtual@1000 2:async-epoll@1000 2:virtual@10 2:async-epoll@10 2:sync@10");
        // as before rounds: sync once in all, at the first level
        assertThat(order(sweep.withRounds(1)))
                .isEqualTo("1:sync@10 1:async-epoll@10 1:virtual@10 1:async-epoll@1000 1:virtual@1000");
    }

    @Test
    void runDirectoriesNameTheRoundOnlyInRounds() {
        BenchPlan one = plan(Preset.THROUGHPUT, List.of(A), List.of(100), 1);
        assertThat(Bench.runDirName(one, new PlannedRun(1, A, 100))).isEqualTo("async-epoll");
        BenchPlan two = one.withRounds(2);
        assertThat(Bench.runDirName(two, new PlannedRun(2, A, 100))).isEqualTo("async-epoll-r2");
        BenchPlan sweep = plan(Preset.C10K, List.of(A), List.of(10, 10_000), 2);
        assertThat(Bench.runDirName(sweep, new PlannedRun(1, A, 10_000))).isEqualTo("async-epoll-c10000-r1");
    }

    @Test
    void roundsAreAtLeastOne() {
        assertThatThrownBy(() -> Preset.SEED.plan().withRounds(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rounds must be at least 1");
    }
}
