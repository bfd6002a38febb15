package dev.crawler.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.CrawlStats;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressLineTest {

    private static CrawlStats.Snapshot at(long seconds, long pages, long bytes) {
        return new CrawlStats.Snapshot(Duration.ofSeconds(seconds).toNanos(), pages, bytes, 2, 3, 0, 0, 0, 0, 0, 0,
                0, 321, 16, 0);
    }

    @Test
    void showsCountsTheRateSinceTheLastLineBytesAndTime() {
        String line = ProgressLine.format(at(10, 1000, 0), at(12, 1234, 12_900_000));
        assertThat(line).isEqualTo(
                "pages 1,234 | 117 pages/s | queued 321 | in flight 16 | errors 5 | 12.3 MiB | 0:12");
    }

    @Test
    void theFirstLineUsesTheAverageSinceTheStart() {
        assertThat(ProgressLine.format(null, at(4, 10, 0))).contains("2.5 pages/s");
    }

    @ParameterizedTest(name = "{0} bytes = {1}")
    @CsvSource({"0, 0 B", "1023, 1023 B", "1024, 1.0 KiB", "1536, 1.5 KiB", "12900000, 12.3 MiB",
        "1073741824, 1.0 GiB", "214748364800, 200 GiB"})
    void bytesInBinaryUnits(long bytes, String text) {
        assertThat(Units.bytes(bytes)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} s = {1}")
    @CsvSource({"0, 0:00", "7, 0:07", "754, 12:34", "3723, 1:02:03"})
    void clock(long seconds, String text) {
        assertThat(Units.clock(Duration.ofSeconds(seconds))).isEqualTo(text);
    }
}
