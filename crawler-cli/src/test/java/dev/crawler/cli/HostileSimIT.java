package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crawler sim --preset hostile|chaos}: serves the web, writes its seeds and the outcome each
 * URL should get, prints the crawl command, and refuses options that do not apply with a clear error.
 */
class HostileSimIT {

    @Test
    void theHostileWebIsServedWithItsSeedsAndExpectedOutcomes(@TempDir Path tmp) throws Exception {
        Path seeds = tmp.resolve("seeds.txt");
        Path expected = tmp.resolve("expected.tsv");
        CliRun run = CliRun.of("sim", "--preset", "hostile", "--exit-after", "0s", "--write-seeds", seeds.toString(),
                "--ground-truth", expected.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("hostile web: hostile.sim links every case", "crawl it from another terminal",
                "--resolve hostile.sim=127.0.1.1", "--resolve desync.sim=127.0.1.1", "--delay 50ms");
        List<String> seedLines = Files.readAllLines(seeds);
        assertThat(seedLines.getLast()).matches("http://hostile\\.sim:\\d+/");
        List<String> lines = Files.readAllLines(expected);
        assertThat(lines).anyMatch(l -> l.startsWith("case\tnever-answers\tfirst_byte_timeout\thttp://hostile.sim:"))
                .anyMatch(l -> l.startsWith("never_requested\tlink-only-in-smuggled-response\tnone\thttp://desync.sim:"))
                .anyMatch(l -> l.startsWith("canary\tcanary\tstatus 200\t"));
    }

    @Test
    void theChaosWebIsDrawnFromItsSeed(@TempDir Path tmp) throws Exception {
        Path first = tmp.resolve("a.tsv");
        Path second = tmp.resolve("b.tsv");
        Path other = tmp.resolve("c.tsv");
        for (Object[] run : new Object[][] {{first, "7"}, {second, "7"}, {other, "8"}}) {
            CliRun r = CliRun.of("sim", "--preset", "chaos", "--seed", (String) run[1], "--hosts", "3", "--pages", "10",
                    "--exit-after", "0s", "--ground-truth", run[0].toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("chaos web, seed " + run[1] + ": 3 hosts x 10 pages");
        }
        assertThat(withoutPorts(first)).as("the same seed, the same web").isEqualTo(withoutPorts(second));
        assertThat(withoutPorts(first)).as("another seed, another web").isNotEqualTo(withoutPorts(other));
    }

    @Test
    void optionsThatDoNotApplyAreRefusedClearly() {
        CliRun run = CliRun.of("sim", "--preset", "hostile", "--seed", "3", "--exit-after", "0s");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--hosts, --pages and --seed do not apply to --preset hostile",
                "use --preset chaos");
        CliRun log = CliRun.of("sim", "--preset", "chaos", "--log", "x.tsv", "--exit-after", "0s");
        assertThat(log.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(log.err()).contains("--log is not available with --preset chaos");
    }

    private static List<String> withoutPorts(Path p) throws Exception {
        return Files.readAllLines(p).stream().map(l -> l.replaceAll(":\\d+/", ":PORT/")).toList();
    }
}
