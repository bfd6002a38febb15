package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code crawler demo} in this JVM on a small simulated web, twice into the same directory. */
class DemoCommandIT {

    @Test
    void theDemoCrawlsTheSimulatedWebAndMatchesItsGroundTruth(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("demo-out");
        String[] args = {"demo", "--out", out.toString(), "--hosts", "3", "--pages", "8", "--latency-ms", "1",
            "--delay", "1ms", "--progress", "none"};

        CliRun first = CliRun.of(args);

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("simulated web: 3 hosts x 8 pages", "crawl finished", "verified: ");
        assertThat(out.resolve("index.jsonl")).isRegularFile();
        assertThat(out.resolve("crawler.log")).isRegularFile();
        try (var hosts = Files.list(out)) {
            assertThat(hosts.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("site-1.sim"));
        }

        CliRun again = CliRun.of(args);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("replaced the output of an earlier demo", "verified: ");
    }

    @Test
    void theDemoWorksInSyncModeToo(@TempDir Path tmp) {
        CliRun run = CliRun.of("demo", "--out", tmp.resolve("out").toString(), "--hosts", "2", "--pages", "5",
                "--latency-ms", "0", "--delay", "0", "--mode", "sync", "--progress", "none");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("verified: ");
    }

    @Test
    void theDemoLeavesAForeignCrawlAlone(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("index.jsonl"), "{\"url\":\"http://x/\"}\n");
        CliRun run = CliRun.of("demo", "--out", out.toString(), "--hosts", "1", "--pages", "1", "--progress", "none");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("the demo did not write");
        assertThat(Files.readString(out.resolve("index.jsonl"))).contains("http://x/");
    }
}
