package dev.crawler.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestFileSinkTest {

    @Test
    void writesOneParsableLinePerRecord(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("requests.tsv");
        RequestRecord a = new RequestRecord(1, 2, 3, "site-1.sim", "/page/1?q=a b", 200, 2048);
        RequestRecord b = new RequestRecord(4, 5, 6, "we\tird", "/x\\y\nz", 0, 0);
        try (RequestFileSink sink = RequestFileSink.open(file)) {
            sink.record(a);
            sink.record(b);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("#");
        assertThat(RequestRecord.parseTsv(lines.get(1))).isEqualTo(a);
        assertThat(RequestRecord.parseTsv(lines.get(2))).isEqualTo(b);
    }

    @Test
    void recordsAServedRequest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log.tsv");
        try (RequestFileSink sink = RequestFileSink.open(file);
                SimServer server = SimServer.start(SimConfig.defaults().withHosts(1).withPages(3).withLatency(java.time.Duration.ZERO), sink);
                RawHttpClient c = new RawHttpClient(server.web().address("site-1.sim"), server.port())) {
            assertThat(c.get("site-1.sim", "/").status()).isEqualTo(200);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (sink.written() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        RequestRecord r = RequestRecord.parseTsv(lines.get(1));
        assertThat(r.path()).isEqualTo("/");
        assertThat(r.status()).isEqualTo(200);
    }
}
