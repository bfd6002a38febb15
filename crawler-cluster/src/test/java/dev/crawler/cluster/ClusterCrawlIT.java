package dev.crawler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawler.CrawlConfig;
import dev.crawler.CrawlSummary;
import dev.crawler.Crawler;
import dev.crawler.cli.run.ClusterMode;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.filter.Scope;
import dev.crawler.filter.TrapPolicy;
import dev.crawler.net.AddressPolicy;
import dev.crawler.net.Cidr;
import dev.crawler.net.ResolveOverrides;
import dev.crawler.politeness.PolitenessPolicy;
import dev.crawler.sim.GroundTruth;
import dev.crawler.sim.RequestLog;
import dev.crawler.sim.RequestRecord;
import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimServer;
import dev.crawler.sim.SimWeb;
import dev.crawler.sim.WireCapture;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Whole crawls of the simulated web by several nodes of one crawl on a real Kafka node
 * ({@link EmbeddedBroker}), each node a {@link Crawler} on its {@link ClusterNode}: together they
 * fetch exactly the ground truth, every URL once over all nodes, each host from one node only, and
 * each node ends by itself once the whole crawl is over.
 */
class ClusterCrawlIT extends OnEmbeddedBroker {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARTITIONS = 6;

    @Test
    void twoNodesTogetherCrawlExactlyTheGroundTruthEachUrlOnceAndBothEndByThemselves() throws Exception {
        crawlTogether("two", false);
    }

    /** The same with Kafka's exactly-once v2: the Streams application's writes go in transactions. */
    @Test
    void twoNodesTogetherWithExactlyOnceCrawlExactlyTheGroundTruth() throws Exception {
        crawlTogether("two-eos", true);
    }

