package dev.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.crawler.net.AddressPolicy;
import dev.crawler.net.Cidr;
import dev.crawler.politeness.PolitenessPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server whose page links to paths built to escape the output directory: every file the crawl
 * writes stays inside it, nothing appears beside it, and the crawl fetches every other page.
 */
@ExtendWith(NoBlockingOnEventLoops.class)
class HostilePathsIT {

    private static final List<String> HOSTILE_LINKS = List.of(
            "/../../x",
            "/a/../../../../etc/passwd",
            "/%2e%2e/%2e%2e/escape",
            "/..%2f..%2fescape2",
            "/a\\..\\..\\..\\b",
            "/nul%00byte",
            "/" + "n".repeat(300),
            "/dir/" + "\u00e9".repeat(200),
            "/CON",
            "/aux.txt",
            "/.hidden",
            "/a",
            "/a/",
            "/a/b",
            "/a/index.html",
            "/q?x=../../etc&y=%2e%2e",
            "/Case",
            "/case");

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void everyFileStaysInsideAndTheCrawlGoesOn(FetchMode mode, @TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Set<String> served = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String raw = exchange.getRequestURI().getRawPath();
            served.add(raw);
            String body = raw.equals("/") ? links() : "<html><body>page " + raw + "</body></html>";
            if (raw.equals("/robots.txt")) {
                body = "User-agent: *\nAllow: /\n";
            }
            respond(exchange, body);
        });
        server.start();
        try {
            String seed = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            CrawlConfig config = CrawlConfig.builder().failOnStall(true).seeds(List.of(seed)).outDir(out).mode(mode)
                    .politeness(new PolitenessPolicy(2, Duration.ZERO, Duration.ZERO))
                    .addressPolicy(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.0/8"))))
                    .build();
            try (Crawler crawler = Crawler.create(config)) {
                assertThat(crawler.run().reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
            }
        } finally {
            server.stop(0);
        }

        try (Stream<Path> beside = Files.list(tmp)) {
            assertThat(beside).as("nothing written beside the output directory").containsExactly(out);
        }
        List<JsonNode> index = SimCrawlIT.readIndex(out);
        List<String> files = index.stream().filter(n -> n.hasNonNull("file")).map(n -> n.get("file").asText()).toList();
        assertThat(files).doesNotHaveDuplicates();
        for (String file : files) {
            Path resolved = out.resolve(file).normalize();
            assertThat(resolved).startsWith(out);
            assertThat(Files.isRegularFile(resolved)).as(file).isTrue();
            for (Path part : out.relativize(resolved)) {
                assertThat(part.toString().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
            }
        }
        long fetchedPages = index.stream().filter(n -> n.path("status").asInt() == 200).count();
        assertThat(fetchedPages).as("every page the server answered was saved").isEqualTo(files.size());
        assertThat(served).as("the crawl went on past the hostile links").hasSizeGreaterThan(HOSTILE_LINKS.size() / 2);
        assertThat(index.stream().map(n -> n.get("url").asText()).collect(Collectors.toList())).doesNotHaveDuplicates();
    }

    private static String links() {
        StringBuilder html = new StringBuilder("<html><body>");
        for (String link : HOSTILE_LINKS) {
            html.append("<a href=\"").append(link.replace("&", "&amp;").replace("\"", "&quot;")).append("\">x</a>\n");
        }
        return html.append("</body></html>").toString();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }
}
