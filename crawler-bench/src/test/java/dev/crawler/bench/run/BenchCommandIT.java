package dev.crawler.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crawler bench} for real on a tiny web: the server in its own process, every mode in a
 * crawler JVM of its own, each run checked against the ground truth, then the files. Timings are
 * not checked (they belong to the benchmark, not to a test).
 */
class BenchCommandIT {

    private static BenchRun bench(String... args) {
        return BenchRun.of(args);
    }

    @Test
    void everyModeCrawlsATinyWebRightAndTheFilesHaveTheirShape(@TempDir Path tmp) throws Exception {
        BenchRun run = bench("--preset", "scale", "--hosts", "2", "--pages", "6", "--links", "3", "--latency-ms", "5",
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
        BenchRun run = bench("--preset", "seed", "--latency-ms", "200", "--modes", "sync", "--budget", "500ms",
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
    void roundsRunTheModesInAlternatingOrderAndReportEachRunAndTheMedians(@TempDir Path tmp) throws Exception {
        BenchRun run = bench("--preset", "scale", "--hosts", "2", "--pages", "6", "--links", "3", "--latency-ms", "5",
                "--concurrency", "8", "--modes", "epoll,virtual", "--rounds", "2", "--budget", "30s", "--warmup", "0",
                "--sim-warmup", "5s", "--out", tmp.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).as(run.out())
                .contains("2 rounds, the order reversed every other round (async/epoll, virtual | virtual, async/epoll)")
                .containsPattern("\\[1/4 round 1\\] async/epoll \\.\\.\\. ok: \\d+ pages")
                .containsPattern("\\[2/4 round 1\\] virtual \\.\\.\\. ok: \\d+ pages")
                .containsPattern("\\[3/4 round 2\\] virtual \\.\\.\\. ok: \\d+ pages")
                .containsPattern("\\[4/4 round 2\\] async/epoll \\.\\.\\. ok: \\d+ pages")
                .containsPattern("warming the simulated web: " + Targets.defaultAsync().label().replace("/", "\\/")
                        + " at concurrency 8 for up to 5 s, unmeasured \\.\\.\\. \\d+ pages in ")
                .contains("Warm-up: the simulated web was warmed before the first run by an unmeasured crawl")
                .contains("By mode, over 2 rounds", "targets (on the medians):")
                .containsPattern("(?m)^async/epoll +ok +2 +[0-9.]+ +[0-9.]+ / [0-9.]+ ");
        Path dir = tmp.resolve("scale");
        for (String name : List.of("async-epoll-r1", "virtual-r1", "virtual-r2", "async-epoll-r2")) {
            assertThat(dir.resolve("runs/" + name + "/index.jsonl")).isRegularFile();
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve("scale.json").toFile());
        assertThat(json.get("runs")).extracting(r -> r.get("mode").asText() + " " + r.get("round").asInt())
                .containsExactly("async/epoll 1", "virtual 1", "virtual 2", "async/epoll 2");
        assertThat(json.get("summary")).extracting(r -> r.get("mode").asText()).containsExactly("async/epoll", "virtual");
        for (JsonNode s : json.get("summary")) {
            assertThat(s.get("status").asText()).isEqualTo("ok");
            assertThat(s.get("pages_per_s_by_run")).hasSize(2);
            double median = (s.get("pages_per_s_by_run").get(0).asDouble() + s.get("pages_per_s_by_run").get(1).asDouble()) / 2;
            assertThat(s.get("pages_per_s").asDouble()).isCloseTo(median, org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(json.get("sim_warmup").get("pages").asLong()).isPositive();
        assertThat(json.get("sim_warmup").get("failure").isNull()).isTrue();
        assertThat(dir.resolve("runs/sim-warmup/index.jsonl")).isRegularFile();
        try (var children = Files.list(dir.resolve("runs/sim-warmup"))) {
            assertThat(children.filter(Files::isDirectory).toList()).as("its page files removed with the others'").isEmpty();
        }
        assertThat(Files.readAllLines(dir.resolve("scale.csv"))).hasSize(5);
        ReportFilesTest.assertValidPng(dir.resolve("scale.png"));
    }

    @Test
    void throughputMeasuresWrkWhenItIsInstalledAndSaysSoWhenItIsNot(@TempDir Path tmp) throws Exception {
        BenchRun run = bench("--preset", "throughput", "--page-profile", "plain", "--hosts", "2", "--pages", "5", "--links", "2",
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
        if (Wget2.find().isPresent()) {
            assertThat(tmp.resolve("throughput/runs/wget2")).as("wget2 ran by default").isDirectory();
            assertThat(tmp.resolve("throughput/runs/wget2/" + Wget2Run.PAGES)).as("its pages removed").doesNotExist();
        } else {
            assertThat(run.out()).contains("wget2: " + Wget2.NOT_INSTALLED);
        }
    }

    /**
     * wget2 crawls the same web after the modes: every host (their names are their addresses),
     * robots.txt honoured as by the crawler, as many threads as the crawler's concurrency; its row
     * counts the requests the server answered, which a crawl of the whole web cannot do with fewer
     * than one per page.
     */
    @Test
    void throughputCrawlsTheSameWebWithWget2BesideTheModes(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Wget2.find().isPresent(), "wget2 is not installed");
        int hosts = 2;
        int pages = 20;
        BenchRun run = bench("--preset", "throughput", "--hosts", "" + hosts, "--pages", "" + pages, "--modes", "epoll",
                "--no-wrk", "--warmup", "0", "--budget", "60s", "--keep-pages", "--out", tmp.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("throughput/throughput.json").toFile());
        long truth = json.get("web").get("ground_truth_urls").asLong();
        assertThat(json.get("web").get("host_naming").asText()).isEqualTo("addresses");
        assertThat(json.get("wget2")).as(run.out()).hasSize(1);
        JsonNode w = json.get("wget2").get(0);
        assertThat(w.get("status").asText()).as(run.out()).isEqualTo("ok");
        assertThat(w.get("threads").asInt()).isEqualTo(100);
        assertThat(w.get("requests").asLong()).as(run.out()).isBetween((long) hosts * pages, 3 * truth);
        assertThat(w.get("files").asLong()).isPositive().isLessThanOrEqualTo(w.get("requests").asLong());
        assertThat(w.get("peakRssBytes").asLong()).isPositive();
        assertThat(w.get("note").asText()).contains("--span-hosts", "--domains=127.0.1.1,127.0.1.2", "--max-threads=100")
                .doesNotContain("--no-robots");

        Path wget2Pages = tmp.resolve("throughput/runs/wget2/" + Wget2Run.PAGES);
        try (var files = Files.walk(wget2Pages)) {
            List<String> written = files.filter(Files::isRegularFile).map(f -> wget2Pages.relativize(f).toString()).toList();
            assertThat(written).as("every host crawled").anyMatch(f -> f.startsWith("127.0.1.1"))
                    .anyMatch(f -> f.startsWith("127.0.1.2"));
            assertThat(written).as("robots.txt honoured").noneMatch(f -> f.contains("/private/") || f.contains("/search"));
        }
        assertThat(run.out()).containsPattern("wget2 at 100 threads over the same web \\.\\.\\. ok: \\d+ requests served")
                .containsPattern("(?m)^wget2 +ok +\\d+ ")
                .contains("wget2: pages are the requests the server answered", "async reaches >= wget2's pages/s");
        // throughput runs in 2 rounds by default: its table has a round column, which wget2 (run once, after them) leaves blank
        assertThat(Files.readString(tmp.resolve("throughput/throughput.md"))).containsPattern("(?m)^\\| wget2 \\|  \\| ok \\|");
    }

    @Test
    void noWget2LeavesItOut(@TempDir Path tmp) throws Exception {
        BenchRun run = bench("--preset", "throughput", "--hosts", "2", "--pages", "5", "--modes", "epoll", "--no-wrk",
                "--no-wget2", "--warmup", "0", "--out", tmp.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("throughput/throughput.json").toFile());
        assertThat(json.get("wget2")).isEmpty();
        assertThat(run.out()).doesNotContain("wget2 at", "wget2: ").contains("wget2 not measured (off)");
        assertThat(tmp.resolve("throughput/runs/wget2")).doesNotExist();
    }
}
