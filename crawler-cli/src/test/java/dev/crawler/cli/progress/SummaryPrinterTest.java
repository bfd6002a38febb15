package dev.crawler.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.CrawlStats;
import dev.crawler.CrawlSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SummaryPrinterTest {

    @Test
    void retriesTrapsAndSitemapsAreInTheSummary() {
        Map<String, Long> traps = new LinkedHashMap<>();
        traps.put("trap_url_too_long", 2L);
        traps.put("trap_repeated_segments", 0L);
        traps.put("host_page_cap", 5L);
        CrawlStats.Snapshot s = new CrawlStats.Snapshot(1_000_000_000L, 10, 100, 1, 2, 0, 0, 1, 0, 0, 0, 9, 0, 0, 20,
                4, 1, traps, 99_000, 3, 42);
        StringWriter text = new StringWriter();
        new SummaryPrinter(new PrintWriter(text)).print(new CrawlSummary(s, CrawlSummary.StopReason.COMPLETED,
                Path.of("out"), "async/epoll"), Map.of("host_unavailable", 3L), Path.of("out/index.jsonl"),
                Path.of("out/crawler.log"), new MemoryPeaks(90L << 20, 256L << 20, OptionalLong.of(200L << 20)));
        assertThat(text.toString())
                .contains("retries", "4", "1 host(s) given up")
                .contains("traps refused", "7", "trap_url_too_long 2", "host_page_cap 5")
                .doesNotContain("trap_repeated_segments 0")
                .contains("links dropped", "99,000")
                .contains("sitemaps", "3 read, 42 URLs listed")
                .contains("host_unavailable 3")
                .containsPattern("memory +peak heap 90.0 MiB \\(limit 256 MiB\\), peak RSS 200 MiB");
    }

    @Test
    void theSummaryShowsPeakHeapAndRssOrSaysRssIsUnknown() {
        assertThat(new MemoryPeaks(90L << 20, 256L << 20, OptionalLong.of(200L << 20)).describe())
                .isEqualTo("peak heap 90.0 MiB (limit 256 MiB), peak RSS 200 MiB");
        assertThat(new MemoryPeaks(1536, -1, OptionalLong.empty()).describe()).isEqualTo("peak heap 1.5 KiB, peak RSS n/a");
    }
}
