package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawler.sim.GroundTruth;
import dev.crawler.sim.RequestLog;
import dev.crawler.sim.RequestRecord;
import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimServer;
import dev.crawler.sim.SimWeb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code crawler crawl} as a separate process (the shaded jar, as users run it), stops it
 * part-way with SIGKILL, SIGINT or SIGTERM, runs the same command again, and checks that the union
 * of the runs is exactly the simulator's ground truth with no URL twice in index.jsonl, and that
 * the server was asked again for at most the requests that were in flight.
 */
class CrawlProcessIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONCURRENCY = 16;
    private static SimServer sim;
    private static SimWeb web;
    private static RequestLog requests;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSimulatedWeb() throws InterruptedException {
        requests = RequestLog.inMemory();
        sim = SimServer.start(SimConfig.defaults().withHosts(10).withPages(100).withLatency(Duration.ofMillis(3)),
                requests);
        web = sim.web();
    }

    @AfterAll
    static void stopSimulatedWeb() {
        sim.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        requests.clear();
    }

    private Process start(Path out, String name) throws IOException {
        Path jar = Path.of(System.getProperty("crawler.jar", "target/crawler.jar"));
        assertThat(jar).as("the shaded jar (mvn package)").isRegularFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT,TERM", java, "-Xmx256m",
                "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(), "crawl", "--out", out.toString(),
                "--allow-net", "127.0.0.0/8", "--scope", "any", "--delay", "0", "--concurrency", "" + CONCURRENCY,
                "--progress", "none"));
        web.resolveMap().forEach((host, ip) -> cmd.addAll(List.of("--resolve", host + "=" + ip)));
        cmd.addAll(web.seedUrls());
        return new ProcessBuilder(cmd)
                .redirectOutput(tmp.resolve(name + ".out").toFile())
                .redirectError(tmp.resolve(name + ".err").toFile())
                .start();
    }

    private static void awaitLines(Process p, Path out, int lines) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Path index = out.resolve("index.jsonl");
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(index) && Files.readAllLines(index).size() >= lines) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the crawl did not write " + lines + " index lines in time (alive: " + p.isAlive() + ")");
    }

    private static void signal(Process p, String signal) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor()).isZero();
    }

    private int finish(Process p, String name) throws Exception {
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s ended", name).isTrue();
        return p.exitValue();
    }

    private String err(String name) throws IOException {
        return Files.readString(tmp.resolve(name + ".err"));
    }

    private int runToTheEnd(Path out, String name) throws Exception {
        int exit = finish(start(out, name), name);
        assertThat(exit).as("%s: %s", name, err(name)).isZero();
        return exit;
    }

    @Test
    void killedWithSigkillThenRunAgainTheUnionIsExactlyTheGroundTruth() throws Exception {
        Path out = tmp.resolve("out");
        GroundTruth truth = web.groundTruth();
        Process first = start(out, "first");
        awaitLines(first, out, truth.mustFetch().size() / 3);
        first.destroyForcibly(); // SIGKILL
        assertThat(finish(first, "first")).isEqualTo(137);
        assertThat(readIndex(out).size()).as("killed part-way").isLessThan(truth.mustFetch().size());

        runToTheEnd(out, "second");

        assertExactlyTheGroundTruth(out, truth);
        assertThat(refetched()).as("at most the requests in flight are fetched again").isLessThanOrEqualTo(CONCURRENCY);
        assertThat(Files.readString(tmp.resolve("second.out"))).contains("resuming the crawl in " + out);
    }

    @Test
    void stoppedWithSigintThenSigtermThenKilledThenRunAgainTheUnionIsExactlyTheGroundTruth() throws Exception {
        Path out = tmp.resolve("out");
        GroundTruth truth = web.groundTruth();
        int third = truth.mustFetch().size() / 4;

        Process first = start(out, "first");
        awaitLines(first, out, third);
        signal(first, "INT");
        assertThat(finish(first, "first")).as(err("first")).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(err("first")).contains("stopping: no new requests");
        assertThat(Files.readString(tmp.resolve("first.out"))).contains("crawl stopped early");
        assertThat(refetched()).isZero();

        Process second = start(out, "second");
        awaitLines(second, out, 2 * third);
        signal(second, "TERM");
        assertThat(finish(second, "second")).as(err("second")).isEqualTo(ExitCodes.INTERRUPTED);

        Process third3 = start(out, "third");
        awaitLines(third3, out, 3 * third);
        signal(third3, "INT");
        Thread.sleep(30);
        signal(third3, "INT"); // the second Ctrl-C: at once
        assertThat(finish(third3, "third")).isEqualTo(ExitCodes.INTERRUPTED);

        runToTheEnd(out, "last");

        assertExactlyTheGroundTruth(out, truth);
        assertThat(refetched()).isLessThanOrEqualTo(CONCURRENCY);
    }

    private static List<JsonNode> readIndex(Path out) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("index.jsonl"))) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static void assertExactlyTheGroundTruth(Path out, GroundTruth truth) throws IOException {
        List<JsonNode> index = readIndex(out);
        assertThat(index).extracting(n -> n.get("url").asText()).as("no URL twice in index.jsonl")
                .doesNotHaveDuplicates();
        Map<String, Integer> fetched = new HashMap<>();
        for (JsonNode n : index) {
            if (n.hasNonNull("status")) {
                fetched.put(n.get("url").asText(), n.get("status").asInt());
            } else {
                assertThat(n.get("error").asText()).startsWith("robots_denied");
                assertThat(truth.mustNotFetch()).contains(n.get("url").asText());
            }
        }
        assertThat(fetched).isEqualTo(truth.expectedStatus());
    }

    /** URLs the server was asked for more than once, robots.txt aside. */
    private static long refetched() {
        return requests.records().stream().filter(r -> !r.path().equals("/robots.txt"))
                .collect(Collectors.groupingBy(RequestRecord::host, Collectors.groupingBy(RequestRecord::path,
                        Collectors.counting())))
                .values().stream().flatMap(m -> m.values().stream()).filter(n -> n > 1).count();
    }
}
