package dev.crawler.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.apache.kafka.server.common.StreamsVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka node in KRaft mode, broker and controller in one, on 127.0.0.1: what {@code crawler
 * broker} runs to try the cluster mode on one machine, and what tests crawl against. Its data and
 * identity live in a directory ({@link BrokerDir}), so a restart on the same directory is the same
 * cluster with the same topics, on the same port. Replication factor 1 everywhere: one node can
 * keep nothing safe from its own loss, which is why a real crawl runs against a real cluster.
 *
 * <p>The {@code streams} group protocol is on (KIP-1071, feature {@code streams.version} set at
 * format time), so a crawl's nodes may use it, with a session timeout of 6 s (heartbeats every
 * second): a node killed with {@code kill -9} loses its partitions 6 s later.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final String CONTROLLER = "CONTROLLER";
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final BrokerDir dir;
    private final KafkaRaftServer server;
    private boolean closed;

    private EmbeddedBroker(BrokerDir dir, KafkaRaftServer server) {
        this.dir = dir;
        this.server = server;
    }

    /**
     * Starts the node kept in {@code directory} (made there if it is new) and returns once it
     * answers clients.
     *
     * @param port the clients' port; 0 keeps the one an earlier run had, or picks a free one
     * @throws IOException if the directory cannot be used or the node does not start
     */
    public static EmbeddedBroker start(Path directory, int port) throws IOException {
        BrokerDir dir;
        if (BrokerDir.exists(directory)) {
            dir = BrokerDir.read(directory, port);
        } else {
            dir = BrokerDir.create(directory, port);
            format(dir);
            dir.save();
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config(dir)), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            stopQuietly(server);
            throw new IOException("the Kafka node in " + directory + " did not start: " + e.getMessage()
                    + (port != 0 ? " (is port " + port + " in use?)" : ""), e);
        }
        EmbeddedBroker broker = new EmbeddedBroker(dir, server);
        try {
            broker.awaitReady();
        } catch (IOException e) {
            broker.close();
            throw e;
        }
        log.info("Kafka node of cluster {} serving at {} (data in {})", dir.clusterId(), broker.bootstrap(), dir.data());
        return broker;
    }

    /** {@code 127.0.0.1:PORT}: what clients are given as {@code bootstrap.servers}. */
    public String bootstrap() {
        return "127.0.0.1:" + dir.port();
    }

    /** The cluster's id, kept with its data. */
    public String clusterId() {
        return dir.clusterId();
    }

    /** Stops the node and waits until it has; its data stays for the next start. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            stopQuietly(server);
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("stopping the Kafka node: {}", e.toString());
        }
    }

    private void awaitReady() throws IOException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_WITHIN.toMillis()))) {
            admin.describeCluster().nodes().get(READY_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the Kafka node at " + bootstrap() + " did not answer within "
                    + READY_WITHIN.toSeconds() + " s: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the Kafka node", e);
        }
    }

    private static void format(BrokerDir dir) throws IOException {
        String data = dir.data().toString();
        try {
            new Formatter().setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .setClusterId(dir.clusterId()).setNodeId(1).setControllerListenerName(CONTROLLER)
                    .setMetadataLogDirectory(data).setDirectories(List.of(data))
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setFeatureLevel(StreamsVersion.FEATURE_NAME, StreamsVersion.LATEST_PRODUCTION.featureLevel())
                    .run();
        } catch (Exception e) {
            throw new IOException("cannot format Kafka's storage in " + data + ": " + e.getMessage(), e);
        }
    }

    /** One node as broker and controller, its one voter itself, all on 127.0.0.1. */
    static Properties config(BrokerDir dir) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + dir.controllerPort());
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + dir.port() + "," + CONTROLLER + "://127.0.0.1:" + dir.controllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + dir.port());
        p.setProperty("controller.listener.names", CONTROLLER);
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        p.setProperty("log.dirs", dir.data().toString());
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // a dead node's partitions move after 6 s of silence, not Kafka's default 45 s
        p.setProperty("group.streams.session.timeout.ms", "6000");
        p.setProperty("group.streams.min.session.timeout.ms", "1000");
        p.setProperty("group.streams.heartbeat.interval.ms", "1000");
        p.setProperty("group.streams.min.heartbeat.interval.ms", "500");
        // a warm copy of each partition's store on another node, and no wait before the first assignment
        p.setProperty("group.streams.num.standby.replicas", "1");
        p.setProperty("group.streams.initial.rebalance.delay.ms", "0");
        return p;
    }
}
