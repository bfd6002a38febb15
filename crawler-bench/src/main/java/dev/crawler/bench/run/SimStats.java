package dev.crawler.bench.run;

import java.util.HashMap;
import java.util.Map;

/**
 * The simulated web's counters, as its process reports them.
 *
 * @param served requests answered since it started
 * @param accepted connections accepted since it started
 * @param open connections open now
 * @param peakOpen most connections open at once since the previous report
 * @param firstRequestMillis when the first request since the previous report arrived (milliseconds
 *     since the epoch), or -1 if none did or the server does not say (only the static site does)
 */
record SimStats(long served, long accepted, long open, long peakOpen, long firstRequestMillis) {

    /** Parses {@code stats served=N accepted=N open=N peak-open=N [first-ms=T]}. */
    static SimStats parse(String line) {
        if (line == null || !line.startsWith("stats ")) {
            throw new BenchException("the simulated web answered '" + line + "' instead of its stats");
        }
        Map<String, Long> values = new HashMap<>();
        for (String part : line.substring(6).trim().split("\\s+")) {
            int eq = part.indexOf('=');
            values.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
        }
        return new SimStats(values.get("served"), values.get("accepted"), values.get("open"), values.get("peak-open"),
                values.getOrDefault("first-ms", -1L));
    }
}
