package dev.crawler.bench.run;

/**
 * What wrk got from the simulated web.
 *
 * @param requestsPerSecond wrk's {@code Requests/sec}
 * @param requests requests completed
 * @param seconds how long it ran
 * @param connections connections it kept open
 * @param threads its threads
 * @param simCpuSeconds CPU time the server used meanwhile
 * @param note how it ran, or why it did not
 */
public record WrkResult(double requestsPerSecond, long requests, double seconds, int connections, int threads,
        double simCpuSeconds, String note) {

    /** wrk was not run; {@code why} says so. */
    static WrkResult skipped(String why) {
        return new WrkResult(0, 0, 0, 0, 0, 0, why);
    }

    public boolean ran() {
        return requests > 0;
    }
}
