package dev.crawler.bench.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run under their file names, in one order, shared by the CSV and the JSON
 * files so that both always carry the same fields.
 */
final class RunFields {

    /**
     * The CSV header, which is also the order of the JSON fields. New fields go at the end, so that
     * a reader that takes columns by position reads an older file and a newer one alike.
     */
    static final List<String> NAMES = List.of("preset", "mode", "concurrency", "status", "pages", "wall_s",
            "pages_per_s", "steady_pages_per_s", "speedup_vs_sync", "cpu_s", "cpu_ms_per_page", "peak_heap_bytes", "peak_rss_bytes",
            "peak_threads", "peak_os_threads", "peak_in_flight", "peak_open_fds", "latency_p50_ms",
            "latency_p99_ms", "server_cpu_s", "server_requests", "server_peak_connections", "stop_reason",
            "fetcher", "detail", "round");

    private RunFields() {
    }

    /** Name to value (numbers as Long or Double, absent ones null), in {@link #NAMES} order. */
    static Map<String, Object> of(BenchReport report, RunResult r) {
        RunMeasurement m = r.m();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("preset", report.plan().preset().label());
        f.put("mode", r.mode().label());
        f.put("concurrency", (long) r.concurrency());
        f.put("status", r.verdict().status().label());
        f.put("pages", m.pages());
        f.put("wall_s", m.wallSeconds());
        f.put("pages_per_s", r.counts() ? r.pagesPerSecond() : null);
        double steady = r.steadyPagesPerSecond();
        f.put("steady_pages_per_s", r.counts() && !Double.isNaN(steady) ? steady : null);
        f.put("speedup_vs_sync", report.speedup(r).orElse(null));
        f.put("cpu_s", m.cpuSeconds());
        f.put("cpu_ms_per_page", r.cpuMillisPerPage());
        f.put("peak_heap_bytes", m.peakHeapBytes());
        f.put("peak_rss_bytes", m.peakRssBytes());
        f.put("peak_threads", (long) m.peakThreads());
        f.put("peak_os_threads", m.peakOsThreads());
        f.put("peak_in_flight", m.peakInFlight());
        f.put("peak_open_fds", m.peakOpenFds());
        f.put("latency_p50_ms", r.latency().p50Millis() < 0 ? null : r.latency().p50Millis());
        f.put("latency_p99_ms", r.latency().p99Millis() < 0 ? null : r.latency().p99Millis());
        f.put("server_cpu_s", r.simCpuSeconds());
        f.put("server_requests", r.simRequests());
        f.put("server_peak_connections", r.simPeakConnections());
        f.put("stop_reason", m.stopReason());
        f.put("fetcher", m.fetcher());
        f.put("detail", r.verdict().detail());
        f.put("round", (long) r.round());
        return f;
    }
}
