package dev.crawler.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.sim.RequestRecord;
import dev.crawler.sim.SimConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The cluster preset's options and the figures it reads from the server's log, without a cluster. */
class ClusterBenchTest {

    private static final long MS = 1_000_000L;

    private static BenchCommand command(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private static RequestRecord request(String host, long atMs, long tookMs) {
        return new RequestRecord(atMs * MS, (atMs + tookMs) * MS, 1, host, "/", 200, 100);
    }

    private static ClusterBench bench(Duration delay, int perHost) {
        return new ClusterBench(new ClusterBench.Settings(SimConfig.defaults(), List.of(1), 12, 16, perHost, delay,
                Path.of("unused"), Path.of("unused"), new PrintWriter(new StringWriter()), null, false));
    }

    @Test
    void withoutTheLauncherThePresetSaysHowToRunIt() {
        assertThatThrownBy(() -> command("--preset", "cluster").clusterSettings(new PrintWriter(new StringWriter()), null))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("src/dist/crawler bench --preset cluster");
    }

    @Test
    void requestsCloserThanTheDelayOrMoreAtOnceThanAllowedAreViolations() {
        ClusterBench bench = bench(Duration.ofMillis(100), 2);
        List<RequestRecord> polite = List.of(request("a", 0, 10), request("a", 100, 10), request("b", 5, 10),
                request("a", 250, 10), request("b", 90, 10));
        assertThat(bench.violations(polite)).isZero();

        // 70 ms after the one before: under the delay less the log's 20 ms slack
        assertThat(bench.violations(List.of(request("a", 0, 10), request("a", 70, 10)))).isEqualTo(1);
        // 85 ms: within the slack, not counted
        assertThat(bench.violations(List.of(request("a", 0, 10), request("a", 85, 10)))).isZero();
        // three under way at once where two are allowed (each start counts the ones still running)
        assertThat(bench(Duration.ZERO, 2).violations(List.of(request("a", 0, 500), request("a", 100, 500),
                request("a", 200, 500)))).isEqualTo(1);
    }

    @Test
    void failoverIsTheTimeFromTheKillToTheFirstRequestToAHostOfTheKilledNode() {
        List<RequestRecord> log = List.of(request("a", 900, 10), request("b", 1_100, 10), request("a", 9_000, 10),
                request("a", 12_000, 10));
        assertThat(ClusterBench.failoverSeconds(log, Set.of("a"), 1_000 * MS)).isEqualTo(8.0);
        assertThat(ClusterBench.failoverSeconds(log, Set.of("c"), 1_000 * MS)).isEqualTo(-1.0);
    }
}
