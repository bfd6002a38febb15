package dev.crawler.bench.run;

import java.util.List;

/** Made-up runs and reports for tests of what the bench computes and writes from them. */
final class Runs {

    private Runs() {
    }

    static RunResult ok(BenchMode mode, int concurrency, long pages, double wall) {
        return of(mode, concurrency, RunVerdict.Status.OK, pages, wall, 32L << 20, 20);
    }

    static RunResult of(BenchMode mode, int concurrency, RunVerdict.Status status, long pages, double wall,
            long heap, int threads) {
        List<Sample> series = List.of(new Sample(0, 0, 0), new Sample(wall / 2, pages / 2, concurrency),
                new Sample(wall, pages, 0));
        RunMeasurement m = new RunMeasurement(mode.label(), status == RunVerdict.Status.PARTIAL ? "STOPPED" : "COMPLETED",
                status == RunVerdict.Status.PARTIAL, pages, 0, wall, wall / 2, heap, 200L << 20, threads, threads + 10,
                concurrency, concurrency + 20, series);
        return new RunResult(mode, concurrency, new RunVerdict(status, "detail, with a comma"), m,
                new Latencies((int) pages, 100, 120), 0.5, pages + 1, concurrency);
    }

    static BenchReport report(BenchPlan plan, List<RunResult> runs, WrkResult wrk) {
        return report(plan, runs, wrk, List.of());
    }

    static BenchReport report(BenchPlan plan, List<RunResult> runs, WrkResult wrk, List<Wget2Result> wget2) {
        MachineInfo machine = new MachineInfo(2, "Test CPU", "Linux", "25", "2026-11-24T10:00:00Z");
        return new BenchReport(plan, machine, "epoll", 123, runs, java.util.Optional.ofNullable(wrk), wget2,
                Targets.check(plan, runs, wrk, wget2));
    }

    /** wget2 at {@code threads} that got {@code requests} answered in {@code wall} seconds. */
    static Wget2Result wget2(int threads, long requests, double wall) {
        return new Wget2Result(threads, "ok", requests, requests - 2, wall, wall / 4, wall / 8, 40L << 20, 0.3,
                "wget2 --recursive");
    }
}
