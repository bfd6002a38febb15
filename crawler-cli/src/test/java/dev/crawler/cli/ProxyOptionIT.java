package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crawl --proxy}: a proxy that is down stops the run before it starts, with one message
 * naming it and exit code 1; a malformed proxy URL is a usage error (2). Crawls through real
 * proxies are in crawler-core's ProxyCrawlIT and ProxyFetchIT.
 */
class ProxyOptionIT {

    @Test
    void aProxyThatIsDownStopsTheCrawlBeforeItStartsNamingTheProxy(@TempDir Path tmp) throws Exception {
        int down;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            down = s.getLocalPort();
        }
        CliRun run = CliRun.of("crawl", "--out", tmp.resolve("out").toString(), "--proxy", "http://u:hidden@127.0.0.1:"
                + down, "--progress", "log", "http://127.0.1.1:9/");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("cannot connect to proxy http://u:***@127.0.0.1:" + down, "is it running")
                .doesNotContain("hidden");
        assertThat(tmp.resolve("out").resolve("index.jsonl")).satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(), p -> assertThat(Files.size(p)).isZero());
    }

    /**
     * The same as the command line runs it, in a process of its own: the console says what failed
     * and where the stack trace is, and shows no stack trace; crawler.log has it.
     */
    @Test
    void aFatalErrorShowsItsMessageOnTheConsoleAndItsStackTraceOnlyInTheLog(@TempDir Path tmp) throws Exception {
        int down;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            down = s.getLocalPort();
        }
        Path jar = Path.of(System.getProperty("crawler.jar", "target/crawler.jar"));
        assertThat(jar).as("the shaded jar (mvn package)").isRegularFile();
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-jar", jar.toString(), "crawl", "--out", out.toString(), "--proxy", "http://127.0.0.1:" + down,
                "--progress", "none", "http://127.0.1.1:9/")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String console = Files.readString(err);
        assertThat(p.exitValue()).as(console).isEqualTo(ExitCodes.FAILED);
        assertThat(console).contains("crawler crawl: fatal: cannot connect to proxy http://127.0.0.1:" + down,
                "(the stack trace is in the log file, crawler.log)");
        assertThat(console).as("no stack trace on the console").doesNotContain("\tat ", "Caused by", "Exception");
        assertThat(Files.readString(out.resolve("crawler.log"))).contains("fatal error", "Caused by: java.net.ConnectException",
                "\tat dev.crawler.cli.run.ProxyCheck");
    }

    @Test
    void aMalformedProxyUrlIsAUsageError(@TempDir Path tmp) {
        CliRun run = CliRun.of("crawl", "--out", tmp.resolve("out").toString(), "--proxy", "gopher://127.0.0.1:70",
                "http://127.0.1.1:9/");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("unknown scheme 'gopher'", "socks5://");
    }
}
