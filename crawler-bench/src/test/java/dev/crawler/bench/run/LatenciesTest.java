package dev.crawler.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatenciesTest {

    @Test
    void percentilesAreNearestRank() {
        Latencies l = Latencies.of(LongStream.rangeClosed(1, 100).toArray());
        assertThat(l).isEqualTo(new Latencies(100, 50, 99));
        assertThat(Latencies.of(new long[] {7})).isEqualTo(new Latencies(1, 7, 7));
        assertThat(Latencies.of(new long[0])).isEqualTo(Latencies.NONE);
    }

    @Test
    void readsResponsesOfAnIndexAndSkipsRefusals(@TempDir Path tmp) throws Exception {
        Path index = tmp.resolve("index.jsonl");
        Files.write(index, List.of(
                "{\"url\":\"http://a/\",\"status\":200,\"duration_ms\":10}",
                "{\"url\":\"http://a/p\",\"status\":null,\"duration_ms\":0,\"error\":\"robots_denied: x\"}",
                "",
                "{\"url\":\"http://a/1\",\"status\":404,\"duration_ms\":30}"));
        assertThat(Latencies.of(index)).isEqualTo(new Latencies(2, 10, 30));
    }
}
