package dev.crawler.cluster;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.MetadataVersion;
import org.apache.kafka.server.common.StreamsVersion;

/**
 * A Kafka cluster of one controller and three brokers from Kafka's own test kit, as a real
 * deployment runs one: the streams group protocol on, a session timeout short enough for tests,
 * one standby replica of each store, and {@code min.insync.replicas} 2 for topics replicated three
 * times.
 */
final class TestKafkaCluster {

    private TestKafkaCluster() {
    }

    /** Formats and starts the cluster under {@code dir}; a silent node's partitions move after {@code session}. */
    static KafkaClusterTestKit start(Path dir, Duration session) throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder(BootstrapMetadata.fromVersion(MetadataVersion.latestProduction(), "it")
                .copyWithFeatureRecord(StreamsVersion.FEATURE_NAME, StreamsVersion.LATEST_PRODUCTION.featureLevel()))
                .setNumControllerNodes(1).setNumBrokerNodes(3).setBaseDirectory(dir).build();
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("group.streams.session.timeout.ms", String.valueOf(session.toMillis()))
                .setConfigProp("group.streams.min.session.timeout.ms", "1000")
                .setConfigProp("group.streams.heartbeat.interval.ms", "1000")
                .setConfigProp("group.streams.min.heartbeat.interval.ms", "500")
                .setConfigProp("group.streams.num.standby.replicas", "1")
                .setConfigProp("group.streams.initial.rebalance.delay.ms", "0")
                .setConfigProp("offsets.topic.replication.factor", "3")
                .setConfigProp("transaction.state.log.replication.factor", "3")
                .setConfigProp("min.insync.replicas", "2")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        return kafka;
    }
}
