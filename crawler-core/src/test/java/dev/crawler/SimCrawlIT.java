package dev.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawler.filter.Scope;
import dev.crawler.net.AddressPolicy;
import dev.crawler.net.Cidr;
import dev.crawler.net.ResolveOverrides;
import dev.crawler.politeness.PolitenessPolicy;
import dev.crawler.sim.WireCapture;
import dev.crawler.sim.GroundTruth;
import dev.crawler.sim.HostNaming;
import dev.crawler.sim.RequestLog;
import dev.crawler.sim.RequestRecord;
import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimServer;
import dev.crawler.sim.SimWeb;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crawls a simulated web of 10 hosts x 50 pages in each fetch mode and checks the result against
 * the simulator's ground truth and its own request log, with BlockHound watching the event loops.
 */
@ExtendWith(NoBlockingOnEventLoops.class)
class SimCrawlIT {

    private static final int PER_HOST = 2;
    private static final Duration DELAY = Duration.ofMillis(100);
    /**
     * Without a wire capture: the server logs a request when it has decoded it, not when the
     * crawler sent it, and a GC pause or a busy server thread between the two makes an earlier
     * request look later, so the gap to the next one shorter (15 ms seen on 2 busy cores). This
     * much of that is tolerated (a crawler that ignored the delay would show gaps near zero).
     */
    private static final Duration SERVER_LOG_SLACK = Duration.ofMillis(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A short delay for crawls that check content rather than politeness. */
    private static final PolitenessPolicy QUICK = new PolitenessPolicy(PER_HOST, Duration.ofMillis(10), Duration.ofSeconds(1));

    /**
     * Async with one event loop (the coordinator on it) and with three (hosts spread across them,
     * the coordinator on its own thread), and sync.
     */
    static Stream<Arguments> modes() {
        return Stream.of(Arguments.of(FetchMode.ASYNC, 1), Arguments.of(FetchMode.ASYNC, 3),
                Arguments.of(FetchMode.SYNC, 1));
    }

    @ParameterizedTest(name = "{0} with {1} event loop(s)")
    @MethodSource("modes")
    void crawlFetchesExactlyTheGroundTruthPolitely(FetchMode mode, int eventLoops, @TempDir Path out)
            throws Exception {
        warmUp(mode, out.resolve("warm-up"));
        RequestLog requests = RequestLog.inMemory();
        SimConfig simConfig = SimConfig.defaults().withHosts(10).withPages(50).withLatency(Duration.ofMillis(5));
        try (SimServer sim = SimServer.start(simConfig, requests)) {
            SimWeb web = sim.web();
            CrawlSummary summary;
            Optional<WireCapture> capture = WireCapture.start(sim.port());
            try (Crawler crawler = Crawler.create(configFor(web, mode, out).toBuilder().eventLoops(eventLoops).build())) {
                summary = crawler.run();
            } finally {
                if (capture.isPresent()) {
                    capture.get().stop();
                }
            }
            assertCrawledToTheGroundTruth(web, summary, requests, out);
            assertDelayKept(requests.records(), capture.isPresent() ? capture.get().stop() : null);
        }
    }

    /**
     * Pages of the realistic profile (long-tailed sizes and link counts, a site-wide navigation,
     * decoy hrefs in scripts, styles and comments, character references in hrefs) are crawled to
     * exactly the ground truth, every URL once, every file the served bytes; the decoys are in the
     * must-not-fetch set, so a crawler that took them for links would fail here.
     */
    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "VIRTUAL"})
    void realisticPagesAreCrawledExactlyToTheGroundTruth(FetchMode mode, @TempDir Path out) throws Exception {
        RequestLog requests = RequestLog.inMemory();
        SimConfig simConfig = SimConfig.defaults().withHosts(4).withPages(40).withLatency(Duration.ofMillis(2))
                .withRealisticPages();
        try (SimServer sim = SimServer.start(simConfig, requests)) {
            SimWeb web = sim.web();
            GroundTruth truth = crawlToTheGroundTruth(web, configFor(web, mode, out, QUICK), requests, out);

            assertThat(truth.mustNotFetch()).as("decoys the crawler must not take for links")
                    .anyMatch(u -> u.contains("/decoy/template")).anyMatch(u -> u.contains("/decoy/comment"));
            assertThat(truth.mustFetch()).as("an href written with &#38; for &")
                    .contains(web.url("site-1.sim", "/?view=print&lang=en"));
        }
    }

    /**
     * A web whose hosts are named by their own loopback addresses (as the bench serves it to wget2,
     * which cannot be told to resolve made-up names) is crawled with no name pinned to an address, to
     * exactly its ground truth: every URL once, every file the served bytes, robots.txt of every host.
     */
    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "VIRTUAL"})
    void anAddressNamedWebIsCrawledWithoutOverridesToExactlyItsGroundTruth(FetchMode mode, @TempDir Path out)
            throws Exception {
        RequestLog requests = RequestLog.inMemory();
        SimConfig simConfig = SimConfig.defaults().withHosts(3).withPages(30).withLatency(Duration.ofMillis(2))
                .withRealisticPages().withHostNaming(HostNaming.ADDRESSES);
        try (SimServer sim = SimServer.start(simConfig, requests)) {
            SimWeb web = sim.web();
            CrawlConfig config = configFor(web, mode, out, QUICK).toBuilder().overrides(ResolveOverrides.none()).build();
            GroundTruth truth = crawlToTheGroundTruth(web, config, requests, out);

            assertThat(web.hostNames()).containsExactly("127.0.1.1", "127.0.1.2", "127.0.1.3");
            assertThat(truth.mustFetch()).as("links and redirects name hosts by address")
                    .allMatch(u -> u.startsWith("http://127.0.1.")).hasSizeGreaterThan(3 * 30);
        }
    }

    /**
     * Runs {@code config}'s crawl of {@code web} to its end and checks it against the ground truth:
     * completed, every URL once in the index and at the server, every file the served bytes.
     */
    private static GroundTruth crawlToTheGroundTruth(SimWeb web, CrawlConfig config, RequestLog requests, Path out)
            throws Exception {
        CrawlSummary summary;
        try (Crawler crawler = Crawler.create(config)) {
            summary = crawler.run();
        }
        return assertCrawledToTheGroundTruth(web, summary, requests, out);
    }

    /**
     * Checks a finished crawl of {@code web}: completed, every URL once in the index and at the
     * server, every file the served bytes.
     */
    static GroundTruth assertCrawledToTheGroundTruth(SimWeb web, CrawlSummary summary, RequestLog requests,
            Path out) throws Exception {
        return assertCrawledToTheGroundTruth(web, web.groundTruth(web.seedUrls()), summary, requests, out);
    }

    /** Like {@link #assertCrawledToTheGroundTruth(SimWeb, CrawlSummary, RequestLog, Path)}, to a given truth. */
    static GroundTruth assertCrawledToTheGroundTruth(SimWeb web, GroundTruth truth, CrawlSummary summary,
            RequestLog requests, Path out) throws Exception {
        List<JsonNode> index = readIndex(out.resolve("pages"));
        assertThat(summary.reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
        assertIndexMatchesGroundTruth(index, truth);
        assertServerSawEachUrlOnce(requests.records(), truth, web, summary, index);
        assertFilesEqualServedBodies(index, out.resolve("pages"), web);
        return truth;
    }

    /**
     * With no delay and a latency well above the time to dispatch, an unrestrained crawler would
     * open many connections to a host at once; the server's log shows at most PER_HOST.
     */
    @ParameterizedTest
    @EnumSource(value = FetchMode.class, names = {"ASYNC", "VIRTUAL"})
    void noHostEverHasMoreRequestsInFlightThanAllowed(FetchMode mode, @TempDir Path out) throws Exception {
        RequestLog requests = RequestLog.inMemory();
        SimConfig simConfig = SimConfig.defaults().withHosts(4).withPages(40).withLatency(Duration.ofMillis(30));
        try (SimServer sim = SimServer.start(simConfig, requests)) {
            PolitenessPolicy noDelay = new PolitenessPolicy(PER_HOST, Duration.ZERO, Duration.ZERO);
            try (Crawler crawler = Crawler.create(configFor(sim.web(), mode, out, noDelay))) {
                assertThat(crawler.run().reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
            }
            Map<String, List<RequestRecord>> byHost = requests.records().stream()
                    .collect(Collectors.groupingBy(RequestRecord::host));
            for (var e : byHost.entrySet()) {
                assertThat(maxInFlight(e.getValue())).as("requests in flight to %s", e.getKey())
                        .isLessThanOrEqualTo(PER_HOST)
                        .as("the cap is reached, so the check has teeth").isEqualTo(PER_HOST);
                // a request given out while a connection waits out its settle window goes on that
                // connection afterwards: kept-alive connections carry the whole crawl, none is added
                assertThat(e.getValue().stream().map(RequestRecord::connectionId).distinct().count())
                        .as("connections to %s over the crawl", e.getKey()).isLessThanOrEqualTo(PER_HOST);
            }
        }
    }

    /**
     * BlockHound rewrites JDK socket classes when they are first loaded, which delays the first
     * requests of a mode by tens of milliseconds between the crawler's start and the server's log.
     * A small crawl first keeps that one-off from being measured as impoliteness.
     */
    private static void warmUp(FetchMode mode, Path out) throws Exception {
        try (SimServer sim = SimServer.start(SimConfig.defaults().withHosts(2).withPages(5), RequestLog.inMemory());
                Crawler crawler = Crawler.create(configFor(sim.web(), mode, out))) {
            crawler.run();
        }
    }

    static CrawlConfig configFor(SimWeb web, FetchMode mode, Path out) throws IOException {
        return configFor(web, mode, out, new PolitenessPolicy(PER_HOST, DELAY, Duration.ofSeconds(1)));
    }

    static CrawlConfig configFor(SimWeb web, FetchMode mode, Path out, PolitenessPolicy politeness)
            throws IOException {
        Map<String, InetAddress> resolve = new HashMap<>();
        for (var e : web.resolveMap().entrySet()) {
            resolve.put(e.getKey(), InetAddress.getByName(e.getValue()));
        }
        return CrawlConfig.builder().failOnStall(true)
                .seeds(web.seedUrls())
                .outDir(out.resolve("pages"))
                .mode(mode)
                .scope(Scope.ANY)
                .concurrency(64)
                .politeness(politeness)
                .addressPolicy(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.0/8"))))
                .overrides(new ResolveOverrides(resolve))
                .build();
    }

    static List<JsonNode> readIndex(Path out) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve(Crawler.INDEX_FILE))) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static void assertIndexMatchesGroundTruth(List<JsonNode> index, GroundTruth truth) {
        List<String> urls = index.stream().map(n -> n.get("url").asText()).toList();
        assertThat(urls).as("no URL twice in index.jsonl").doesNotHaveDuplicates();
        Map<String, Integer> fetched = new HashMap<>();
        for (JsonNode n : index) {
            if (n.hasNonNull("status")) {
                fetched.put(n.get("url").asText(), n.get("status").asInt());
            } else {
                assertThat(n.get("error").asText()).as("a line without status is a refusal").startsWith("robots_denied");
                assertThat(truth.mustNotFetch()).contains(n.get("url").asText());
            }
            assertThat(n.hasNonNull("fetch_start")).isTrue();
            assertThat(n.has("depth")).isTrue();
        }
        assertThat(fetched).isEqualTo(truth.expectedStatus());
        assertThat(fetched.keySet()).containsExactlyInAnyOrderElementsOf(truth.mustFetch());
    }

    /**
     * What a failure needs to tell a crawler's second request (a retry: see its index line and the
     * summary's retries) from a request no crawler of this test sent (another test's, on a reused
     * port): each URL the server saw twice, with the server's records of it.
     */
    private static String twiceAtTheServer(List<String> requested, List<RequestRecord> records, CrawlSummary summary,
            List<JsonNode> index) {
        Set<String> once = new HashSet<>();
        Set<String> twice = new java.util.TreeSet<>();
        for (String url : requested) {
            if (!once.add(url)) {
                twice.add(url);
            }
        }
        StringBuilder why = new StringBuilder("the server saw these URLs more than once: " + twice
                + "\ncrawl summary: " + summary + "\nblocking calls caught on event loops in this JVM: "
                + BlockingGuard.violations());
        for (String url : twice) {
            URI uri = URI.create(url);
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String host = uri.getHost();
            why.append("\n").append(url).append(":");
            records.stream().filter(r -> r.host().equals(host) && r.path().equals(path))
                    .forEach(r -> why.append("\n  server: ").append(r));
            index.stream().filter(n -> n.path("url").asText().equals(url))
                    .forEach(n -> why.append("\n  index: ").append(n));
        }
        return why.toString();
    }

    private static void assertServerSawEachUrlOnce(List<RequestRecord> records, GroundTruth truth, SimWeb web,
            CrawlSummary summary, List<JsonNode> index) {
        int port = URI.create(web.seedUrls().getFirst()).getPort();
        List<String> requested = records.stream()
                .filter(r -> !r.path().equals("/robots.txt"))
                .map(r -> "http://" + r.host() + ":" + port + r.path())
                .toList();
        assertThat(requested).withFailMessage(() -> twiceAtTheServer(requested, records, summary, index))
                .doesNotHaveDuplicates();
        assertThat(requested).containsExactlyInAnyOrderElementsOf(truth.mustFetch());
        assertThat(requested).doesNotContainAnyElementsOf(truth.mustNotFetch());
        Set<String> robotsHosts = records.stream().filter(r -> r.path().equals("/robots.txt"))
                .map(RequestRecord::host).collect(Collectors.toSet());
        assertThat(robotsHosts).containsExactlyInAnyOrderElementsOf(web.hostNames());
    }

    private static void assertFilesEqualServedBodies(List<JsonNode> index, Path out, SimWeb web) throws IOException {
        int files = 0;
        for (JsonNode n : index) {
            if (!n.hasNonNull("file")) {
                continue;
            }
            URI uri = URI.create(n.get("url").asText());
            String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            byte[] served = web.respond(uri.getHost(), pathAndQuery).body();
            Path file = out.resolve(n.get("file").asText()).normalize();
            assertThat(file).startsWith(out);
            assertThat(Files.readAllBytes(file)).as(n.get("url").asText()).isEqualTo(served);
            assertThat(n.get("length").asLong()).isEqualTo(served.length);
            assertThat(n.get("sha256").asText()).isEqualTo(dev.crawler.export.Sha256.hex(served));
            files++;
        }
        assertThat(files).isPositive();
    }

    /**
     * Per host, never more than PER_HOST in flight (from the server's log), and request starts
     * DELAY apart: on the wire when it was captured, with no tolerance, else in the server's log,
     * less what the server's own lateness may hide.
     */
    static void assertDelayKept(List<RequestRecord> records, List<WireCapture.Start> wire) {
        Map<String, List<RequestRecord>> byHost = records.stream().collect(Collectors.groupingBy(RequestRecord::host));
        for (var e : byHost.entrySet()) {
            List<RequestRecord> list = new ArrayList<>(e.getValue());
            list.sort(Comparator.comparingLong(RequestRecord::arrivalNanos));
            assertThat(maxInFlight(list)).as("requests in flight to %s", e.getKey()).isLessThanOrEqualTo(PER_HOST);
        }
        if (wire != null) {
            assertThat(wire).as("requests captured on the wire").hasSizeGreaterThanOrEqualTo(records.size());
            Map<String, List<Long>> starts = wire.stream().collect(Collectors.groupingBy(WireCapture.Start::host,
                    Collectors.mapping(WireCapture.Start::epochNanos, Collectors.toList())));
            HostileInvariants.assertSpaced(HostileInvariants.smallestGapsMillis(starts), DELAY,
                    List.copyOf(byHost.keySet()), "on the wire");
            return;
        }
        Map<String, List<Long>> logged = records.stream().collect(Collectors.groupingBy(RequestRecord::host,
                Collectors.mapping(RequestRecord::arrivalNanos, Collectors.toList())));
        HostileInvariants.assertSpaced(HostileInvariants.smallestGapsMillis(logged), DELAY.minus(SERVER_LOG_SLACK),
                List.copyOf(byHost.keySet()), "in the server's log");
    }

    private static int maxInFlight(List<RequestRecord> sortedByArrival) {
        List<long[]> events = new ArrayList<>();
        for (RequestRecord r : sortedByArrival) {
            events.add(new long[] {r.arrivalNanos(), +1});
            events.add(new long[] {r.endNanos(), -1});
        }
        events.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
        int current = 0;
        int max = 0;
        for (long[] ev : events) {
            current += (int) ev[1];
            max = Math.max(max, current);
        }
        return max;
    }
}
