package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawler.sim.RequestLog;
import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimServer;
import dev.crawler.sim.SimWeb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code crawler crawl} in this JVM against a tiny simulated web on loopback. */
class CrawlCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SimServer sim;
    private static SimWeb web;

    @BeforeAll
    static void startSimulatedWeb() throws InterruptedException {
        SimConfig config = SimConfig.defaults().withHosts(2).withPages(5).withLatency(Duration.ZERO);
        sim = SimServer.start(config, RequestLog.inMemory());
        web = sim.web();
    }

    @AfterAll
    static void stopSimulatedWeb() {
        sim.close();
    }

    /** The options that let a crawl reach the simulated web, then {@code extra}. */
    private static List<String> crawlArgs(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("crawl", "--out", out.toString(), "--allow-net", "127.0.0.0/8",
                "--scope", "any", "--delay", "0", "--progress", "log"));
        web.resolveMap().forEach((host, ip) -> args.addAll(List.of("--resolve", host + "=" + ip)));
        args.addAll(List.of(extra));
        return args;
    }

    private static CliRun crawl(Path out, String... extra) {
        return CliRun.of(crawlArgs(out, extra).toArray(String[]::new));
    }

    @Test
    void crawlsFromArgumentsAndWritesIndexAndPages(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        CliRun run = crawl(out, web.seedUrls().toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<JsonNode> index = readIndex(out);
        assertThat(index).isNotEmpty();
        assertThat(index).extracting(n -> n.get("url").asText()).doesNotHaveDuplicates()
                .containsAll(web.seedUrls());
        long files = index.stream().filter(n -> n.hasNonNull("file")).count();
        assertThat(files).isPositive();
        for (JsonNode n : index) {
            if (n.hasNonNull("file")) {
                assertThat(out.resolve(n.get("file").asText())).isRegularFile();
            }
        }
        assertThat(out.resolve("crawler.log")).isRegularFile();
        assertThat(run.out()).contains("crawl finished", "pages", "index", out.resolve("index.jsonl").toString());
        String rss = Files.isReadable(Path.of("/proc/self/status")) ? "[0-9.]+ [KMG]iB" : "n/a";
        assertThat(run.out()).as("the summary's peak memory").containsPattern(
                "(?m)^  memory +peak heap [0-9.]+ [KMG]iB \\(limit [0-9.]+ [KMG]iB\\), peak RSS " + rss + "$");
        assertThat(Files.readString(out.resolve("crawler.log"))).containsPattern("peak-heap-bytes=[1-9][0-9]* peak-rss-bytes=");
    }

    @Test
    void aSeedFileWithMalformedLinesIsCrawledAndTheLinesAreReported(@TempDir Path tmp) throws IOException {
        Path seeds = tmp.resolve("seeds.txt");
        List<String> lines = new ArrayList<>();
        lines.add("# simulated web");
        lines.add("ftp://site-1.sim/");
        lines.addAll(web.seedUrls());
        lines.add("not a url");
        Files.write(seeds, lines);
        Path out = tmp.resolve("out");

        CliRun run = crawl(out, "--seeds", seeds.toString(), "--max-pages", "3");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.BUDGET);
        assertThat(run.err()).contains(seeds + ":2: skipped 'ftp://site-1.sim/'", seeds + ":" + lines.size() + ": skipped 'not a url'");
        assertThat(readIndex(out).stream().filter(n -> n.hasNonNull("status")).count()).isLessThanOrEqualTo(3);
        assertThat(run.out()).contains("--max-pages reached");
    }

    @Test
    void aConfigFileIsReadAndTheCommandLineOverridesIt(@TempDir Path tmp) throws IOException {
        Path config = tmp.resolve("crawler.yaml");
        Files.writeString(config, "seeds: [" + web.seedUrls().getFirst() + "]\nmaxDepth: 0\ndelay: 5s\n");
        Path out = tmp.resolve("out");

        CliRun run = crawl(out, "--config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(readIndex(out)).extracting(n -> n.get("url").asText()).containsExactly(web.seedUrls().getFirst());
    }

    @Test
    void aBadConfigStopsBeforeCrawlingWithExitCode2(@TempDir Path tmp) throws IOException {
        Path config = tmp.resolve("crawler.yaml");
        Files.writeString(config, "delay: soon\n");
        CliRun run = crawl(tmp.resolve("out"), "--config", config.toString(), web.seedUrls().getFirst());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("crawler.yaml line 1: key 'delay'", "'soon' is not a duration");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    /**
     * A limit of the run stops it with exit code 4 and says so; the same command without it then
     * resumes and finishes with 0, every URL indexed once.
     */
    @Test
    void aLimitStopsTheCrawlWithExitCode4AndItResumes(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        CliRun limited = crawl(out, "--max-bytes", "1", "--concurrency", "1", web.seedUrls().getFirst());
        assertThat(limited.exitCode()).as(limited.toString()).isEqualTo(ExitCodes.BUDGET);
        assertThat(limited.out()).contains("stopped: --max-bytes fetched");
        int firstRun = readIndex(out).size();

        CliRun rest = crawl(out, web.seedUrls().getFirst());
        assertThat(rest.exitCode()).as(rest.toString()).isZero();
        List<JsonNode> index = readIndex(out);
        assertThat(index.size()).as("the second run went on").isGreaterThan(firstRun);
        assertThat(index).extracting(n -> n.get("url").asText()).doesNotHaveDuplicates();
    }

    /**
     * --stats-file holds the status as JSON, last written when the crawl ended; --summary-json
     * says why it ended, with its exit code and counts. A stats file that cannot be written costs
     * the crawl nothing.
     */
    @Test
    void theStatsFileAndTheSummaryJsonSayHowTheCrawlWentAndEnded(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Path stats = tmp.resolve("status/stats.json");
        Path summary = tmp.resolve("summary.json");
        CliRun run = crawl(out, "--stats-file", stats.toString(), "--summary-json", summary.toString(),
                "--max-pages", "4", web.seedUrls().getFirst());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.BUDGET);

        JsonNode status = JSON.readTree(stats.toFile());
        assertThat(status.get("state").asText()).isEqualTo("ended");
        assertThat(status.get("reason").asText()).isEqualTo("MAX_PAGES");
        assertThat(status.get("pages").asLong()).isEqualTo(4);
        assertThat(status.has("queued") && status.has("inFlight") && status.has("pagesPerSecond")).isTrue();
        JsonNode end = JSON.readTree(summary.toFile());
        assertThat(end.get("reason").asText()).isEqualTo("MAX_PAGES");
        assertThat(end.get("exitCode").asInt()).isEqualTo(ExitCodes.BUDGET);
        assertThat(end.get("pages").asLong()).isEqualTo(4);
        assertThat(end.get("index").asText()).isEqualTo(out.resolve("index.jsonl").toString());
        try (var files = Files.list(stats.getParent())) {
            assertThat(files).as("no temporary file left beside it").containsExactly(stats);
        }

        CliRun served = crawl(tmp.resolve("out3"), "--metrics-port", "0", web.seedUrls().getFirst());
        assertThat(served.exitCode()).as(served.toString()).isZero();
        assertThat(served.out()).containsPattern("metrics: http://127\\.0\\.0\\.1:[0-9]+/metrics");

        Path blocked = tmp.resolve("a-file");
        Files.writeString(blocked, "not a directory");
        CliRun unwritable = crawl(tmp.resolve("out2"), "--stats-file", blocked.resolve("stats.json").toString(),
                web.seedUrls().getFirst());
        assertThat(unwritable.exitCode()).as(unwritable.toString()).isZero();
        assertThat(readIndex(tmp.resolve("out2"))).isNotEmpty();
    }

    /** --log-format json writes crawler.log as a JSON object a line; another format is a usage error. */
    @Test
    void theLogCanBeJsonLinesForLogShippers(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        CliRun run = crawl(out, "--log-format", "json", web.seedUrls().getFirst());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("crawler.log")).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            events.add(JSON.readTree(line));
        }
        assertThat(events).allSatisfy(e -> assertThat(e.has("level") && e.has("message") && e.has("loggerName")).isTrue());
        assertThat(events).anySatisfy(e -> assertThat(e.path("formattedMessage").asText()).startsWith("summary: ")
                .doesNotContain("{}"));

        CliRun bad = crawl(tmp.resolve("out2"), "--log-format", "xml", web.seedUrls().getFirst());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("--log-format must be text or json");
    }

    /** A network that answers nothing: --max-errors failures in a row stop the crawl with exit code 5. */
    @Test
    void aDeadNetworkStopsTheCrawlAtMaxErrorsWithExitCode5(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        java.util.List<String> seeds = new ArrayList<>();
        for (int host = 1; host <= 3; host++) {
            for (int page = 1; page <= 3; page++) {
                seeds.add("http://127.0.9." + host + ":9/" + page); // nothing listens there
            }
        }
        List<String> args = new ArrayList<>(List.of("--max-errors", "4", "--max-retries", "0", "--no-robots",
                "--concurrency", "1"));
        args.addAll(seeds);
        CliRun run = crawl(out, args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NETWORK_DOWN);
        assertThat(run.out()).contains("stopped: --max-errors fetches in a row got no response; check the network");
        assertThat(readIndex(out)).as("each failure recorded, then the crawl stopped").hasSize(4);
    }

    @Test
    void aBadOptionValueNamesTheOption(@TempDir Path tmp) {
        CliRun run = crawl(tmp.resolve("out"), "--per-host-connections", "0", web.seedUrls().getFirst());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Invalid value for option '--per-host-connections'", "'0'");
    }

    @Test
    void noUsableSeedIsExitCode2(@TempDir Path tmp) {
        CliRun run = crawl(tmp.resolve("out"), "mailto:x@example.com");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("argument:1: skipped", "no usable seed URL");
    }

    @Test
    void anOutputDirectoryWithACrawlIsRefused(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("index.jsonl"), "{\"url\":\"http://x/\"}\n");
        CliRun run = crawl(out, web.seedUrls().getFirst());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("already holds a crawl");
    }

    @Test
    void runningAgainResumesAndTheResumeOptionsSayWhatIsWanted(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        CliRun none = crawl(out, "--resume");
        assertThat(none.exitCode()).as(none.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("holds no crawl to resume, and no seeds were given");
        CliRun missing = crawl(out, "--resume", web.seedUrls().getFirst());
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("holds no crawl to resume");

        CliRun first = crawl(out, "--max-pages", "5", web.seedUrls().getFirst());
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.BUDGET);
        CliRun refused = crawl(out, "--no-resume", web.seedUrls().getFirst());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("already holds a crawl and --no-resume was given");

        CliRun again = crawl(out, "--resume", "--max-depth", "9"); // no seeds: the saved ones
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("resuming the crawl in " + out + " (run 2)", "maxDepth: unlimited -> 9");
        assertThat(readIndex(out)).extracting(n -> n.get("url").asText()).doesNotHaveDuplicates();
        assertThat(out.resolve(".crawl-state/crawl.json")).isRegularFile();
    }

    static List<JsonNode> readIndex(Path out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("index.jsonl"))) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }
}
