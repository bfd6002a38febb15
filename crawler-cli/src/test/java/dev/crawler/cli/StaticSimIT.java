package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawler.sim.RequestSink;
import dev.crawler.sim.StaticServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crawler sim --static DIR}: serves a directory, prints the seed and the crawl command, and
 * a crawl with exactly that command fetches the tree; options of the generated web are refused.
 */
class StaticSimIT {

    @Test
    void servesTheTreeAndPrintsTheSeedAndTheCrawlCommand(@TempDir Path tmp) throws Exception {
        Path site = tree(tmp);
        int port = freePort();
        Path seeds = tmp.resolve("seeds.txt");
        CompletableFuture<CliRun> served = CompletableFuture.supplyAsync(() -> CliRun.of("sim", "--static",
                site.toString(), "--port", String.valueOf(port), "--exit-after", "3s", "--write-seeds", seeds.toString()));
        awaitListening(port);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.1.1", port), 2000);
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET /docs/a.html HTTP/1.1\r\nHost: static.sim\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200 OK").endsWith("<a href=\"../index.html\">home</a>");
        }
        CliRun sim = served.get(30, TimeUnit.SECONDS);
        assertThat(sim.exitCode()).as(sim.toString()).isZero();
        assertThat(sim.out()).contains("static site: " + site.toAbsolutePath().normalize() + " as static.sim on 127.0.1.1 port "
                + port, "seed URL:\n  http://static.sim:" + port + "/\n", "crawl it from another terminal with:",
                "crawler crawl --allow-net 127.0.0.0/8 --delay 10ms --resolve static.sim=127.0.1.1 --seeds " + seeds);
        assertThat(Files.readAllLines(seeds)).last().isEqualTo("http://static.sim:" + port + "/");
    }

    @Test
    void theCrawlCommandItPrintsFetchesTheTree(@TempDir Path tmp) throws Exception {
        Path site = tree(tmp);
        Path out = tmp.resolve("out");
        List<String> outcomes = new ArrayList<>();
        try (StaticServer server = StaticServer.start(site, RequestSink.discard())) {
            List<String> args = new ArrayList<>(List.of("crawl", "--out", out.toString(), "--progress", "log"));
            args.addAll(Arrays.asList(SimCommand.staticCrawlOptions(server.resolveMap()).split(" ")));
            args.add(server.seedUrl());
            CliRun crawl = CliRun.of(args.toArray(String[]::new));
            assertThat(crawl.exitCode()).as(crawl.toString()).isZero();
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(out.resolve("index.jsonl"), StandardCharsets.UTF_8)) {
                JsonNode n = json.readTree(line);
                outcomes.add(n.get("status").asInt() + " " + n.get("url").asText().replace(":" + server.port(), ""));
            }
        }
        assertThat(outcomes).containsExactlyInAnyOrder("200 http://static.sim/", "200 http://static.sim/docs/",
                "301 http://static.sim/docs", "200 http://static.sim/docs/a.html", "404 http://static.sim/docs/missing.html",
                "200 http://static.sim/index.html");
    }

    private static Path tree(Path tmp) throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site/docs")).getParent();
        Files.writeString(site.resolve("index.html"), "<a href=\"docs/\">docs</a> <a href=\"docs\">again</a>");
        Files.writeString(site.resolve("docs/index.html"), "<a href=\"a.html\">a</a> <a href=\"missing.html\">x</a>");
        Files.writeString(site.resolve("docs/a.html"), "<a href=\"../index.html\">home</a>");
        return site;
    }

    @Test
    void optionsOfTheGeneratedWebAndMissingDirectoriesAreRefused(@TempDir Path tmp) {
        CliRun shape = CliRun.of("sim", "--static", tmp.toString(), "--hosts", "3", "--exit-after", "0s");
        assertThat(shape.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(shape.err()).contains("do not apply to --static");
        CliRun missing = CliRun.of("sim", "--static", tmp.resolve("nope").toString(), "--exit-after", "0s");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("--static " + tmp.resolve("nope") + ": no such directory");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.1.1", 0));
            return s.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 250; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.1.1", port), 200);
                return;
            } catch (Exception e) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("nothing listens on 127.0.1.1:" + port);
    }
}
