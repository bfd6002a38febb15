package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --max-error-rate}: a crawl that ran to its end with more failed URLs (no response, or a
 * 5xx after retries) than the share allows exits with 6, one under it with 0, and the summary
 * JSON says the same. The site: a page linking to two good pages and two that answer 503, so
 * 2 of the 5 URLs fetched fail (40%).
 */
class ErrorRateIT {

    private static HttpServer server;

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = path.startsWith("/down") ? 503 : path.equals("/robots.txt") ? 404 : 200;
            byte[] body = (path.equals("/") ? "<a href=/a>a</a><a href=/b>b</a><a href=/down1>x</a><a href=/down2>y</a>"
                    : "<p>" + path + "</p>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static CliRun crawl(Path out, String rate) {
        return CliRun.of("crawl", "--out", out.toString(), "--allow-net", "127.0.0.0/8", "--delay", "0",
                "--max-retries", "0", "--progress", "log", "--summary-json", out.resolve("summary.json").toString(),
                "--max-error-rate", rate, "http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Test
    void moreFailuresThanTheShareAllowsExitWith6AndFewerWith0(@TempDir Path tmp) throws Exception {
        CliRun over = crawl(tmp.resolve("over"), "30%");
        assertThat(over.exitCode()).as(over.toString()).isEqualTo(ExitCodes.ERRORS);
        var json = new ObjectMapper().readTree(tmp.resolve("over").resolve("summary.json").toFile());
        assertThat(json.get("exitCode").asInt()).isEqualTo(6);
        assertThat(json.get("failedShare").asDouble()).isEqualTo(0.4);

        CliRun under = crawl(tmp.resolve("under"), "0.5");
        assertThat(under.exitCode()).as(under.toString()).isZero();
    }

    @Test
    void aShareThatIsNoShareIsAUsageError(@TempDir Path tmp) {
        CliRun run = crawl(tmp.resolve("bad"), "150%");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("between 0% and 100%");
    }
}
