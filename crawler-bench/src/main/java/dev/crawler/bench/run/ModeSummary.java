package dev.crawler.bench.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * One mode at one concurrency level over every round of a bench: what the summary rows and the
 * targets compare modes by. With one round it is that run's figures.
 *
 * <ul>
 * <li>Rates, times, latencies and CPU per page are the <b>median</b> of the runs; for an even
 *     number of runs, the mean of the two middle ones (with the default two rounds, the mean of
 *     the two runs, one from each order). A median, not the best run, so that a mode gains
 *     nothing from a lucky run, and not a mean, so that one run disturbed by the machine (other
 *     work, the kernel writing back a previous run's pages) weighs less once there are three rounds.
 * <li>Limits (peak heap, peak threads) are the <b>most</b> any run reached and capacities (peak in
 *     flight, connections open at the server) the <b>least</b>: a limit must hold in every round.
 * <li>It {@linkplain #counts() counts} only if every run counts: a mode that failed its check in
 *     one round is failed, whatever its other rounds did.
 * </ul>
 *
 * @param mode the I/O model
 * @param concurrency most requests in flight
 * @param runs its runs, in the order they ran (one per round)
 */
public record ModeSummary(BenchMode mode, int concurrency, List<RunResult> runs) {

    public ModeSummary {
        Objects.requireNonNull(mode, "mode");
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a summary needs at least one run");
        }
        if (runs.stream().anyMatch(r -> r.mode() != mode || r.concurrency() != concurrency)) {
            throw new IllegalArgumentException("every run of a summary must be of " + mode.label() + " at "
                    + concurrency);
        }
    }

    /** One summary per mode and concurrency level, in the order each first ran. */
    static List<ModeSummary> of(List<RunResult> runs) {
        Map<List<Object>, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : runs) {
            groups.computeIfAbsent(List.of(r.mode(), r.concurrency()), k -> new ArrayList<>()).add(r);
        }
        return groups.values().stream().map(g -> new ModeSummary(g.get(0).mode(), g.get(0).concurrency(), g)).toList();
    }

    /**
     * The median of {@code values}: the middle one, or for an even count the mean of the two in
     * the middle; NaN for none.
     */
    static double median(double... values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Whether every run counts (was right, complete or stopped by the budget). */
    public boolean counts() {
        return runs.stream().allMatch(RunResult::counts);
    }

    /** The worst outcome of its runs: FAILED if any failed, else budget if any was stopped, else ok. */
    public RunVerdict.Status status() {
        return runs.stream().map(r -> r.verdict().status()).max(Enum::compareTo).orElseThrow();
    }

    /** The first run that does not count, if any. */
    public Optional<RunResult> firstFailed() {
        return runs.stream().filter(r -> !r.counts()).findFirst();
    }

    /** How many runs it has. */
    public int size() {
        return runs.size();
    }

    /** Median pages per second (of the crawler's own count). */
    public double pagesPerSecond() {
        return medianOf(RunResult::pagesPerSecond);
    }

    /** Median steady rate, of the runs that have one; NaN if none has. */
    public double steadyPagesPerSecond() {
        return median(runs.stream().mapToDouble(RunResult::steadyPagesPerSecond).filter(v -> !Double.isNaN(v)).toArray());
    }

    /** Median requests the server answered per second. */
    public double serverRequestsPerSecond() {
        return medianOf(RunResult::serverRequestsPerSecond);
    }

    /** Median CPU milliseconds of the crawler per page. */
    public double cpuMillisPerPage() {
        return medianOf(RunResult::cpuMillisPerPage);
    }

    /** Median wall seconds. */
    public double wallSeconds() {
        return medianOf(r -> r.m().wallSeconds());
    }

    /** Median of the runs' median latency, of the runs that have one; NaN if none has. */
    public double p50Millis() {
        return median(runs.stream().mapToLong(r -> r.latency().p50Millis()).filter(v -> v >= 0).asDoubleStream().toArray());
    }

    /** Median of the runs' 99th percentile latency, of the runs that have one; NaN if none has. */
    public double p99Millis() {
        return median(runs.stream().mapToLong(r -> r.latency().p99Millis()).filter(v -> v >= 0).asDoubleStream().toArray());
    }

    /** The most heap any run had in use. */
    public long peakHeapBytes() {
        return maxOf(r -> r.m().peakHeapBytes());
    }

    /** The most live Java platform threads any run had. */
    public int peakThreads() {
        return (int) maxOf(r -> r.m().peakThreads());
    }

    /** The least of the runs' peaks of requests in flight: what every run held at once. */
    public long peakInFlight() {
        return runs.stream().mapToLong(r -> r.m().peakInFlight()).min().orElseThrow();
    }

    /** The least of the runs' peaks of connections open at the server. */
    public long simPeakConnections() {
        return runs.stream().mapToLong(RunResult::simPeakConnections).min().orElseThrow();
    }

    /**
     * How far apart its runs' pages/s are: (fastest - slowest) / median; 0 for one run. Where two
     * modes' medians differ by less than this, the bench has not told them apart.
     */
    public double pagesPerSecondSpread() {
        double[] v = runs.stream().mapToDouble(RunResult::pagesPerSecond).toArray();
        double median = median(v);
        return median <= 0 ? 0 : (Arrays.stream(v).max().orElseThrow() - Arrays.stream(v).min().orElseThrow()) / median;
    }

    /** {@code value} of each run, in the order they ran. */
    public List<Double> each(ToDoubleFunction<RunResult> value) {
        return runs.stream().map(value::applyAsDouble).toList();
    }

    private double medianOf(ToDoubleFunction<RunResult> value) {
        return median(runs.stream().mapToDouble(value).toArray());
    }

    private long maxOf(ToLongFunction<RunResult> value) {
        return runs.stream().mapToLong(value).max().orElseThrow();
    }

    /** {@code async/epoll}, or {@code async/epoll @1000} in a sweep. */
    public String name(boolean sweep) {
        return sweep ? mode.label() + " @" + concurrency : mode.label();
    }
}
