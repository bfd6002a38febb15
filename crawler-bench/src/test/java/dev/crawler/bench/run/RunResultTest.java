package dev.crawler.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rates of a run: over the whole run, and steady (between 10% and 90% of its pages). */
class RunResultTest {

    @Test
    void theSteadyRateLeavesOutASlowStartAndASlowEnd() {
        List<Sample> series = new ArrayList<>();
        long pages = 0;
        for (int tenth = 0; tenth <= 120; tenth++) { // 12 s: 1 s at 100/s, 10 s at 1000/s, 1 s at 100/s
            double t = tenth / 10.0;
            series.add(new Sample(t, pages, 0));
            pages += t < 1 || t >= 11 ? 10 : 100;
        }
        RunMeasurement m = new RunMeasurement("async/epoll", "COMPLETED", false, pages, 0, 12.1, 6, 1, 1, 1, 1, 1, 1,
                series);
        RunResult r = new RunResult(BenchMode.ASYNC_EPOLL, 256, new RunVerdict(RunVerdict.Status.OK, "ok"), m,
                Latencies.NONE, 0, 0, 0);
        assertThat(r.pagesPerSecond()).isCloseTo(m.pages() / 12.1, org.assertj.core.data.Offset.offset(0.01));
        assertThat(r.steadyPagesPerSecond()).isCloseTo(1000, org.assertj.core.data.Offset.offset(15.0));
    }

    @Test
    void aShortRunHasNoSteadyRate() {
        assertThat(Runs.ok(BenchMode.SYNC, 1, 20, 19).steadyPagesPerSecond()).isNaN();
    }
}
