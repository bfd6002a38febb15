package dev.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.RetryPolicy;
import dev.crawler.filter.Scope;
import dev.crawler.net.AddressPolicy;
import dev.crawler.net.Cidr;
import dev.crawler.net.ResolveOverrides;
import dev.crawler.politeness.PolitenessPolicy;
import dev.crawler.sim.WireCapture;
import dev.crawler.sim.hostile.HostileCase;
import dev.crawler.sim.hostile.HostileWeb;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A whole crawl of the hostile web ({@code crawler sim --preset hostile}) with the settings a user
 * would give one bad site: it ends by itself within a minute, every canary between the cases is
 * fetched, every case has exactly one index line with the outcome a correct crawl gives it, nothing
 * a smuggled response carried is stored or followed, and no two requests to one host reached the
 * server closer than the delay. The bound is a minute in async mode and two in sync mode, where
 * the timeouts of the silent and trickling cases add up one after the other (47 s seen, 2 cores). The outcome per behaviour is written to
 * {@code target/hostile-web-MODE.txt}.
 */
@Timeout(180)
@ExtendWith(NoBlockingOnEventLoops.class)
class HostileWebIT {

    /** The delay between request starts to one host. */
    static final Duration DELAY = Duration.ofMillis(50);
    /** How long a crawl of the hostile web may take before it counts as stuck, per mode. */
    static Duration bound(FetchMode mode) {
        return mode == FetchMode.SYNC ? Duration.ofSeconds(120) : Duration.ofSeconds(60);
    }

    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void aCrawlOfTheHostileWebEndsWithOneRightOutcomePerUrl(FetchMode mode, @TempDir Path out) throws Exception {
        try (HostileWeb web = HostileWeb.start(InetAddress.getByName("127.0.0.1"), 0)) {
            Optional<WireCapture> capture = WireCapture.start(web.port());
            long started = System.nanoTime();
            HostileCrawl crawl;
            try {
                crawl = HostileCrawl.run(config(web.resolveMap(), List.of(web.seed()), mode, out).build());
            } finally {
                if (capture.isPresent()) {
                    capture.get().stop();
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Map<String, Double> gaps = HostileInvariants.smallestGapsMillis(HostileInvariants.startsByHost(
                    capture.isPresent() ? capture.get().stop() : null, web.server()));
            writeReport(mode, web.cases(), crawl, took, gaps, capture.isPresent());

            assertThat(took).as("the crawl ends by itself").isLessThan(bound(mode));
            assertThat(crawl.summary.reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
            assertThat(crawl.summary.stats().stalls()).isZero();
            HostileInvariants.assertEveryOutcome(web.cases(), crawl, web.server());
            assertThat(crawl.index.keySet()).as("every index line is for a URL of the web")
                    .isSubsetOf(web.cases().stream().map(HostileCase::url).toList());
            HostileInvariants.assertNothingSmuggledStored(out, crawl, HostileWeb.SMUGGLED);
            HostileInvariants.assertSpaced(gaps, DELAY, capture.isPresent()
                    ? List.of(HostileWeb.MAIN_HOST, "desync.sim", "robots-redirect-loop.sim") : List.of(HostileWeb.MAIN_HOST),
                    mode + (capture.isPresent() ? " on the wire" : " in the server's log"));
        }
    }

    /** The settings a user gives one bad site: short timeouts, a short back-off bound, a small delay. */
    static CrawlConfig.Builder config(Map<String, String> resolve, List<String> seeds, FetchMode mode, Path out)
            throws IOException {
        Map<String, InetAddress> pins = new HashMap<>();
        for (Map.Entry<String, String> e : resolve.entrySet()) {
            pins.put(e.getKey(), InetAddress.getByName(e.getValue()));
        }
        CrawlConfig.Builder b = CrawlConfig.builder()
                .seeds(seeds)
                .outDir(out)
                .mode(mode)
                .scope(Scope.ANY)
                .concurrency(16)
                .politeness(new PolitenessPolicy(2, DELAY, Duration.ofSeconds(1)))
                .retry(new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(3), 10))
                .failOnStall(true)
                .addressPolicy(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.0/8"))))
                .overrides(new ResolveOverrides(pins));
        FetchSettings f = b.fetch();
        return b.fetch(f.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
                .withMinTransferRate(1024, Duration.ofSeconds(2)));
    }

    private static void writeReport(FetchMode mode, List<HostileCase> cases, HostileCrawl crawl, Duration took,
            Map<String, Double> gaps, boolean onTheWire) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# hostile web, mode " + mode + ": crawl took " + took.toMillis() + " ms, " + crawl.index.size()
                + " index lines, " + crawl.summary.stats().stalls() + " stalls");
        Map<String, String> outcomes = HostileInvariants.outcomes(cases, crawl);
        for (HostileCase c : cases) {
            if (c.kind() != HostileCase.Kind.CANARY) {
                lines.add(c.behaviour() + "\t" + c.url() + "\t" + outcomes.get(c.url()));
            }
        }
        long canaries = cases.stream().filter(c -> c.kind() == HostileCase.Kind.CANARY)
                .filter(c -> c.expects(outcomes.get(c.url()))).count();
        lines.add("canaries fetched: " + canaries);
        gaps.forEach((host, gap) -> lines.add(String.format(java.util.Locale.ROOT, "smallest gap %s %.3f ms %s", host, gap,
                onTheWire ? "on the wire" : "in the server's log")));
        Path report = Path.of("target", "hostile-web-" + mode.name().toLowerCase(java.util.Locale.ROOT) + ".txt");
        Files.createDirectories(report.getParent());
        Files.write(report, lines, StandardCharsets.UTF_8);
    }
}
