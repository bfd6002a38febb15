package dev.crawler.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a bench writes, from made-up runs: CSV and JSON shape, Markdown, and a PNG that is one. */
class ReportFilesTest {

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static BenchReport sample() {
        List<RunResult> runs = List.of(Runs.ok(BenchMode.SYNC, 20, 20, 19.0), Runs.ok(BenchMode.ASYNC_EPOLL, 20, 20, 1.02),
                Runs.of(BenchMode.BUSY_POLL, 20, RunVerdict.Status.FAILED, 12, 1.5, 1 << 20, 3));
        return Runs.report(Preset.SEED.plan(), runs, null);
    }

    @Test
    void writesTheTableTheFilesAndAValidChart(@TempDir Path dir) throws Exception {
        BenchReport report = sample();
        StringWriter text = new StringWriter();
        BenchOutput output = new BenchOutput(report, dir);
        output.writeAll(new PrintWriter(text));

        assertThat(text.toString()).contains("mode", "pages/s", "sync", "async/epoll", "FAILED", "targets:",
                "[met] async finishes in <= 1.15 x the latency");
        List<String> csv = Files.readAllLines(output.csv());
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0)).isEqualTo(String.join(",", RunFields.NAMES));
        assertThat(csv.get(2)).startsWith("seed,async/epoll,20,ok,20,1.0200,19.6078,,18.6275,")
                .endsWith(",\"detail, with a comma\",1"); // the round is the last column, added after detail
        assertThat(csv.get(3)).contains(",FAILED,12,").contains(",,"); // a failed run has no rate

        JsonNode json = new ObjectMapper().readTree(output.json().toFile());
        assertThat(json.get("preset").asText()).isEqualTo("seed");
        assertThat(json.get("machine").get("cores").asInt()).isEqualTo(2);
        assertThat(json.get("web").get("latency_ms").asInt()).isEqualTo(940);
        assertThat(json.get("crawl").get("keep_alive").asBoolean()).isFalse();
        assertThat(json.get("runs")).hasSize(3);
        for (JsonNode run : json.get("runs")) {
            assertThat(run.fieldNames()).toIterable().containsAll(RunFields.NAMES);
            assertThat(run.get("series")).isNotEmpty();
        }
        assertThat(json.get("runs").get(2).get("pages_per_s").isNull()).isTrue();
        assertThat(json.get("targets")).hasSize(2);
        assertThat(json.get("wrk").isNull()).isTrue();

        assertThat(Files.readString(output.markdown())).contains("| mode |", "| async/epoll | ok |", "| target |");
        assertValidPng(output.chart());
    }

    @Test
    void inRoundsEveryRunIsListedWithItsRoundAndEachModeByItsMedian(@TempDir Path dir) throws Exception {
        BenchPlan plan = Preset.THROUGHPUT.plan().withModes(List.of(BenchMode.ASYNC_EPOLL, BenchMode.VIRTUAL))
                .withWrk(false).withWget2(false);
        List<RunResult> runs = List.of(Runs.ok(BenchMode.ASYNC_EPOLL, 100, 41_680, 10),
                Runs.ok(BenchMode.VIRTUAL, 100, 35_050, 10), Runs.ok(BenchMode.VIRTUAL, 100, 58_060, 10).withRound(2),
                Runs.ok(BenchMode.ASYNC_EPOLL, 100, 47_890, 10).withRound(2));
        BenchReport plain = Runs.report(plan, runs, null);
        SimWarmup warm = new SimWarmup(BenchMode.ASYNC_EPOLL, 100, 30, 29_000, 30.2, 21.5, null);
        BenchReport report = new BenchReport(plain.plan(), plain.machine(), plain.simTransport(), plain.groundTruthUrls(),
                plain.runs(), plain.wrk(), plain.wget2(), plain.targets(), java.util.Optional.of(warm));
        StringWriter text = new StringWriter();
        BenchOutput output = new BenchOutput(report, dir);
        output.writeAll(new PrintWriter(text));

        String warmLine = "Warm-up: the simulated web was warmed before the first run by an unmeasured crawl (async/epoll"
                + " at concurrency 100, up to 30 s, in a JVM of its own): 29000 pages in 30.2 s, server CPU 21.5 s.";
        assertThat(text.toString()).contains(warmLine);
        assertThat(Files.readString(output.markdown())).contains(warmLine);
        assertThat(text.toString()).contains("By mode, over 2 rounds (round 1 in the order of --modes, round 2 reversed",
                "median of the two runs, which is their mean", "targets (on the medians):")
                .containsPattern("(?m)^async/epoll +ok +2 +4479 +4168 / 4789 +14% ")
                .containsPattern("(?m)^virtual +ok +2 +4656 +3505 / 5806 +49% ");
        assertThat(new ResultTable(report).lines().get(0)).containsPattern("^mode +round +result");

        List<String> csv = Files.readAllLines(output.csv());
        assertThat(csv).hasSize(5);
        assertThat(csv.get(0)).endsWith(",detail,round");
        assertThat(csv.subList(1, 5)).extracting(l -> l.substring(l.lastIndexOf(',') + 1)).containsExactly("1", "1", "2", "2");

        JsonNode json = new ObjectMapper().readTree(output.json().toFile());
        assertThat(json.get("crawl").get("rounds").asInt()).isEqualTo(2);
        assertThat(json.get("sim_warmup").get("mode").asText()).isEqualTo("async/epoll");
        assertThat(json.get("sim_warmup").get("pages").asLong()).isEqualTo(29_000);
        assertThat(json.get("sim_warmup").get("failure").isNull()).isTrue();
        assertThat(json.get("runs")).extracting(r -> r.get("round").asInt()).containsExactly(1, 1, 2, 2);
        JsonNode summary = json.get("summary");
        assertThat(summary).hasSize(2);
        assertThat(summary.get(0).get("mode").asText()).isEqualTo("async/epoll");
        assertThat(summary.get(0).get("rounds")).extracting(JsonNode::asInt).containsExactly(1, 2);
        assertThat(summary.get(0).get("pages_per_s").asDouble()).isEqualTo(4478.5);
        assertThat(summary.get(0).get("pages_per_s_by_run")).extracting(JsonNode::asDouble).containsExactly(4168.0, 4789.0);
        assertThat(summary.get(0).get("latency_p99_ms").asDouble()).isPositive();
        assertThat(summary.get(0).get("pages_per_s_spread").asDouble()).isCloseTo(621 / 4478.5,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(summary.get(0).get("statistic").asText()).isEqualTo("median (mean of the two middle runs)");

        assertThat(Files.readString(output.markdown())).contains("| mode | round | result |", "| mode | result | runs |",
                "| async/epoll | ok | 2 | 4479 | 4168 / 4789 | 14% |");
        assertValidPng(output.chart()); // two curves per mode: one per round
    }

    @Test
    void aSingleRoundKeepsTheTablesAsTheyWere() {
        BenchReport report = sample();
        assertThat(report.inRounds()).isFalse();
        assertThat(report.simWarmup()).isEmpty();
        assertThat(new SimWarmup(BenchMode.ASYNC_EPOLL, 20, 5, 0, 0, 0.1, "the crawler JVM failed").describe())
                .startsWith("Not warmed: ").endsWith("failed: the crawler JVM failed");
        assertThat(new ResultTable(report).lines().get(0)).containsPattern("^mode +result").doesNotContain("round");
        assertThat(new ResultTable(report).markdown().get(0)).startsWith("| mode | result | pages |");
    }

    @Test
    void aSweepChartIsValidToo(@TempDir Path dir) throws Exception {
        List<RunResult> runs = List.of(Runs.ok(BenchMode.THREADS, 10, 500, 10), Runs.ok(BenchMode.ASYNC_EPOLL, 10, 500, 10),
                Runs.ok(BenchMode.THREADS, 10_000, 9_000, 10), Runs.ok(BenchMode.ASYNC_EPOLL, 10_000, 30_000, 10));
        BenchReport report = Runs.report(Preset.C10K.plan(), runs, null);
        Path png = dir.resolve("c10k.png");
        BenchChart.write(report, png);
        assertValidPng(png);
        assertThat(new ResultTable(report).lines().get(0)).contains("conc");
    }

    static void assertValidPng(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, 8)).isEqualTo(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(BenchChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(BenchChart.HEIGHT);
    }
}
