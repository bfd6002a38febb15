package dev.crawler.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crawler JVM that cannot start its run says how it ended and what it wrote, not just that it failed. */
class CrawlerJvmIT {

    @Test
    void aCrawlerJvmThatDiesBeforeItIsReadySaysWhy(@TempDir Path tmp) {
        CrawlShape shape = new CrawlShape(2, Duration.ZERO, true, false, true);
        RunSpec spec = RunSpec.of(BenchMode.ASYNC_EPOLL, 4, shape, List.of("not a URL at all"), Map.of(),
                tmp.resolve("run"), Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofSeconds(1));
        try (CrawlerJvm jvm = CrawlerJvm.start(spec, tmp.resolve("run"), 128L << 20)) {
            assertThatThrownBy(() -> jvm.awaitWarm(Duration.ofSeconds(60)))
                    .isInstanceOf(BenchException.class)
                    .hasMessageContaining("ended with exit code")
                    .hasMessageContaining("before it was ready: ")
                    .hasMessageContaining(tmp.resolve("run").resolve(CrawlerJvm.CONSOLE).toString());
        }
    }

    @Test
    void extraJvmOptionsAreSplitOnWhitespace() {
        assertThat(CrawlerJvm.parseJvmOptions(null)).isEmpty();
        assertThat(CrawlerJvm.parseJvmOptions("   ")).isEmpty();
        assertThat(CrawlerJvm.parseJvmOptions(" -Xss2m\t-XX:+UseSerialGC \n-Dx=1 "))
                .containsExactly("-Xss2m", "-XX:+UseSerialGC", "-Dx=1");
    }
}