    /** A node that asks for another processing guarantee than the crawl's is refused, with the difference named. */
    @Test
    void aNodeWithAnotherProcessingGuaranteeIsRefused() throws Exception {
        SimConfig simConfig = SimConfig.defaults().withHosts(2).withPages(5);
        try (SimServer sim = SimServer.start(simConfig, RequestLog.inMemory())) {
            SimWeb web = sim.web();
            ClusterMode mode = new KafkaClusterMode();
            CrawlConfig config = config(web, dir.resolve("guarantee/n1"));
            try (ClusterMode.Node n1 = mode.join(join("guarantee", "n1", config, false))) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> mode.join(join("guarantee", "n2", config, true)))
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("processing")
                        .hasMessageContaining("exactly once (--exactly-once)")
                        .hasMessageContaining("at least once");
            }
        }
    }

    private void crawlTogether(String crawlId, boolean exactlyOnce) throws Exception {
        RequestLog requests = RequestLog.inMemory();
        SimConfig simConfig = SimConfig.defaults().withHosts(8).withPages(30).withLatency(Duration.ofMillis(5));
        try (SimServer sim = SimServer.start(simConfig, requests)) {
            SimWeb web = sim.web();
            Path out1 = dir.resolve(crawlId + "/n1");
            Path out2 = dir.resolve(crawlId + "/n2");
            ClusterMode mode = new KafkaClusterMode();
            List<CrawlSummary> ended = runBoth(mode, join(crawlId, "n1", config(web, out1), exactlyOnce),
                    join(crawlId, "n2", config(web, out2), exactlyOnce));
            CrawlSummary s1 = ended.get(0);
            CrawlSummary s2 = ended.get(1);
            assertThat(s1.reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
            assertThat(s2.reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);

            List<JsonNode> index1 = readIndex(out1);
            List<JsonNode> index2 = readIndex(out2);
            assertExactlyTheGroundTruthOnce(web, requests, index1, index2);

            Set<String> hosts1 = hosts(index1);
            Set<String> hosts2 = hosts(index2);
            assertThat(hosts1).as("no host fetched from both nodes").doesNotContainAnyElementsOf(hosts2);
            assertThat(hosts1).as("both nodes had hosts to crawl").isNotEmpty();
            assertThat(hosts2).isNotEmpty();
        }
    }

    /**
     * {@code --max-pages} counts over the whole crawl: two nodes with a budget of 200 start about
     * 200 pages between them, not 200 each (there are about 320 to fetch, at 200 ms a host, so
     * both nodes crawl for seconds and either could start 200 alone), and both end by themselves
     * once it is spent. Near the budget a node may start a page before the other's latest count
     * reaches it: a few here, never a node's whole budget.
     */
    @Test
    void thePageBudgetCountsOverAllNodes() throws Exception {
        RequestLog requests = RequestLog.inMemory();
        SimConfig simConfig = SimConfig.defaults().withHosts(8).withPages(40).withLatency(Duration.ofMillis(5));
        long budget = 200;
        Duration delay = Duration.ofMillis(200);
        try (SimServer sim = SimServer.start(simConfig, requests)) {
            SimWeb web = sim.web();
            Path out1 = dir.resolve("budget/n1");
            Path out2 = dir.resolve("budget/n2");
            CrawlConfig config1 = config(web, out1, delay, Duration.ofSeconds(3)).toBuilder().maxPages(budget).build();
            CrawlConfig config2 = config(web, out2, delay, Duration.ofSeconds(3)).toBuilder().maxPages(budget).build();
            ClusterMode mode = new KafkaClusterMode();
            List<CrawlSummary> ended = runBoth(mode, join("budget", "n1", config1), join("budget", "n2", config2));
            CrawlSummary s1 = ended.get(0);
            CrawlSummary s2 = ended.get(1);
            assertThat(s1.reason()).isEqualTo(CrawlSummary.StopReason.MAX_PAGES);
            assertThat(s2.reason()).isEqualTo(CrawlSummary.StopReason.MAX_PAGES);
            List<String> atServer = pagesRequested(web, requests);
            List<JsonNode> index1 = readIndex(out1);
            List<JsonNode> index2 = readIndex(out2);
            System.out.println("budget " + budget + ": " + atServer.size() + " pages requested (" + index1.size() + " + "
                    + index2.size() + " index lines)");
            assertThat(atServer).as("pages started over both nodes").doesNotHaveDuplicates().hasSizeBetween((int) budget,
                    (int) budget + 16);
            assertThat(index1).as("each node fetched part of the budget").isNotEmpty();
            assertThat(index2).isNotEmpty();
            List<String> indexed = new ArrayList<>();
            concat(index1, index2).stream().filter(n -> n.hasNonNull("status")).forEach(n -> indexed.add(n.get("url").asText()));
            assertThat(indexed).as("every page started is indexed once, by one node")
                    .containsExactlyInAnyOrderElementsOf(atServer);
        }
    }

    /**
     * The trap rules that count hold over the whole crawl: a host's URLs are found on both nodes,
     * yet with a cap of 10 URLs a host, the server sees at most 10 requests for each host's pages
     * (each node counting the links it found itself let up to 20 through), and a URL refused by the
     * cap is recorded once, by one node, not by every node that found it.
     */
    @Test
    void theTrapRulesCountEachHostsUrlsOverAllNodesAndRecordARefusalOnce() throws Exception {
        RequestLog requests = RequestLog.inMemory();
        SimConfig simConfig = SimConfig.defaults().withHosts(8).withPages(40).withLatency(Duration.ofMillis(5));
        int cap = 10;
        try (SimServer sim = SimServer.start(simConfig, requests)) {
            SimWeb web = sim.web();
            Path out1 = dir.resolve("traps/n1");
            Path out2 = dir.resolve("traps/n2");
            TrapPolicy traps = new TrapPolicy(2048, 32, 3, 1000, cap, 10_000);
            CrawlConfig config1 = config(web, out1).toBuilder().traps(traps).build();
            CrawlConfig config2 = config(web, out2).toBuilder().traps(traps).build();
            List<CrawlSummary> ended = runBoth(new KafkaClusterMode(), join("traps", "n1", config1),
                    join("traps", "n2", config2));
            assertThat(ended).extracting(CrawlSummary::reason).containsOnly(CrawlSummary.StopReason.COMPLETED);
            List<JsonNode> index1 = readIndex(out1);
            List<JsonNode> index2 = readIndex(out2);
            List<JsonNode> all = concat(index1, index2);
            List<String> urls = all.stream().map(n -> n.get("url").asText()).toList();
            assertThat(urls).as("no URL in two nodes' indexes, nor twice in one").doesNotHaveDuplicates();
            Map<String, Long> perHost = new HashMap<>();
            for (String url : pagesRequested(web, requests)) {
                perHost.merge(java.net.URI.create(url).getHost(), 1L, Long::sum);
            }
            long refused = all.stream().filter(n -> n.path("error").asText().startsWith("host_page_cap")).count();
            System.out.println("trap cap " + cap + ": requests per host " + perHost + ", " + refused + " refused ("
                    + index1.size() + " + " + index2.size() + " index lines)");
            assertThat(perHost).as("hosts crawled").hasSize(8);
            assertThat(perHost.values()).as("page requests to each host, over both nodes").allMatch(n -> n <= cap);
            assertThat(refused).as("URLs refused by the cap, each with its line").isPositive();
            Set<String> fetched = new HashSet<>(pagesRequested(web, requests));
            assertThat(all.stream().filter(n -> n.hasNonNull("status")).map(n -> n.get("url").asText()).toList())
                    .as("every page requested is indexed once").containsExactlyInAnyOrderElementsOf(fetched);
        }
    }

    /**
     * A second node that joins while the first is crawling takes over part of the partitions: the
     * first hands them over (what it is fetching for them finishes there, its outcomes reach the
     * newcomer, which holds those hosts back meanwhile, and then its handover marker ends the
     * newcomer's grace), so the crawl still fetches every URL once, the hosts' delay holds at the
     * server across the handover (on the loopback wire, see {@link SpacingAtTheServer}), and the
     * newcomer need not wait out the whole grace: here the response timeout of 60 s, far longer
     * than the crawl takes with the handover.
     */
    @Test
    void aNodeJoiningMidCrawlTakesPartitionsOverAndEveryUrlIsStillFetchedOnceAndPolitely() throws Exception {
        RequestLog requests = RequestLog.inMemory();
        SimConfig simConfig = SimConfig.defaults().withHosts(8).withPages(40).withLatency(Duration.ofMillis(5));
        Duration delay = Duration.ofMillis(100);
        List<WireCapture.Start> wire = null;
        try (SimServer sim = SimServer.start(simConfig, requests)) {
            SimWeb web = sim.web();
            Optional<WireCapture> capture = WireCapture.start(sim.port());
            Path out1 = dir.resolve("join/n1");
            Path out2 = dir.resolve("join/n2");
            ClusterMode mode = new KafkaClusterMode();
            CrawlSummary s1;
            CrawlSummary s2;
            long pagesBeforeJoin;
            Duration grace = Duration.ofSeconds(60);
            long started = System.nanoTime();
            try (WireCapture closed = capture.orElse(null);
                    ClusterMode.Node n1 = mode.join(join("join", "n1", config(web, out1, delay, grace)));
                    Crawler c1 = Crawler.builder(config(web, out1, delay, grace)).frontier(n1.frontier()).build()) {
                CompletableFuture<CrawlSummary> f1 = c1.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (c1.stats().snapshot().pages() < 40 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                pagesBeforeJoin = c1.stats().snapshot().pages();
                try (ClusterMode.Node n2 = mode.join(join("join", "n2", config(web, out2, delay, grace)));
                        Crawler c2 = Crawler.builder(config(web, out2, delay, grace)).frontier(n2.frontier()).build()) {
                    CompletableFuture<CrawlSummary> f2 = c2.start();
                    s1 = f1.get(180, TimeUnit.SECONDS);
                    s2 = f2.get(180, TimeUnit.SECONDS);
                }
                if (capture.isPresent()) {
                    wire = capture.get().stop();
                }
            }
            assertThat(pagesBeforeJoin).as("the first node was crawling when the second joined")
                    .isBetween(40L, (long) web.groundTruth(web.seedUrls()).mustFetch().size() / 2);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(s1.reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
            assertThat(s2.reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
            assertThat(took).as("the handover ended the takeover grace: the crawl did not wait it out")
                    .isLessThan(grace);
            List<JsonNode> index1 = readIndex(out1);
            List<JsonNode> index2 = readIndex(out2);
            assertThat(hosts(index2)).as("the second node took hosts over").isNotEmpty();
            assertExactlyTheGroundTruthOnce(web, requests, index1, index2);
            SpacingAtTheServer.assertSpaced(requests.records(), wire, delay);
            Map<String, Long> robotsFetches = new HashMap<>();
            requests.records().stream().filter(r -> r.path().equals("/robots.txt"))
                    .forEach(r -> robotsFetches.merge(r.host(), 1L, Long::sum));
            assertThat(robotsFetches).as("robots.txt fetches per host: the first node's rules went with its hosts")
                    .hasSize(8).allSatisfy((host, n) -> assertThat(n).isEqualTo(1L));
        }
    }

    private static void assertExactlyTheGroundTruthOnce(SimWeb web, RequestLog requests, List<JsonNode> index1,
            List<JsonNode> index2) {
        List<String> urls = new ArrayList<>();
        index1.forEach(n -> urls.add(n.get("url").asText()));
        index2.forEach(n -> urls.add(n.get("url").asText()));
        assertThat(urls).as("no URL in two nodes' indexes, nor twice in one").doesNotHaveDuplicates();
        GroundTruth truth = web.groundTruth(web.seedUrls());
        Map<String, Integer> fetched = new HashMap<>();
        for (JsonNode n : concat(index1, index2)) {
            if (n.hasNonNull("status")) {
                fetched.put(n.get("url").asText(), n.get("status").asInt());
            }
        }
        assertThat(fetched).isEqualTo(truth.expectedStatus());
        List<String> atServer = pagesRequested(web, requests);
        assertThat(atServer).as("every URL requested once over all nodes").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(truth.mustFetch());
    }

    /** Two nodes of one crawl, started together; their summaries once both ended by themselves. */
    private static List<CrawlSummary> runBoth(ClusterMode mode, ClusterMode.Join first, ClusterMode.Join second)
            throws Exception {
        try (ClusterMode.Node n1 = mode.join(first);
                ClusterMode.Node n2 = mode.join(second);
                Crawler c1 = Crawler.builder(first.config()).frontier(n1.frontier()).build();
                Crawler c2 = Crawler.builder(second.config()).frontier(n2.frontier()).build()) {
            CompletableFuture<CrawlSummary> f1 = c1.start();
            CompletableFuture<CrawlSummary> f2 = c2.start();
            return List.of(f1.get(180, TimeUnit.SECONDS), f2.get(180, TimeUnit.SECONDS));
        }
    }

    private static ClusterMode.Join join(String crawlId, String node, CrawlConfig config) {
        return join(crawlId, node, config, false);
    }

    private static ClusterMode.Join join(String crawlId, String node, CrawlConfig config, boolean exactlyOnce) {
        return new ClusterMode.Join(broker.bootstrap(), crawlId, node, PARTITIONS, (short) 1, config, exactlyOnce);
    }

    static CrawlConfig config(SimWeb web, Path out) throws IOException {
        return config(web, out, Duration.ofMillis(20), Duration.ofSeconds(3));
    }

    /**
     * A crawl of {@code web} as every node runs it; a fetch may take {@code responseTimeout} at
     * most, which is the grace of a node that takes busy partitions over.
     */
    static CrawlConfig config(SimWeb web, Path out, Duration delay, Duration responseTimeout) throws IOException {
        Map<String, InetAddress> resolve = new HashMap<>();
        for (var e : web.resolveMap().entrySet()) {
            resolve.put(e.getKey(), InetAddress.getByName(e.getValue()));
        }
        return CrawlConfig.builder().failOnStall(true)
                .seeds(web.seedUrls())
                .outDir(out)
                .scope(Scope.ANY)
                .concurrency(32)
                .fetch(FetchSettings.defaults(CrawlConfig.DEFAULT_USER_AGENT).withResponseTimeout(responseTimeout))
                .politeness(new PolitenessPolicy(2, delay, Duration.ofSeconds(1)))
                .addressPolicy(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.0/8"))))
                .overrides(new ResolveOverrides(resolve))
                .build();
    }

    /** The URLs of the pages the server was asked for, robots.txt left out, in the order they came. */
    static List<String> pagesRequested(SimWeb web, RequestLog requests) {
        List<String> urls = new ArrayList<>();
        for (RequestRecord r : requests.records()) {
            if (!r.path().equals("/robots.txt")) {
                urls.add(web.url(r.host(), r.path()));
            }
        }
        return urls;
    }

    /** The lines of the index under {@code out}, none if it has none. */
    static List<JsonNode> readIndex(Path out) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        Path index = out.resolve(Crawler.INDEX_FILE);
        if (!Files.exists(index)) {
            return lines;
        }
        for (String line : Files.readAllLines(index)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
        List<JsonNode> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Set<String> hosts(List<JsonNode> index) {
        Set<String> out = new HashSet<>();
        for (JsonNode n : index) {
            if (n.hasNonNull("status")) {
                out.add(java.net.URI.create(n.get("url").asText()).getHost());
            }
        }
        return out;
    }
}
