package dev.crawler.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The realweb preset's options, commands, corpus and measurement, without crawling. */
class RealWebBenchTest {

    private static BenchCommand command(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private static RealWebBench.Settings settings(String... args) {
        return command(args).realWebSettings(new PrintWriter(new StringWriter()), null);
    }

    @Test
    void defaultsAreOneEpollCrawlerAtEightConnectionsAgainstWget2() {
        RealWebBench.Settings s = settings("--preset", "realweb");
        assertThat(s.corpus()).isEqualTo(RealWebCorpus.PYTHON);
        assertThat(s.corpus().dir()).isEqualTo(Path.of("/usr/share/doc/python3.11/html"));
        assertThat(s.modes()).containsExactly(BenchMode.ASYNC_EPOLL);
        assertThat(s.concurrencies()).containsExactly(8);
        assertThat(s.perHost()).isNull();
        assertThat(s.heapBytes()).as("the JVM's default, as the launcher").isZero();
        assertThat(s.wget2()).isTrue();
        assertThat(s.rounds()).as("each run twice, the order reversed in the second round").isEqualTo(2);
        assertThat(s.serverWarmup()).as("an unmeasured crawl warms the server first").isEqualTo(Duration.ofSeconds(30));
        assertThat(s.dir()).isEqualTo(Path.of("bench-out", "realweb"));
    }

    @Test
    void optionsChangeIt() {
        RealWebBench.Settings s = settings("--preset", "realweb", "--corpus", "/tmp/tree", "--modes", "sync,virtual",
                "--concurrency", "4,16", "--per-host-connections", "2", "--heap", "256MB", "--no-wget2", "--rounds", "3",
                "--sim-warmup", "0");
        assertThat(s.corpus()).isEqualTo(new RealWebCorpus("", Path.of("/tmp/tree")));
        assertThat(s.modes()).containsExactly(BenchMode.SYNC, BenchMode.VIRTUAL);
        assertThat(s.concurrencies()).containsExactly(4, 16);
        assertThat(s.perHost()).isEqualTo(2);
        assertThat(s.heapBytes()).isEqualTo(256L << 20);
        assertThat(s.wget2()).isFalse();
        assertThat(s.rounds()).isEqualTo(3);
        assertThat(s.serverWarmup()).isZero();
    }

    @Test
    void realwebIsNotASimulatedPresetAndMixesWithThem() {
        assertThat(command("--preset", "realweb").plans()).isEmpty();
        assertThat(command("--preset", "seed,realweb").plans()).extracting(BenchPlan::preset).containsExactly(Preset.SEED);
        assertThat(command("--preset", "all").plans()).hasSize(4);
        assertThatThrownBy(() -> Preset.parse("real")).hasMessageContaining("all, realweb or cluster");
        assertThat(command("--preset", "cluster").plans()).isEmpty();
    }

    @Test
    void theCrawlerRunsAsTheCommandLineToolAtTheSameConnectionsAsWget2() {
        RealWebBench bench = new RealWebBench(settings("--preset", "realweb"));
        List<String> cmd = bench.crawlerCommand(BenchMode.ASYNC_EPOLL, 8, "http://127.0.1.1:1234/", Path.of("out"), List.of());
        String line = String.join(" ", cmd);
        assertThat(line).doesNotContain("-Xmx").contains("dev.crawler.cli.Main crawl --out out --allow-net 127.0.0.0/8"
                + " --mode async --transport epoll --threads 8 --per-host-connections 8 --delay 0ms"
                + " --no-robots --progress none http://127.0.1.1:1234/");
        String sync = String.join(" ", bench.crawlerCommand(BenchMode.BUSY_POLL, 4, "http://x/", Path.of("o"), List.of()));
        assertThat(sync).contains("--mode busy-poll --threads 4").doesNotContain("--transport");
        String heap = String.join(" ", new RealWebBench(settings("--preset", "realweb", "--heap", "1GB",
                "--per-host-connections", "2")).crawlerCommand(BenchMode.ASYNC_EPOLL, 8, "http://x/", Path.of("o"), List.of()));
        assertThat(heap).contains("-Xmx1024m", "--threads 8 --per-host-connections 2").as("--concurrency at its default")
                .doesNotContain("--concurrency");
        String warm = String.join(" ", bench.crawlerCommand(BenchMode.ASYNC_EPOLL, 8, "http://x/", Path.of("o"),
                List.of("--max-time", "30s")));
        assertThat(warm).as("the server's warm-up: options before the seed").endsWith("--progress none --max-time 30s http://x/");

        assertThat(Wget2.siteCommand(Path.of("/usr/bin/wget2"), 8, "http://127.0.1.1:1234/", Path.of("p")))
                .containsExactly("/usr/bin/wget2", "--no-config", "--recursive", "--level=inf", "--no-parent",
                        "--max-threads=8", "--no-robots", "--no-host-directories", "--quiet", "-P", "p",
                        "http://127.0.1.1:1234/");
    }

    @Test
    void eachCrawlerIsComparedWithWget2ByTheMedianOfItsRoundsAndRoundByRound() {
        List<RealWebBench.Row> rows = List.of(row(1, "async/epoll", "ok", 9.0), row(1, "wget2", "ok", 4.0),
                row(2, "wget2", "ok", 5.0), row(2, "async/epoll", "ok", 8.0), row(3, "async/epoll", "FAILED (exit 1)", 1.0),
                row(3, "wget2", "ok", 4.5), row(1, "virtual", "ok", 12.0));
        assertThat(RealWebBench.againstWget2(rows)).containsExactly(
                "async/epoll against wget2 at 8 connections: wall 8.50 s against 4.50 s (median of 2 and 3 runs), 1.89×;"
                        + " by round 2.25×, 1.60×",
                "virtual against wget2 at 8 connections: wall 12.00 s against 4.50 s (median of 1 and 3 runs), 2.67×;"
                        + " by round 3.00×");
        assertThat(RealWebBench.againstWget2(rows.stream().filter(r -> !r.crawler().equals("wget2")).toList()))
                .as("no wget2 runs: no comparison").isEmpty();
    }

    private static RealWebBench.Row row(int round, String crawler, String result, double wall) {
        return new RealWebBench.Row(round, crawler, 8, result, 100, 100, wall, 1, 1, 1, 1, 1, 1, "rusage", "c", "cmd");
    }

    @Test
    void theCorpusIsCountedAndAMissingOneSaysHowToGetIt(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("a/b"));
        Files.writeString(tmp.resolve("a/index.html"), "12345");
        Files.writeString(tmp.resolve("a/b/page.HTM"), "123");
        Files.writeString(tmp.resolve("a/b/style.css"), "1");
        RealWebBench.Corpus c = RealWebBench.Corpus.of(RealWebCorpus.parse(tmp.resolve("a").toString()));
        assertThat(c).isEqualTo(new RealWebBench.Corpus(tmp.resolve("a").toString(), 2, 3, 9));
        assertThat(c.label()).isEqualTo(tmp.resolve("a") + " (2 pages)");
        Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("a"));
        assertThat(RealWebBench.Corpus.of(new RealWebCorpus("linked", tmp.resolve("link"))))
                .as("a tree reached through a symbolic link, as Debian's JDK API docs are")
                .isEqualTo(new RealWebBench.Corpus("linked " + tmp.resolve("link"), 2, 3, 9));
        assertThatThrownBy(() -> RealWebBench.Corpus.of(RealWebCorpus.parse(tmp.resolve("none").toString())))
                .isInstanceOf(BenchException.class).hasMessageContaining("is missing: run ./src/scripts/realweb-deps");
        assertThat(RunFiles.countFiles(tmp.resolve("a"))).isEqualTo(3);
        assertThat(RunFiles.countFiles(tmp.resolve("none"))).isZero();
        Files.writeString(tmp.resolve("crawler.log"), "10:00 INFO start\n10:01 INFO summary: 5 pages, 0 errors,"
                + " COMPLETED in 9 ms; peak-heap-bytes=123456 peak-rss-bytes=-1\n");
        assertThat(RealWebBench.peakHeapBytes(tmp.resolve("crawler.log"))).isEqualTo(123456);
        assertThat(RealWebBench.peakHeapBytes(tmp.resolve("a/index.html"))).as("no summary line").isEqualTo(-1);
        assertThat(RealWebBench.peakHeapBytes(tmp.resolve("none.log"))).isEqualTo(-1);
        Files.writeString(tmp.resolve("index.jsonl"), "{}\n{}\n\n");
        assertThat(RealWebBench.indexLines(tmp.resolve("index.jsonl"))).isEqualTo(2);
    }

    @Test
    void withoutTheLauncherTheCrawlerStartsAsJavaAndTheCacheComparisonIsRefused() {
        assertThat(Launcher.path()).as("tests run from the class path").isEmpty();
        RealWebBench bench = new RealWebBench(settings("--preset", "realweb"));
        RealWebBench.CrawlerStart start = bench.crawlerStart(BenchMode.ASYNC_EPOLL, 8, "http://x/", Path.of("o"), true, List.of());
        assertThat(start.command()).isEqualTo(bench.crawlerCommand(BenchMode.ASYNC_EPOLL, 8, "http://x/", Path.of("o"), List.of()));
        assertThat(start.env()).isEmpty();
        assertThatThrownBy(() -> settings("--preset", "realweb", "--aot-compare"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("started by the launcher");
    }

    @Test
    void theLaunchedCrawlerGetsTheHeapAndExtraOptionsAfterTheUsersAndTheCacheSwitch() {
        assertThat(Launcher.env(null, 0, List.of(), true)).containsExactly(Map.entry("JAVA_OPTS", ""));
        assertThat(Launcher.env(" -Xss1m ", 256L << 20, List.of("-Xlog:gc"), false)).containsOnly(
                Map.entry("JAVA_OPTS", "-Xss1m -Xmx256m -Xlog:gc"), Map.entry("CRAWLER_AOT", "off"));
    }

    @Test
    void corporaAreNamedOrGivenByPath() {
        assertThat(RealWebCorpus.parse("jdk")).isEqualTo(RealWebCorpus.JDK);
        assertThat(RealWebCorpus.parse("Python")).isEqualTo(RealWebCorpus.PYTHON);
        assertThat(RealWebCorpus.JDK.label()).isEqualTo("jdk /usr/share/doc/openjdk-17-doc/api");
        assertThat(RealWebCorpus.parse("/srv/docs/../site").label()).isEqualTo("/srv/site");
        assertThat(RealWebCorpus.parse("rel").dir()).isAbsolute().endsWithRaw(Path.of("rel"));
        assertThat(settings("--preset", "realweb", "--corpus", "jdk").corpus()).isEqualTo(RealWebCorpus.JDK);
    }

    @Test
    void aProcessIsMeasuredByGnuTimeOrBySampling(@TempDir Path tmp) throws Exception {
        List<String> burn = List.of("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; exit 3");
        for (boolean gnuTime : Files.isExecutable(Path.of(MeasuredProcess.GNU_TIME)) ? List.of(true, false) : List.of(false)) {
            long before = System.currentTimeMillis();
            MeasuredProcess.Usage u = MeasuredProcess.run(burn, tmp.resolve("console-" + gnuTime), Duration.ofMinutes(1), gnuTime);
            assertThat(u.exitCode()).isEqualTo(3);
            assertThat(u.how()).isEqualTo(gnuTime ? "rusage" : "sampled");
            assertThat(u.startEpochMillis()).isBetween(before, System.currentTimeMillis());
            assertThat(u.cpuSeconds()).as("gnu time %s", gnuTime).isPositive().isLessThanOrEqualTo(u.wallSeconds() + 0.05);
            assertThat(u.peakRssBytes()).isPositive();
        }
        MeasuredProcess.Usage killed = MeasuredProcess.run(List.of("sleep", "30"), tmp.resolve("sleep"), Duration.ofMillis(200));
        assertThat(killed.timedOut()).isTrue();
        assertThat(killed.wallSeconds()).isLessThan(15);
    }

    @Test
    void aCommandStoppedAtItsLimitIsStillMeasuredByGnuTime(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(MeasuredProcess.GNU_TIME)), "GNU time is not installed");
        List<String> forever = List.of("sh", "-c", "while :; do :; done");
        MeasuredProcess.Usage u = MeasuredProcess.run(forever, tmp.resolve("forever"), Duration.ofMillis(500), true);
        assertThat(u.timedOut()).isTrue();
        assertThat(u.how()).isEqualTo("rusage");
        assertThat(u.cpuSeconds()).isPositive();
        assertThat(u.peakRssBytes()).isPositive();
    }

    @Test
    void theStaticSitesStatsSayWhenTheFirstRequestCame() {
        assertThat(SimStats.parse("stats served=3 accepted=1 open=0 peak-open=1 first-ms=1700000000000").firstRequestMillis())
                .isEqualTo(1_700_000_000_000L);
        assertThat(SimStats.parse("stats served=3 accepted=1 open=0 peak-open=1").firstRequestMillis()).isEqualTo(-1);
    }
}
