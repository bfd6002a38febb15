package dev.crawler.bench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Fetch latency percentiles of a run, from the {@code duration_ms} of every response in its
 * {@code index.jsonl} (whole milliseconds, as the index records them; robots.txt fetches are not
 * in the index).
 *
 * @param count responses
 * @param p50Millis median
 * @param p99Millis 99th percentile (nearest rank)
 */
public record Latencies(int count, long p50Millis, long p99Millis) {

    static final Latencies NONE = new Latencies(0, -1, -1);

    static Latencies of(Path index) throws IOException {
        ObjectMapper json = new ObjectMapper();
        long[] durations = new long[1024];
        int n = 0;
        try (BufferedReader r = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                if (node.hasNonNull("status") && node.has("duration_ms")) {
                    if (n == durations.length) {
                        durations = Arrays.copyOf(durations, n * 2);
                    }
                    durations[n++] = node.get("duration_ms").asLong();
                }
            }
        }
        return of(Arrays.copyOf(durations, n));
    }

    static Latencies of(long[] durations) {
        if (durations.length == 0) {
            return NONE;
        }
        long[] sorted = durations.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99));
    }

    private static long rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
