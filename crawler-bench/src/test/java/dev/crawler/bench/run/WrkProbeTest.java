package dev.crawler.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** wrk's script and output, without wrk: what the bench sends it and how it reads it back. */
class WrkProbeTest {

    private static final String OUTPUT = """
            Running 10s test @ http://127.0.1.1:41865/
              2 threads and 100 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     5.10ms    2.00ms  40.00ms   80.00%
                Req/Sec    10.00k     1.00k   12.00k    70.00%
              198765 requests in 10.01s, 1.95GB read
              Non-2xx or 3xx responses: 1234
            Requests/sec:  19856.64
            Transfer/sec:    199.00MB
            """;

    @Test
    void readsTheRateAndTheCount() {
        WrkResult r = WrkProbe.parse(OUTPUT, 100, 2, 3.5, "wrk ...");
        assertThat(r.ran()).isTrue();
        assertThat(r.requestsPerSecond()).isEqualTo(19856.64);
        assertThat(r.requests()).isEqualTo(198765);
        assertThat(r.seconds()).isEqualTo(10.01);
        assertThat(r.connections()).isEqualTo(100);
        assertThat(r.simCpuSeconds()).isEqualTo(3.5);
    }

    @Test
    void outputWithoutARateIsNotARun() {
        WrkResult r = WrkProbe.parse("unable to connect to 127.0.1.1:1 Connection refused\n", 100, 2, 0, "wrk");
        assertThat(r.ran()).isFalse();
        assertThat(r.note()).contains("unable to connect");
    }

    @Test
    void targetsAreHostAndPathOfEachUrl() {
        assertThat(WrkProbe.targetLines(List.of("http://site-1.sim:8080/", "http://site-2.sim:8080/page/3?view=print")))
                .containsExactly("site-1.sim:8080 /", "site-2.sim:8080 /page/3?view=print");
    }

    @Test
    void theScriptSendsTheCrawlersHeadForEveryTargetInTurn() {
        String lua = WrkProbe.script(Path.of("/tmp/targets.txt"));
        assertThat(lua).contains("io.lines(\"/tmp/targets.txt\")", "i = i % #targets + 1", "\"Host\"] = t[1]",
                "\"Accept-Encoding\"] = \"gzip, deflate\"", "dev-crawler/0.1");
    }
}
