package dev.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.RetryPolicy;
import dev.crawler.sim.WireCapture;
import dev.crawler.sim.hostile.ChaosWeb;
import dev.crawler.sim.hostile.HostileWeb;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The seeded chaos soak ({@code crawler sim --preset chaos --seed N}): for each seed, a web of
 * hosts whose pages fail, recover, redirect, reset, bomb and smuggle at random is crawled in the
 * async and the sync mode, with the same invariants as the hostile web: the crawl ends by itself,
 * every page has its one right outcome, nothing smuggled is stored or followed, and politeness
 * holds at the server. CI runs seeds 1 to 3; {@code -Dchaos.seeds=1..50} (or a list, {@code 7,12})
 * runs more, and a failing seed replays with {@code -Dchaos.seeds=N}.
 */
@ExtendWith(NoBlockingOnEventLoops.class)
class ChaosSoakIT {

    static final int HOSTS = 6;
    static final int PAGES_PER_HOST = 25;

    @TestFactory
    @Timeout(1800)
    Stream<DynamicTest> everySeedEndsWithOneRightOutcomePerUrl() {
        return seeds(System.getProperty("chaos.seeds", "1..3")).boxed().flatMap(seed -> Stream.of(FetchMode.ASYNC,
                FetchMode.SYNC).map(mode -> DynamicTest.dynamicTest("seed " + seed + " " + mode, () -> soak(seed, mode))));
    }

    private static void soak(long seed, FetchMode mode) throws Exception {
        Path out = Files.createTempDirectory("chaos-" + seed + "-");
        String replay = "seed " + seed + " in " + mode + " (replay: -Dchaos.seeds=" + seed + ")";
        try (ChaosWeb web = ChaosWeb.start(seed, HOSTS, PAGES_PER_HOST, InetAddress.getByName("127.0.0.1"), 0)) {
            Optional<WireCapture> capture = WireCapture.start(web.port());
            long started = System.nanoTime();
            HostileCrawl crawl;
            try {
                crawl = HostileCrawl.run(HostileWebIT.config(web.resolveMap(), web.seeds(), mode, out)
                        .retry(new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(3), 0))
                        .build());
            } finally {
                if (capture.isPresent()) {
                    capture.get().stop();
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Path report = Path.of("target", "chaos-soak.txt");
            Files.writeString(report, "seed " + seed + " " + mode + ": " + took.toMillis() + " ms, "
                    + crawl.index.size() + " index lines, " + web.server().requests().size() + " requests\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            assertThat(took).as("%s ends by itself", replay).isLessThan(HostileWebIT.bound(mode));
            assertThat(crawl.summary.reason()).as(replay).isEqualTo(CrawlSummary.StopReason.COMPLETED);
            HostileInvariants.assertEveryOutcome(web.cases(), crawl, web.server());
            assertThat(crawl.index.keySet()).as("%s: every index line is for a URL of the web", replay)
                    .isSubsetOf(web.cases().stream().map(c -> c.url()).toList());
            HostileInvariants.assertNothingSmuggledStored(out, crawl, HostileWeb.SMUGGLED);
            Map<String, Double> gaps = HostileInvariants.smallestGapsMillis(HostileInvariants.startsByHost(
                    capture.isPresent() ? capture.get().stop() : null, web.server()));
            HostileInvariants.assertSpaced(gaps, HostileWebIT.DELAY,
                    capture.isPresent() ? web.seeds().stream().map(u -> java.net.URI.create(u).getHost()).toList() : List.of(),
                    replay + (capture.isPresent() ? " on the wire" : " in the server's log"));
        } finally {
            deleteTree(out);
        }
    }

    /** {@code 1..3} or {@code 4,9,12}. */
    static LongStream seeds(String spec) {
        String s = spec.strip();
        int range = s.indexOf("..");
        if (range > 0) {
            return LongStream.rangeClosed(Long.parseLong(s.substring(0, range).strip()),
                    Long.parseLong(s.substring(range + 2).strip()));
        }
        List<Long> list = new ArrayList<>();
        for (String part : s.split(",")) {
            list.add(Long.parseLong(part.strip()));
        }
        return list.stream().mapToLong(Long::longValue);
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
