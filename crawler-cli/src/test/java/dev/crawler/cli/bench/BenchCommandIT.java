package dev.crawler.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawler.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code crawler bench} for real on a tiny web: the server in its own process, every mode in a
 * crawler JVM of its own, each run checked against the ground truth, then the files. Timings are
 * not checked (they belong to the benchmark, not to a test).
 */
class BenchCommandIT {

    private record Run(int exitCode, String out) {
    }

    private static Run bench(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(out, true));
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Run(cmd.execute(all), out.toString());
    }

    @Test
    void everyModeCrawlsATinyWebRightAndTheFilesHaveTheirShape(@TempDir Path tmp) throws Exception {
        Run run = bench("--preset", "scale", "--hosts", "2", "--pages", "6", "--links", "3", "--latency-ms", "5",
                "--concurrency", "8", "--modes", "all", "--budget", "30s", "--warmup", "300ms", "--sample-ms", "20",
                "--out", tmp.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        for (BenchMode mode : BenchMode.values()) {
            assertThat(run.out()).as(run.out()).containsPattern("\\] " + mode.label().replace("/", "\\/")
                    + " \\.\\.\\. ok: \\d+ pages");
        }
        Path dir = tmp.resolve("scale");
        List<String> csv = Files.readAllLines(dir.resolve("scale.csv"));
        assertThat(csv).hasSize(1 + BenchMode.values().length);
        assertThat(csv.get(0)).isEqualTo(String.join(",", RunFields.NAMES));
        assertThat(csv.subList(1, csv.size())).allSatisfy(row -> assertThat(row).contains(",ok,"));

        JsonNode json = new ObjectMapper().readTree(dir.resolve("scale.json").toFile());
        long groundTruth = json.get("web").get("ground_truth_urls").asLong();
        assertThat(groundTruth).isPositive();
        for (JsonNode r : json.get("runs")) {
            assertThat(r.get("status").asText()).isEqualTo("ok");
            assertThat(r.get("detail").asText()).startsWith("verified: " + groundTruth + "/" + groundTruth);
            assertThat(r.get("pages").asLong()).isEqualTo(groundTruth);
            assertThat(r.get("cpu_s").asDouble()).isPositive();
            assertThat(r.get("peak_rss_bytes").asLong()).isPositive();
            assertThat(r.get("server_requests").asLong()).isGreaterThanOrEqualTo(groundTruth);
            assertThat(r.get("series")).isNotEmpty();
        }
        assertThat(json.get("runs").get(3).get("fetcher").asText()).isEqualTo("busy-poll");
        ReportFilesTest.assertValidPng(dir.resolve("scale.png"));
        assertThat(dir.resolve("runs/async-epoll/index.jsonl")).isRegularFile();
        assertThat(dir.resolve("runs/async-epoll/warmup")).doesNotExist(); // page trees removed after the check
    }

    @Test
    void aRunStoppedByTheBudgetIsComparedByRateAndNotFailed(@TempDir Path tmp) throws Exception {
        Run run = bench("--preset", "seed", "--latency-ms", "200", "--modes", "sync", "--budget", "500ms",
                "--warmup", "0", "--out", tmp.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("[1/1] sync ... budget: ");
        JsonNode r = new ObjectMapper().readTree(tmp.resolve("seed/seed.json").toFile()).get("runs").get(0);
        assertThat(r.get("status").asText()).isEqualTo("budget");
        assertThat(r.get("stop_reason").asText()).isEqualTo("STOPPED");
        assertThat(r.get("pages").asLong()).isBetween(1L, 19L);
        assertThat(r.get("pages_per_s").asDouble()).isPositive();
    }

    @Test
    void throughputMeasuresWrkWhenItIsInstalledAndSaysSoWhenItIsNot(@TempDir Path tmp) throws Exception {
        Run run = bench("--preset", "throughput", "--page-profile", "plain", "--hosts", "2", "--pages", "5", "--links", "2",
                "--page-bytes", "1000",
                "--modes", "epoll", "--warmup", "0", "--wrk-duration", "1s", "--out", tmp.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        JsonNode wrk = new ObjectMapper().readTree(tmp.resolve("throughput/throughput.json").toFile()).get("wrk");
        if (WrkProbe.find().isPresent()) {
            assertThat(wrk.get("requests").asLong()).as(run.out()).isPositive();
            assertThat(run.out()).containsPattern("wrk: [0-9.]+ requests/s");
        } else {
            assertThat(wrk.get("requests").asLong()).isZero();
            assertThat(run.out()).contains("wrk is not installed (Debian package wrk), so the comparison was skipped");
        }
    }
}
