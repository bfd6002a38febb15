package dev.crawler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crawler.CrawlConfig;
import dev.crawler.CrawlSummary;
import dev.crawler.Crawler;
import dev.crawler.cli.run.ClusterMode;
import dev.crawler.sim.GroundTruth;
import dev.crawler.sim.RequestLog;
import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimServer;
import dev.crawler.sim.SimWeb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl by two nodes on a Kafka cluster of one controller and three brokers, topics replicated
 * three times with {@code min.insync.replicas} 2: the broker that coordinates the crawl's group
 * is stopped while the nodes fetch (the test kit's in-process broker shutdown). The crawl goes on
 * on the other two brokers, loses nothing and fetches nothing twice: every URL of the ground truth
 * fetched once, in exactly one node's index, and both nodes end by themselves.
 */
class ClusterBrokerLossIT {

    private static final String CRAWL = "brokerloss";
    private static final int PARTITIONS = 6;
    private static final Duration DELAY = Duration.ofMillis(50);

    @TempDir
    static Path dir;
    static KafkaClusterTestKit kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = TestKafkaCluster.start(dir.resolve("kafka"), Duration.ofSeconds(6));
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theGroupsCoordinatorBrokerStoppedMidCrawlLosesNothingAndRepeatsNothing() throws Exception {
        RequestLog requests = RequestLog.inMemory();
        SimConfig simConfig = SimConfig.defaults().withHosts(8).withPages(80).withLatency(Duration.ofMillis(5));
        try (SimServer sim = SimServer.start(simConfig, requests); Admin admin = kafka.admin()) {
            SimWeb web = sim.web();
            GroundTruth truth = web.groundTruth(web.seedUrls());
            Path out1 = dir.resolve("n1");
            Path out2 = dir.resolve("n2");
            CrawlConfig config1 = ClusterCrawlIT.config(web, out1, DELAY, Duration.ofSeconds(3));
            CrawlConfig config2 = ClusterCrawlIT.config(web, out2, DELAY, Duration.ofSeconds(3));
            ClusterMode mode = new KafkaClusterMode();
            CrawlSummary s1;
            CrawlSummary s2;
            int stoppedBroker;
            int requestsBefore;
            try (ClusterMode.Node n1 = mode.join(join("n1", config1));
                    ClusterMode.Node n2 = mode.join(join("n2", config2));
                    Crawler c1 = Crawler.builder(config1).frontier(n1.frontier()).build();
                    Crawler c2 = Crawler.builder(config2).frontier(n2.frontier()).build()) {
                CompletableFuture<CrawlSummary> f1 = c1.start();
                CompletableFuture<CrawlSummary> f2 = c2.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (requests.records().size() < truth.mustFetch().size() / 4 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                String group = FrontierShare.applicationId(new CrawlTopics(CRAWL));
                stoppedBroker = admin.describeStreamsGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group)
                        .coordinator().id();
                requestsBefore = requests.records().size();
                kafka.brokers().get(stoppedBroker).shutdown();
                s1 = f1.get(180, TimeUnit.SECONDS);
                s2 = f2.get(180, TimeUnit.SECONDS);
            }
            System.out.printf("broker loss: broker %d (the group's coordinator) stopped after %d of %d requests%n",
                    stoppedBroker, requestsBefore, truth.mustFetch().size());
            assertThat(requestsBefore).as("the crawl was under way, not over").isBetween(1, truth.mustFetch().size() - 100);
            assertThat(s1.reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
            assertThat(s2.reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);

            List<String> atServer = ClusterCrawlIT.pagesRequested(web, requests);
            assertThat(atServer).as("every URL requested once over both nodes, nothing else").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(truth.mustFetch());
            List<String> indexed = new ArrayList<>();
            Map<String, Integer> status = new HashMap<>();
            for (Path out : List.of(out1, out2)) {
                for (JsonNode line : ClusterCrawlIT.readIndex(out)) {
                    indexed.add(line.get("url").asText());
                    if (line.hasNonNull("status")) {
                        status.put(line.get("url").asText(), line.get("status").asInt());
                    }
                }
            }
            assertThat(indexed).as("no URL in two indexes, nor twice in one").doesNotHaveDuplicates();
            assertThat(status).as("every URL of the ground truth indexed with its status").isEqualTo(truth.expectedStatus());
        }
    }

    private static ClusterMode.Join join(String node, CrawlConfig config) {
        return new ClusterMode.Join(kafka.bootstrapServers(), CRAWL, node, PARTITIONS, (short) 3, config);
    }
}
