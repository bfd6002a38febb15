package dev.crawler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crawler.sim.GroundTruth;
import dev.crawler.sim.RequestLog;
import dev.crawler.sim.RequestRecord;
import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimServer;
import dev.crawler.sim.SimWeb;
import dev.crawler.sim.WireCapture;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.StreamsGroupDescription;
import org.apache.kafka.clients.admin.StreamsGroupMemberAssignment;
import org.apache.kafka.clients.admin.StreamsGroupMemberDescription;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl of the simulated web by three crawler nodes, each a JVM of its own running
 * {@code crawler crawl --cluster}, on a Kafka cluster of one controller and three brokers
 * (Kafka's own test kit); the node holding the most partitions is killed with SIGKILL while it
 * fetches. The other two take its partitions over within the session timeout; started again on
 * its own output while they crawl, it gets partitions back, writes what it had sent and not
 * indexed, and all three end by themselves with every URL in exactly one index.
 */
class ClusterFailoverIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARTITIONS = 12;
    private static final int CONCURRENCY = 8;
    private static final int PER_HOST = 2;
    private static final Duration DELAY = Duration.ofMillis(100);
    /** The brokers' streams session timeout: a silent node's partitions move after this. */
    private static final Duration SESSION = Duration.ofSeconds(6);
    /** Time for the survivors to restore the moved stores and take them up, beyond the session timeout. */
    private static final Duration RESTORE_BOUND = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    static KafkaClusterTestKit kafka;
    /** The crawl of the test running: each test runs a crawl of its own on the one Kafka cluster. */
    private String crawl = "failover";

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = TestKafkaCluster.start(dir.resolve("kafka"), SESSION);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theNodeWithTheMostPartitionsKilledMidCrawlIsTakenOverGetsPartitionsBackWhenStartedAgainAndEveryUrlIsIndexedOnce()
            throws Exception {
        onThreeNodes("failover", 240, c -> {
            SimWeb web = c.web();
            GroundTruth truth = c.truth();
            RequestLog requests = c.requests();
            Admin admin = c.admin();
            Map<String, Process> nodes = c.nodes();
            awaitAQuarterCrawled(admin, requests, truth);
            assertThat(requests.records().size()).as("the crawl was under way").isGreaterThan(50);
            String victim = mostPartitions(admin);
            int heldByVictim = activePartitions(admin).getOrDefault(victim, Set.of()).size();
            nodes.get(victim).destroyForcibly().waitFor();
            long killedAt = System.nanoTime();
            int beforeKill = requests.records().size();

            Duration failover = awaitAllPartitionsActive(admin, victim, SESSION.plus(RESTORE_BOUND).plusSeconds(5));
            assertThat(failover).as("every partition active again on the survivors").isLessThan(SESSION.plus(RESTORE_BOUND));
            // the killed node, started again on its output directory while the others still crawl,
            // writes the index lines of pages whose outcome it had sent before it died, gets
            // partitions back, crawls them, and ends with the others
            int linesBeforeRestart = ClusterCrawlIT.readIndex(nodeDir(victim)).size();
            Process again = startNode(web, victim, "-again");
            nodes.put(victim + "-again", again);
            Duration back = awaitPartitionsOf(admin, victim, Duration.ofSeconds(90));
            assertThat(back).as("%s, started again mid-crawl, holds partitions again", victim)
                    .isLessThan(Duration.ofSeconds(90));
            assertThat(requests.records().size()).as("the crawl was still under way when it got them back")
                    .isLessThan(truth.mustFetch().size());
            for (var e : nodes.entrySet()) {
                if (!e.getKey().equals(victim)) {
                    assertThat(e.getValue().waitFor(180, TimeUnit.SECONDS)).as("%s ended by itself", e.getKey()).isTrue();
                    assertThat(e.getValue().exitValue()).as("%s exit code (see %s)", e.getKey(), log(e.getKey())).isZero();
                }
            }
            java.nio.file.Files.readAllLines(log(victim + "-again")).stream().filter(l -> l.startsWith("resuming"))
                    .forEach(l -> System.out.println("failover: " + victim + " started again: " + l));
            int fetchedAfterRestart = ClusterCrawlIT.readIndex(nodeDir(victim)).size() - linesBeforeRestart;
            System.out.printf("failover: %s started again held partitions %.1f s later, and indexed %d more lines%n",
                    victim, back.toMillis() / 1e3, fetchedAfterRestart);
            assertThat(fetchedAfterRestart).as("%s crawled its partitions again (not only the lines it restored)", victim)
                    .isGreaterThan(2 * CONCURRENCY);
            assertThat(heldByVictim).as("the killed node held partitions").isPositive();
            assertThat(beforeKill).isLessThan(truth.mustFetch().size());
            assertThat(killedAt).isPositive();

            System.out.printf("failover: %s held %d of %d partitions, killed after %d requests; every partition"
                    + " active again %.1f s later%n", victim, heldByVictim, PARTITIONS, beforeKill, failover.toMillis() / 1e3);
            assertCrawlExact(web, truth, requests, victim);
        });
    }

    /**
     * The node with the most partitions stands still (SIGSTOP) past the session timeout and the
     * takeover grace, so the others take its partitions over and fetch from its hosts; then it is
     * resumed (SIGCONT). Resumed, it still holds their queues until its client hears it was fenced;
     * its pause fence keeps it from fetching meanwhile, so politeness holds on the wire over all
     * nodes, every URL is indexed once, and all three end by themselves.
     */
    @Test
    void aNodePausedPastItsSessionAndResumedDoesNotFetchForHostsTakenFromIt() throws Exception {
        onThreeNodes("pause", 200, c -> {
            SimWeb web = c.web();
            GroundTruth truth = c.truth();
            RequestLog requests = c.requests();
            Admin admin = c.admin();
            Map<String, Process> nodes = c.nodes();
            awaitAQuarterCrawled(admin, requests, truth);
            String paused = mostPartitions(admin);
            signal("STOP", nodes.get(paused));
            Duration takenOver = awaitAllPartitionsActive(admin, paused, SESSION.plus(RESTORE_BOUND).plusSeconds(5));
            assertThat(takenOver).as("its partitions taken over while it stood still").isLessThan(SESSION.plus(RESTORE_BOUND));
            // past the takeover grace (the response timeout, 5 s), so the others are fetching its hosts
            Thread.sleep(7_000);
            int beforeResume = requests.records().size();
            signal("CONT", nodes.get(paused));
            for (var e : nodes.entrySet()) {
                assertThat(e.getValue().waitFor(180, TimeUnit.SECONDS)).as("%s ended by itself", e.getKey()).isTrue();
                assertThat(e.getValue().exitValue()).as("%s exit code (see %s)", e.getKey(), log(e.getKey())).isZero();
            }
            System.out.printf("pause: %s stood still; its partitions active elsewhere %.1f s later; resumed after %d"
                    + " requests%n", paused, takenOver.toMillis() / 1e3, beforeResume);
            java.nio.file.Files.readAllLines(log(paused)).stream().filter(l -> l.contains("stood still"))
                    .forEach(l -> System.out.println("pause: " + paused + ": " + l));
            assertThat(beforeResume).as("the crawl was still under way when it resumed").isLessThan(truth.mustFetch().size());
            assertCrawlExact(web, truth, requests, paused);
        });
    }

    /**
     * A fourth node started while three crawl takes partitions over from them: they hand them over
     * (what they fetch for them finishes there; their handover markers end its grace), so every
     * URL is still fetched once and indexed once, its hosts' robots.txt rules come with them (no
     * robots.txt fetched twice), politeness holds on the wire over all four, and all end by
     * themselves.
     */
    @Test
    void aFourthNodeJoiningMidCrawlTakesPartitionsOverAndEveryUrlIsFetchedOnceAndPolitely() throws Exception {
        onThreeNodes("join", 200, c -> {
            SimWeb web = c.web();
            GroundTruth truth = c.truth();
            RequestLog requests = c.requests();
            Admin admin = c.admin();
            Map<String, Process> nodes = c.nodes();
            awaitAQuarterCrawled(admin, requests, truth);
            int beforeJoin = requests.records().size();
            nodes.put("n4", startNode(web, "n4"));
            Duration joined = awaitPartitionsOf(admin, "n4", Duration.ofSeconds(60));
            assertThat(joined).as("the fourth node holds partitions").isLessThan(Duration.ofSeconds(60));
            int atJoin = requests.records().size();
            for (var e : nodes.entrySet()) {
                assertThat(e.getValue().waitFor(180, TimeUnit.SECONDS)).as("%s ended by itself", e.getKey()).isTrue();
                assertThat(e.getValue().exitValue()).as("%s exit code (see %s)", e.getKey(), log(e.getKey())).isZero();
            }
            int byN4 = ClusterCrawlIT.readIndex(nodeDir("n4")).size();
            System.out.printf("join: n4 started after %d requests, held partitions %.1f s later (%d requests), indexed"
                    + " %d lines%n", beforeJoin, joined.toMillis() / 1e3, atJoin, byN4);
            assertThat(atJoin).as("the crawl was still under way when n4 took partitions").isLessThan(truth.mustFetch().size());
            assertThat(byN4).as("n4 crawled hosts it took over").isPositive();
            assertCrawlExact(web, truth, requests, "none", List.of("n1", "n2", "n3", "n4"), 0);
            Map<String, Long> robotsFetches = new HashMap<>();
            requests.records().stream().filter(r -> r.path().equals("/robots.txt"))
                    .forEach(r -> robotsFetches.merge(r.host(), 1L, Long::sum));
            assertThat(robotsFetches).as("robots.txt fetches per host").hasSize(12)
                    .allSatisfy((host, n) -> assertThat(n).isEqualTo(1L));
        });
    }

    /** A crawl on three nodes, as a test sees it while it runs: the nodes it starts again or anew go in {@code nodes}. */
    record Crawl(SimWeb web, GroundTruth truth, RequestLog requests, Admin admin, Map<String, Process> nodes) {
    }

    /** What a test does while three nodes crawl: kill, pause or start nodes, wait for them, check the outcome. */
    interface Scenario {
        void run(Crawl crawl) throws Exception;
    }

    /**
     * Runs {@code scenario} on a crawl {@code crawlId} of 12 hosts of {@code pagesPerHost} pages by
     * three nodes, then checks politeness on the wire over every node; no node outlives it.
     */
    private void onThreeNodes(String crawlId, int pagesPerHost, Scenario scenario) throws Exception {
        crawl = crawlId;
        RequestLog requests = RequestLog.inMemory();
        SimConfig simConfig = SimConfig.defaults().withHosts(12).withPages(pagesPerHost).withLatency(Duration.ofMillis(10));
        try (SimServer sim = SimServer.start(simConfig, requests); Admin admin = kafka.admin()) {
            SimWeb web = sim.web();
            java.util.Optional<WireCapture> wire = WireCapture.start(sim.port());
            Map<String, Process> nodes = startThreeNodes(web);
            try {
                scenario.run(new Crawl(web, web.groundTruth(web.seedUrls()), requests, admin, nodes));
                SpacingAtTheServer.assertSpaced(requests.records(), wire.isPresent() ? wire.get().stop() : null, DELAY);
                SpacingAtTheServer.assertAtMostAtOnce(requests.records(), PER_HOST);
            } finally {
                for (Process p : nodes.values()) {
                    if (p.isAlive()) {
                        signal("CONT", p); // one stopped stays stopped, even to SIGKILL, until it is continued
                        p.destroyForcibly();
                    }
                }
                if (wire.isPresent()) {
                    wire.get().close();
                }
            }
        }
    }

    private Map<String, Process> startThreeNodes(SimWeb web) throws IOException {
        Map<String, Process> nodes = new HashMap<>();
        for (String node : List.of("n1", "n2", "n3")) {
            nodes.put(node, startNode(web, node));
        }
        return nodes;
    }

    /** Once the three nodes are in the crawl's group, until a quarter of the ground truth was requested. */
    private void awaitAQuarterCrawled(Admin admin, RequestLog requests, GroundTruth truth) throws Exception {
        awaitMembers(admin, 3, Duration.ofSeconds(60));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (requests.records().size() < truth.mustFetch().size() / 4 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static void signal(String name, Process p) {
        try {
            new ProcessBuilder("kill", "-" + name, String.valueOf(p.pid())).inheritIO().start().waitFor();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Every URL of the ground truth fetched, with its status, and in exactly one node's index
     * (the killed node's lines of pages whose outcome it had sent before it died written when it
     * was started again); a URL fetched twice only if the killed node had it under way, so at most
     * its concurrency.
     */
    private void assertCrawlExact(SimWeb web, GroundTruth truth, RequestLog requests, String victim) throws IOException {
        assertCrawlExact(web, truth, requests, victim, List.of("n1", "n2", "n3"), CONCURRENCY);
    }

    /** The same over {@code nodes}, with at most {@code maxTwice} URLs fetched twice. */
    private void assertCrawlExact(SimWeb web, GroundTruth truth, RequestLog requests, String victim, List<String> nodes,
            int maxTwice) throws IOException {
        Map<String, Integer> timesRequested = new HashMap<>();
        for (RequestRecord r : requests.records()) {
            if (!r.path().equals("/robots.txt")) {
                timesRequested.merge(web.url(r.host(), r.path()), 1, Integer::sum);
            }
        }
        assertThat(timesRequested.keySet()).as("every URL of the ground truth requested, nothing else")
                .containsExactlyInAnyOrderElementsOf(truth.mustFetch());
        Set<String> twice = new TreeSet<>();
        timesRequested.forEach((url, n) -> {
            if (n > 1) {
                twice.add(url);
            }
        });
        assertThat(twice).as("fetched again: only what the killed node had under way").hasSizeLessThanOrEqualTo(maxTwice);
        assertThat(timesRequested.values()).as("no URL fetched more than twice").allMatch(n -> n <= 2);

        List<String> indexed = new ArrayList<>();
        Map<String, Integer> status = new HashMap<>();
        Map<String, List<String>> where = new HashMap<>();
        for (String node : nodes) {
            for (JsonNode line : ClusterCrawlIT.readIndex(nodeDir(node))) {
                indexed.add(line.get("url").asText());
                where.computeIfAbsent(line.get("url").asText(), u -> new ArrayList<>())
                        .add(node + " at " + line.get("fetch_start").asText());
                if (line.hasNonNull("status")) {
                    status.put(line.get("url").asText(), line.get("status").asInt());
                }
            }
        }
        Map<String, String> twiceIndexed = new TreeMap<>();
        where.forEach((url, in) -> {
            if (in.size() > 1) {
                twiceIndexed.put(url, in + ", requested " + timesRequested.get(url) + " time(s)");
            }
        });
        assertThat(twiceIndexed).as("no URL in two nodes' indexes (victim %s)", victim).isEmpty();
        status.forEach((url, s) -> assertThat(s).as("status of %s", url).isEqualTo(truth.expectedStatus().get(url)));
        Set<String> missing = new TreeSet<>(truth.expectedStatus().keySet());
        missing.removeAll(status.keySet());
        assertThat(missing).as("indexed nowhere (the killed node, %s, started again, wrote what it had sent)", victim)
                .isEmpty();
        System.out.printf("failover: %d URLs, %d fetched twice %s%n", truth.mustFetch().size(), twice.size(), twice);
    }

    private Process startNode(SimWeb web, String node) throws IOException {
        return startNode(web, node, "");
    }

    private Process startNode(SimWeb web, String node, String run) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.crawler.cli.Main", "crawl",
                "--cluster", kafka.bootstrapServers(), "--crawl-id", crawl, "--node-id", node,
                "--partitions", String.valueOf(PARTITIONS), "--replication", "3",
                "--out", nodeDir(node).toString(), "--allow-net", "127.0.0.0/8", "--scope", "any",
                "--concurrency", String.valueOf(CONCURRENCY), "--per-host-connections", String.valueOf(PER_HOST),
                "--delay", DELAY.toMillis() + "ms", "--response-timeout", "5s", "--progress", "log"));
        web.resolveMap().forEach((host, ip) -> {
            cmd.add("--resolve");
            cmd.add(host + "=" + ip);
        });
        cmd.addAll(web.seedUrls());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log(node + run).toFile()).start();
    }

    private Path log(String node) {
        return dir.resolve(crawl + "-" + node + ".out");
    }

    private Path nodeDir(String node) {
        return dir.resolve(crawl).resolve(node);
    }

    private StreamsGroupDescription group(Admin admin) throws Exception {
        String id = FrontierShare.applicationId(new CrawlTopics(crawl));
        return admin.describeStreamsGroups(List.of(id)).all().get(10, TimeUnit.SECONDS).get(id);
    }

    /** The active partitions of each node, by node id (from its client id). */
    private Map<String, Set<Integer>> activePartitions(Admin admin) throws Exception {
        Map<String, Set<Integer>> out = new HashMap<>();
        for (StreamsGroupMemberDescription m : group(admin).members()) {
            String node = m.clientId().replaceFirst("^crawl-" + crawl + "-", "").replaceFirst("-StreamThread.*$", "");
            Set<Integer> parts = out.computeIfAbsent(node, n -> new HashSet<>());
            for (StreamsGroupMemberAssignment.TaskIds t : m.assignment().activeTasks()) {
                parts.addAll(t.partitions());
            }
        }
        return out;
    }

    private String mostPartitions(Admin admin) throws Exception {
        return activePartitions(admin).entrySet().stream().max(Comparator.comparingInt(e -> e.getValue().size()))
                .orElseThrow().getKey();
    }

    private void awaitMembers(Admin admin, int members, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (group(admin).members().size() >= members) {
                    return;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                // the group does not exist yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the crawl's group did not reach " + members + " members within " + within);
    }

    /** How long after now {@code node} holds an active partition; {@code within} if it never does. */
    private Duration awaitPartitionsOf(Admin admin, String node, Duration within) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < within.toNanos()) {
            if (!activePartitions(admin).getOrDefault(node, Set.of()).isEmpty()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(100);
        }
        return within;
    }

    /** How long after now every partition is active on a node other than {@code dead}. */
    private Duration awaitAllPartitionsActive(Admin admin, String dead, Duration within) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < within.toNanos()) {
            Map<String, Set<Integer>> active = activePartitions(admin);
            Set<Integer> covered = new HashSet<>();
            active.forEach((node, parts) -> {
                if (!node.equals(dead)) {
                    covered.addAll(parts);
                }
            });
            if (covered.size() == PARTITIONS && !active.containsKey(dead)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(100);
        }
        return within;
    }
}
