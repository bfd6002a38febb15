package dev.crawler.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crawler bench --preset realweb} for real on a tiny tree: the static site in its own
 * process, the crawler as a command-line process, wget2 when installed, then the report. Timings
 * are not checked.
 */
class RealWebBenchIT {

    private static BenchRun bench(String... args) {
        return BenchRun.of(args);
    }

    @Test
    void crawlsATinyTreeWithEachModeAndWget2InTwoRoundsAfterWarmingTheServerAndReportsTheCorpusOnEveryLine(@TempDir Path tmp) throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site/docs")).getParent();
        Files.writeString(site.resolve("index.html"),
                "<a href=\"a.html\">a</a> <a href=\"b.html\">b</a> <a href=\"missing.html\">m</a> <a href=\"docs/\">d</a>");
        Files.writeString(site.resolve("a.html"), "<a href=\"b.html\">b</a>");
        Files.writeString(site.resolve("b.html"), "<a href=\"index.html\">home</a>");
        Files.writeString(site.resolve("docs/index.html"), "<a href=\"../a.html\">a</a>");
        BenchRun run = bench("--preset", "realweb", "--corpus", site.toString(), "--modes", "async/epoll,virtual",
                "--concurrency", "2", "--out", tmp.resolve("out").toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        String corpus = site.toAbsolutePath() + " (4 pages)";
        assertThat(run.out()).contains("== crawler bench realweb ==", "corpus: " + corpus,
                "warming the server: async/epoll at 2 connections for up to 30 s, unmeasured ... ",
                "round 1: async/epoll at 2 connections on " + corpus + " ... ok: 6 pages",
                "round 2: virtual at 2 connections on " + corpus + " ... ok: 6 pages");
        assertThat(run.out().indexOf("round 2: virtual")).as("the second round in the reverse order")
                .isLessThan(run.out().indexOf("round 2: async/epoll"));
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("out/realweb/realweb.json").toFile());
        assertThat(json.get("corpus").get("pages").asLong()).isEqualTo(4);
        boolean wget2 = WrkProbe.onPath("wget2").isPresent();
        assertThat(json.get("runs")).hasSize(wget2 ? 6 : 4);
        for (JsonNode r : json.get("runs")) {
            assertThat(r.get("result").asText()).isEqualTo("ok");
            assertThat(r.get("corpus").asText()).isEqualTo(corpus);
            boolean isWget2 = r.get("crawler").asText().equals("wget2");
            // the crawler: /, /index.html, a, b, missing (404), docs/; wget2 writes the 4 files it got
            assertThat(r.get("pages").asLong()).isEqualTo(isWget2 ? 4 : 6);
            assertThat(r.get("requests").asLong()).isGreaterThanOrEqualTo(5);
            assertThat(r.get("firstRequestMillis").asLong()).isNotNegative();
            assertThat(r.get("peakRssBytes").asLong()).isPositive();
            assertThat(r.get("round").asInt()).isBetween(1, 2);
            if (isWget2) {
                assertThat(r.get("peakHeapBytes").asLong()).as("wget2 has no Java heap").isEqualTo(-1);
            } else {
                assertThat(r.get("peakHeapBytes").asLong()).as("from the crawler's log").isPositive();
            }
        }
        List<String> table = run.out().lines().filter(l -> l.endsWith(corpus) && !l.contains("...")).toList();
        assertThat(table).as(run.out()).hasSize(wget2 ? 6 : 4);
        if (wget2) {
            assertThat(run.out()).contains("async/epoll against wget2 at 2 connections: wall ", "(median of 2 and 2 runs)");
        }
        assertThat(Files.readString(tmp.resolve("out/realweb/realweb.md"))).contains("Corpus: " + corpus, "| crawler |");
        assertThat(run.out()).doesNotContain(wget2 ? "wget2: not installed" : "wget2 at");
    }

    @Test
    void aMissingCorpusSaysToRunTheDepsScript(@TempDir Path tmp) {
        BenchRun run = bench("--preset", "realweb", "--corpus", tmp.resolve("none").toString(), "--out", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("the realweb corpus " + tmp.resolve("none") + " is missing: run ./src/scripts/realweb-deps");
    }
}
