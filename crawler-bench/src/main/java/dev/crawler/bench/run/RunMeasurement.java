package dev.crawler.bench.run;

import java.util.List;

/**
 * What a crawler JVM measured about its own run, written as JSON for the bench to read back.
 *
 * @param fetcher the fetcher's own description, such as {@code async/epoll} (shows a transport fallback)
 * @param stopReason how the crawl ended ({@code COMPLETED}, or {@code STOPPED} at the budget)
 * @param budgetHit whether the time budget stopped it
 * @param pages pages done (responses of any status)
 * @param fetchErrors fetches that got no response
 * @param wallSeconds from the start of the crawl to its end (the crawler built beforehand)
 * @param cpuSeconds CPU time (user + system) of the whole crawler process over those seconds
 * @param peakHeapBytes most heap in use, sampled
 * @param peakRssBytes most resident memory of the process over its life ({@code VmHWM})
 * @param peakThreads most live Java platform threads (exact, from the JVM)
 * @param peakOsThreads most threads of the process as the kernel counts them, sampled
 * @param peakInFlight most requests in flight, sampled
 * @param peakOpenFds most open file descriptors (sockets, files), sampled
 * @param series pages done over time
 */
public record RunMeasurement(String fetcher, String stopReason, boolean budgetHit, long pages, long fetchErrors,
        double wallSeconds, double cpuSeconds, long peakHeapBytes, long peakRssBytes, int peakThreads,
        long peakOsThreads, long peakInFlight, long peakOpenFds, List<Sample> series) {

    public RunMeasurement {
        series = List.copyOf(series);
    }
}
