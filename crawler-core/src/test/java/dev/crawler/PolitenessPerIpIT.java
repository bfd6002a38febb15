package dev.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.RetryPolicy;
import dev.crawler.net.ResolveOverrides;
import dev.crawler.politeness.PolitenessPolicy;
import dev.crawler.sim.RateLimit;
import dev.crawler.sim.RequestLog;
import dev.crawler.sim.RequestRecord;
import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimServer;
import dev.crawler.sim.WireCapture;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Politeness per IP address and adaptive, measured at the server: hosts that resolve to one
 * address share its connections and its spacing, a slow host's requests are spaced by a multiple
 * of its response time, and a host that answers 429 without Retry-After sees its gaps widen, then
 * narrow once it answers again.
 *
 * <p>Request starts are read on the loopback wire ({@link WireCapture}, tcpdump) where it can
 * capture, with no tolerance; otherwise from the simulated server's log, which stamps a request
 * once a busy server thread has decoded it, so gaps there are allowed {@link #SERVER_LOG_SLACK}
 * less (see PolitenessOnTheWireIT). Requests in flight at once are counted from the server's log:
 * a request is in flight there from its decoding to its response's write, a part of the time the
 * crawler holds it.
 */
class PolitenessPerIpIT {

    private static final Duration SERVER_LOG_SLACK = Duration.ofMillis(20);
    private static final String SHARED = "127.0.1.1";

    /** Four hosts of the simulated web, all resolving to {@value #SHARED}, 50 ms of latency per response. */
    private static SimConfig fourHosts() {
        return SimConfig.defaults().withHosts(4).withPages(12).withLatency(Duration.ofMillis(50));
    }

    private static CrawlConfig sharedAddress(SimServer sim, FetchMode mode, Path out, PolitenessPolicy politeness)
            throws Exception {
        Map<String, InetAddress> all = new HashMap<>();
        for (String host : sim.web().hostNames()) {
            all.put(host, InetAddress.getByName(SHARED));
        }
        return SimCrawlIT.configFor(sim.web(), mode, out, politeness).toBuilder()
                .overrides(new ResolveOverrides(all)).build();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "THREADS", "VIRTUAL", "BUSY_POLL"})
    void hostsOfOneAddressNeverHaveMoreThanThePerIpConnectionsInFlight(FetchMode mode, @TempDir Path out)
            throws Exception {
        RequestLog requests = RequestLog.inMemory();
        try (SimServer sim = SimServer.start(fourHosts(), requests)) {
            crawl(sharedAddress(sim, mode, out, new PolitenessPolicy(2, Duration.ZERO, Duration.ofSeconds(1))
                    .withPerIp(2, Duration.ZERO)));
        }
        int most = mostAtOnce(requests.records());
        System.out.printf("per-IP connections 2, %s: at most %d requests at once at %s, %d requests%n", mode, most,
                SHARED, requests.size());
        assertThat(requests.records()).as("requests to the 4 hosts").hasSizeGreaterThan(40);
        assertThat(most).as("requests in flight at once at " + SHARED).isLessThanOrEqualTo(2);
    }

    @Test
    void withoutAPerIpLimitTheSameHostsHaveMoreInFlightAtOnce(@TempDir Path out) throws Exception {
        RequestLog requests = RequestLog.inMemory();
        try (SimServer sim = SimServer.start(fourHosts(), requests)) {
            crawl(sharedAddress(sim, FetchMode.ASYNC, out, new PolitenessPolicy(2, Duration.ZERO, Duration.ofSeconds(1))));
        }
        int most = mostAtOnce(requests.records());
        System.out.printf("no per-IP limit: at most %d requests at once at %s%n", most, SHARED);
        assertThat(most).as("what the limit prevents happens without it").isGreaterThan(2);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC", "THREADS", "VIRTUAL", "BUSY_POLL"})
    void requestStartsToOneAddressAreNeverCloserThanThePerIpDelay(FetchMode mode, @TempDir Path out)
            throws Exception {
        Duration perIpDelay = Duration.ofMillis(60);
        RequestLog requests = RequestLog.inMemory();
        List<WireCapture.Start> wire = null;
        try (SimServer sim = SimServer.start(fourHosts().withLatency(Duration.ofMillis(5)).withPages(10), requests)) {
            Optional<WireCapture> capture = WireCapture.start(sim.port());
            try {
                crawl(sharedAddress(sim, mode, out, new PolitenessPolicy(2, Duration.ofMillis(10), Duration.ofSeconds(1))
                        .withPerIp(0, perIpDelay)));
            } finally {
                if (capture.isPresent()) {
                    wire = capture.get().stop();
                }
            }
        }
        List<Long> starts;
        long floor;
        String where;
        if (wire != null) {
            assertThat(wire).as("requests captured on the wire").hasSize(requests.size());
            starts = wire.stream().map(WireCapture.Start::epochNanos).toList();
            floor = perIpDelay.toNanos();
            where = "on the wire";
        } else {
            starts = requests.records().stream().map(RequestRecord::arrivalNanos).toList();
            floor = perIpDelay.minus(SERVER_LOG_SLACK).toNanos();
            where = "in the server's log";
        }
        assertThat(requests.records().stream().map(RequestRecord::host).distinct()).as("hosts crawled").hasSize(4);
        long smallest = smallestGap(starts);
        System.out.printf("per-IP delay 60 ms, %s: smallest gap at %s %s %.3f ms over %d requests%n", mode, SHARED,
                where, smallest / 1e6, starts.size());
        assertThat(starts).hasSizeGreaterThan(30);
        assertThat(smallest).as("smallest gap between request starts to %s %s, ns", SHARED, where)
                .isGreaterThanOrEqualTo(floor);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC", "VIRTUAL", "BUSY_POLL"})
    void aSlowHostIsSpacedByTheFactorTimesItsResponseTime(FetchMode mode, @TempDir Path out) throws Exception {
        Duration latency = Duration.ofMillis(100);
        RequestLog requests = RequestLog.inMemory();
        try (SimServer sim = SimServer.start(SimConfig.defaults().withHosts(2).withPages(6).withLatency(latency),
                requests)) {
            crawl(SimCrawlIT.configFor(sim.web(), mode, out, new PolitenessPolicy(2, Duration.ofMillis(10),
                    Duration.ofSeconds(5)).withAdaptiveFactor(2)));
        }
        // every response takes at least the latency, so after the first one (robots.txt, alone)
        // the delay is at least twice the latency
        long floor = latency.multipliedBy(2).minus(SERVER_LOG_SLACK).toNanos();
        Map<String, List<Long>> byHost = startsByHost(requests.records());
        assertThat(byHost).hasSize(2);
        long smallest = Long.MAX_VALUE;
        for (List<Long> starts : byHost.values()) {
            assertThat(starts).hasSizeGreaterThan(5);
            smallest = Math.min(smallest, smallestGap(starts));
        }
        System.out.printf("adaptive delay 2 x %d ms, %s: smallest gap to a host in the server's log %.1f ms%n",
                latency.toMillis(), mode, smallest / 1e6);
        assertThat(smallest).as("smallest gap between starts to one host, ns").isGreaterThanOrEqualTo(floor);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "SYNC"})
    void gapsWidenWhileAHostAnswers429WithoutRetryAfterAndNarrowWhenItAnswersAgain(FetchMode mode,
            @TempDir Path out) throws Exception {
        RequestLog requests = RequestLog.inMemory();
        SimConfig web = SimConfig.defaults().withHosts(1).withPages(40).withLatency(Duration.ofMillis(2));
        try (SimServer sim = SimServer.start(web, requests, RateLimit.of("site-1.sim", 5, 4))) {
            crawl(SimCrawlIT.configFor(sim.web(), mode, out, new PolitenessPolicy(1, Duration.ofMillis(20),
                    Duration.ofSeconds(5))).toBuilder()
                    .retry(new RetryPolicy(8, Duration.ofMillis(5), Duration.ofSeconds(5), 0)).build());
        }
        List<RequestRecord> pages = requests.records().stream().filter(r -> !r.path().equals("/robots.txt"))
                .sorted(Comparator.comparingLong(RequestRecord::arrivalNanos)).toList();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < pages.size(); i++) {
            gaps.add(pages.get(i).arrivalNanos() - pages.get(i - 1).arrivalNanos());
        }
        System.out.printf("429 without Retry-After, %s: statuses %s%n  gaps ms %s%n", mode,
                pages.stream().map(RequestRecord::status).toList(),
                gaps.stream().map(g -> Math.round(g / 1e6)).toList());
        assertThat(pages.subList(5, 9)).as("requests 6 to 9").allMatch(r -> r.status() == 429);
        long slack = SERVER_LOG_SLACK.toNanos();
        // the delay doubles from 20 ms to 100 (at least), 200, 400, 800 ms; each plus the scheduler's margin
        long[] widened = {110, 220, 440, 850};
        for (int k = 0; k < 4; k++) {
            assertThat(gaps.get(5 + k)).as("gap after the 429 number %d, ns", k + 1)
                    .isGreaterThanOrEqualTo(widened[k] * 1_000_000L - slack);
        }
        List<Long> after = gaps.subList(9, gaps.size());
        assertThat(after).as("gaps once it answers again").hasSizeGreaterThan(15);
        assertThat(after.get(1)).as("the second gap after: narrowed by a quarter, 600 ms and a margin, ns")
                .isGreaterThanOrEqualTo(650_000_000L - slack).isLessThan(850_000_000L);
        assertThat(after.stream().anyMatch(g -> g > 100_000_000L && g < 400_000_000L))
                .as("it narrows step by step, not at once").isTrue();
        assertThat(after.get(after.size() - 1)).as("the last gap: back near the configured delay, ns")
                .isLessThan(100_000_000L);
    }

    private static void crawl(CrawlConfig config) throws Exception {
        try (Crawler crawler = Crawler.create(config)) {
            assertThat(crawler.run().reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
        }
    }

    /** The most requests the server held at once (from decoding to the end of the response's write). */
    private static int mostAtOnce(List<RequestRecord> records) {
        List<long[]> events = new ArrayList<>();
        for (RequestRecord r : records) {
            events.add(new long[] {r.arrivalNanos(), 1});
            events.add(new long[] {r.endNanos(), -1});
        }
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int now = 0;
        int most = 0;
        for (long[] e : events) {
            now += (int) e[1];
            most = Math.max(most, now);
        }
        return most;
    }

    private static Map<String, List<Long>> startsByHost(List<RequestRecord> records) {
        Map<String, List<Long>> byHost = new HashMap<>();
        records.forEach(r -> byHost.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r.arrivalNanos()));
        return byHost;
    }

    private static long smallestGap(List<Long> starts) {
        List<Long> sorted = new ArrayList<>(starts);
        sorted.sort(Comparator.naturalOrder());
        long smallest = Long.MAX_VALUE;
        for (int i = 1; i < sorted.size(); i++) {
            smallest = Math.min(smallest, sorted.get(i) - sorted.get(i - 1));
        }
        return smallest;
    }
}
