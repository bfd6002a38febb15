package dev.crawler.bench.run;

/**
 * What wget2 did on the simulated web of a bench, shown beside the crawler's modes. Its pages are
 * the requests the server answered during its run (robots.txt, redirects and 404s included), the
 * same counter as the crawler runs' server requests, so that the rates compare whatever each tool
 * writes to disk; the files it wrote are given beside them. Its figures are taken from outside
 * ({@link MeasuredProcess}): wall time from the process's start, so its start-up is included
 * (milliseconds for wget2).
 *
 * @param threads its {@code --max-threads} (the plan's concurrency)
 * @param status {@code ok}, {@code budget} (stopped at the plan's budget, compared by rate),
 *     {@code FAILED (exit N)}, or {@code skipped}
 * @param requests requests the server answered during the run
 * @param files files wget2 wrote
 * @param wallSeconds from its start to its end
 * @param userSeconds its user CPU time
 * @param sysSeconds its system CPU time
 * @param peakRssBytes its peak resident memory (-1 if unknown)
 * @param serverCpuSeconds CPU time the server used meanwhile
 * @param note its command line, or why it did not run
 */
public record Wget2Result(int threads, String status, long requests, long files, double wallSeconds,
        double userSeconds, double sysSeconds, long peakRssBytes, double serverCpuSeconds, String note) {

    /** wget2 was not run; {@code why} says so. */
    static Wget2Result skipped(String why) {
        return new Wget2Result(0, "skipped", 0, 0, 0, 0, 0, -1, 0, why);
    }

    /** Whether its figures may be compared: it ended well, or was stopped by the budget. */
    public boolean counts() {
        return (status.equals("ok") || status.equals("budget")) && requests > 0;
    }

    /** Requests answered per second of its run: its pages/s. */
    public double pagesPerSecond() {
        return wallSeconds <= 0 ? 0 : requests / wallSeconds;
    }

    public double cpuSeconds() {
        return userSeconds + sysSeconds;
    }

    /** CPU milliseconds (user + system) per request answered. */
    public double cpuMillisPerPage() {
        return requests == 0 ? 0 : cpuSeconds() * 1000 / requests;
    }
}
