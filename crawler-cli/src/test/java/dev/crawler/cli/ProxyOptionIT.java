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

    @Test
    void aMalformedProxyUrlIsAUsageError(@TempDir Path tmp) {
        CliRun run = CliRun.of("crawl", "--out", tmp.resolve("out").toString(), "--proxy", "gopher://127.0.0.1:70",
                "http://127.0.1.1:9/");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("unknown scheme 'gopher'", "socks5://");
    }
}
