package dev.crawler.bench.run;

import java.util.Objects;

/**
 * One run of a bench's schedule ({@link BenchPlan#schedule()}).
 *
 * @param round which repetition, from 1
 * @param mode the I/O model
 * @param concurrency most requests in flight
 */
public record PlannedRun(int round, BenchMode mode, int concurrency) {

    public PlannedRun {
        Objects.requireNonNull(mode, "mode");
    }
}
