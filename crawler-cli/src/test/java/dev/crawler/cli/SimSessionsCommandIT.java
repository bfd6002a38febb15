package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
 * {@code crawler sim --sessions --login site-2.sim=alice:secret}: the crawl command it writes (with
 * {@code --auth}) crawls the web with every host's cookie after its first answer and the login where
 * it belongs, and the counts that show it are printed when the web stops; bad logins are refused.
 */
class SimSessionsCommandIT {

    @Test
    void theCrawlCommandItWritesKeepsSessionsAndLogsInAndTheCountsArePrintedAtTheEnd(@TempDir Path tmp) throws Exception {
        Path seeds = tmp.resolve("seeds.txt");
        int port = freePort();
        CompletableFuture<CliRun> served = CompletableFuture.supplyAsync(() -> CliRun.of("sim", "--hosts", "3", "--pages",
                "10", "--latency-ms", "0", "--sessions", "--login", "site-2.sim=alice:secret", "--port",
                String.valueOf(port), "--exit-after", "12s", "--write-seeds", seeds.toString()));
        String command = awaitCrawlCommand(seeds);
        assertThat(command).contains(" --auth site-2.sim=alice:secret ");

        List<String> args = new ArrayList<>(List.of("crawl", "--out", tmp.resolve("out").toString(), "--progress", "log"));
        args.addAll(Arrays.asList(command.substring(command.indexOf("crawler crawl ") + "crawler crawl ".length()).split(" ")));
        CliRun crawl = CliRun.of(args.toArray(String[]::new));
        assertThat(crawl.exitCode()).as(crawl.toString()).isZero();

        CliRun sim = served.get(60, TimeUnit.SECONDS);
        assertThat(sim.exitCode()).as(sim.toString()).isZero();
        assertThat(sim.out()).contains("port " + port + " (", ", sessions, a login on site-2.sim\n")
                .containsPattern("sessions: [0-9,]+ requests with their host's cookie, 3 without it \\(on 3 hosts\\),"
                        + " 0 with another host's; logins: site-2.sim [0-9,]+ requests with the login, 0 without;"
                        + " 0 logins sent where they do not belong\n");
    }

    @Test
    void badLoginsAndLoginsOnAnotherWebAreRefused(@TempDir Path tmp) {
        CliRun noHost = CliRun.of("sim", "--hosts", "3", "--login", "site-4.sim=alice:secret", "--exit-after", "0s");
        assertThat(noHost.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noHost.err()).contains("site-4.sim, which is not a host of this simulated web");
        CliRun malformed = CliRun.of("sim", "--login", "site-2.sim=alice", "--exit-after", "0s");
        assertThat(malformed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(malformed.err()).contains("HOST=USER:PASS");
        CliRun hostile = CliRun.of("sim", "--preset", "hostile", "--sessions", "--exit-after", "0s");
        assertThat(hostile.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(hostile.err()).contains("apply to the generated web only");
    }

    @Test
    void aMalformedRateLimitIsRefusedSayingTheForm() {
        CliRun parts = CliRun.of("sim", "--rate-limit", "site-1.sim:20", "--exit-after", "0s");
        assertThat(parts.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(parts.err()).contains("--rate-limit", "HOST:AFTER:COUNT");
        CliRun words = CliRun.of("sim", "--rate-limit", "site-1.sim:twenty:4", "--exit-after", "0s");
        assertThat(words.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(words.err()).contains("whole numbers");
        CliRun ok = CliRun.of("sim", "--hosts", "2", "--pages", "5", "--rate-limit", "site-1.sim:2:3", "--exit-after", "0s");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
    }

    /** The crawl command in the seeds file's second line, once the web is serving. */
    private static String awaitCrawlCommand(Path seeds) throws Exception {
        for (int i = 0; i < 500; i++) {
            if (Files.exists(seeds)) {
                List<String> lines = Files.readAllLines(seeds);
                if (lines.size() >= 5) {
                    return lines.get(1);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no seeds written to " + seeds);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.1.1", 0));
            return s.getLocalPort();
        }
    }
}
