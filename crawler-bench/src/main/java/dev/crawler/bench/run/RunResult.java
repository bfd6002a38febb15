package dev.crawler.bench.run;

import java.util.List;

/**
 * One run of the bench: which mode at which concurrency, whether it was right, what it measured,
 * and what the server spent meanwhile.
 *
 * @param mode the I/O model
 * @param concurrency most requests in flight allowed
 * @param verdict whether the crawl was right
 * @param m the crawler's own measurement (zeros if it crashed)
 * @param latency fetch latency percentiles
 * @param simCpuSeconds CPU time the server process used during the run
 * @param simRequests requests the server answered during the run (robots.txt included)
 * @param simPeakConnections most connections open at the server during the run
 * @param round the round it ran in, from 1 ({@link BenchPlan#schedule()})
 */
public record RunResult(BenchMode mode, int concurrency, RunVerdict verdict, RunMeasurement m, Latencies latency,
        double simCpuSeconds, long simRequests, long simPeakConnections, int round) {

    public RunResult {
        if (round < 1) {
            throw new IllegalArgumentException("round must be at least 1, was " + round);
        }
    }

    /** A run of the first (or only) round. */
    public RunResult(BenchMode mode, int concurrency, RunVerdict verdict, RunMeasurement m, Latencies latency,
            double simCpuSeconds, long simRequests, long simPeakConnections) {
        this(mode, concurrency, verdict, m, latency, simCpuSeconds, simRequests, simPeakConnections, 1);
    }

    /** A run that produced no measurement. */
    static RunResult crashed(BenchMode mode, int concurrency, int round, String why) {
        RunMeasurement none = new RunMeasurement("-", "CRASHED", false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of());
        return new RunResult(mode, concurrency, RunVerdict.crashed(why), none, Latencies.NONE, 0, 0, 0, round);
    }

    /** The same run, as run in {@code value}. */
    RunResult withRound(int value) {
        return new RunResult(mode, concurrency, verdict, m, latency, simCpuSeconds, simRequests, simPeakConnections,
                value);
    }

    public double pagesPerSecond() {
        return m.wallSeconds() <= 0 ? 0 : m.pages() / m.wallSeconds();
    }

    /**
     * The rate between the moments 10% and 90% of the run's pages were done, from its series: the
     * crawl's steady pace without its start (robots.txt, a frontier filling up) and its end (the
     * last hosts draining); NaN when the series is too short to tell.
     */
    public double steadyPagesPerSecond() {
        List<Sample> s = m.series();
        if (s.isEmpty() || m.pages() < 100) {
            return Double.NaN;
        }
        Sample from = firstReaching(s, m.pages() / 10);
        Sample to = firstReaching(s, m.pages() * 9 / 10);
        return to.seconds() <= from.seconds() ? Double.NaN : (to.pages() - from.pages()) / (to.seconds() - from.seconds());
    }

    private static Sample firstReaching(List<Sample> series, long pages) {
        return series.stream().filter(x -> x.pages() >= pages).findFirst().orElse(series.get(series.size() - 1));
    }

    /**
     * Requests the server answered per second of the crawl (robots.txt included): the rate as the
     * server counts it, the same count as wget2's ({@link Wget2Result#pagesPerSecond()}).
     */
    public double serverRequestsPerSecond() {
        return m.wallSeconds() <= 0 ? 0 : simRequests / m.wallSeconds();
    }

    /** CPU milliseconds of the crawler per page. */
    public double cpuMillisPerPage() {
        return m.pages() == 0 ? 0 : m.cpuSeconds() * 1000 / m.pages();
    }

    /** Whether its figures may be compared: the crawl was right, complete or stopped by the budget. */
    public boolean counts() {
        return verdict.counts();
    }

    /** {@code async/epoll}, or {@code async/epoll @1000} in a sweep. */
    public String name(boolean sweep) {
        return sweep ? mode.label() + " @" + concurrency : mode.label();
    }
}
