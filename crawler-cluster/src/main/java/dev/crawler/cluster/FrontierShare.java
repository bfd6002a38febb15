package dev.crawler.cluster;

import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.HostNote;
import dev.crawler.frontier.RequestCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One node's part in a crawl's frontier on Kafka: the Kafka Streams application that holds this
 * node's partitions ({@link FrontierTopology}) and the producer that sends the URLs this node finds
 * and the outcomes of the URLs it fetched. The crawl's topics are made by the first node, with the
 * partition count it is given; a later node checks that they have it.
 *
 * <p>The topics' metadata is fetched when the share starts, so a send does not wait for it. A send
 * still waits while the producer's buffer is full (up to {@code max.block.ms}): backpressure that
 * a caller on an event loop must keep away from it. The futures complete on the producer's I/O
 * thread, where nothing that sends may run (a caller hands their completion to its own thread).
 */
public final class FrontierShare implements ClusterFrontier.Sender, AutoCloseable {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    /**
     * How the share runs. Standby replicas of the stores, for a fast failover, are the group's
     * setting under the streams protocol, kept by the brokers ({@code group.streams.num.standby.replicas};
     * the embedded broker keeps one), not the node's.
     *
     * @param partitions the partition count of the crawl's topics (fixed for the life of the crawl)
     * @param replication the topics' replication factor (1 on a one-node broker; 3 on a real cluster)
     * @param exactlyOnce whether the Streams application runs with exactly-once v2 instead of at least once
     */
    public record Options(int partitions, short replication, boolean exactlyOnce) {

        public Options {
            if (partitions < 1 || replication < 1) {
                throw new IllegalArgumentException("need partitions >= 1 and replication >= 1");
            }
        }

        /** At least once. */
        public Options(int partitions, short replication) {
            this(partitions, replication, false);
        }
    }

    private final CrawlTopics topics;
    private final String nodeId;
    private final KafkaStreams streams;
    private final KafkaProducer<String, byte[]> producer;
    /** Asks the brokers which partitions this node holds (after a pause); made on the first question. */
    private final String bootstrap;
    private Admin admin;

    private FrontierShare(CrawlTopics topics, String nodeId, KafkaStreams streams, KafkaProducer<String, byte[]> producer,
            String bootstrap) {
        this.topics = topics;
        this.nodeId = nodeId;
        this.streams = streams;
        this.producer = producer;
        this.bootstrap = bootstrap;
    }

    /**
     * Joins the crawl of {@code topics} at {@code bootstrap} as node {@code nodeId}, keeping its
     * stores under {@code stateDir}, and tells {@code work} what its partitions hold.
     *
     * @throws IOException if the topics cannot be made or differ from {@code options}
     */
    public static FrontierShare start(String bootstrap, CrawlTopics topics, String nodeId, Path stateDir,
            Options options, HostWork work) throws IOException {
        ensureTopics(bootstrap, topics, options);
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId(topics));
        p.put(StreamsConfig.CLIENT_ID_CONFIG, clientId(topics, nodeId));
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                options.exactlyOnce() ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) options.replication());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        // only the dead node's partitions move (KIP-1071); needs streams.version on the brokers
        p.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, "streams");
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, "crawl-" + topics.crawlId() + "-" + nodeId + "-links",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer());
        KafkaStreams streams = null;
        try {
            producer.partitionsFor(topics.links()); // metadata now, so that no send waits for it
            producer.partitionsFor(topics.outcomes());
            streams = new KafkaStreams(FrontierTopology.build(topics, work), p);
            streams.start();
            return new FrontierShare(topics, nodeId, streams, producer, bootstrap);
        } catch (RuntimeException e) {
            if (streams != null) {
                streams.close(Duration.ofSeconds(10));
            }
            producer.close(Duration.ofSeconds(10));
            throw new IOException("cannot join crawl '" + topics.crawlId() + "' at " + bootstrap + ": " + e.getMessage(), e);
        }
    }

    /** The client id of a node's Streams application; its members' ids start with it. */
    static String clientId(CrawlTopics topics, String nodeId) {
        return "crawl-" + topics.crawlId() + "-" + nodeId;
    }

    /**
     * The partitions the brokers assign to this node now, as active tasks of its members in the
     * crawl's group: none if the group no longer counts it (its session timed out while it stood
     * still). Completes on a Kafka client thread.
     */
    public synchronized CompletableFuture<Set<Integer>> assignedHere() {
        if (admin == null) {
            admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
        }
        String group = applicationId(topics);
        String member = clientId(topics, nodeId) + "-StreamThread-";
        return admin.describeStreamsGroups(List.of(group)).all().toCompletionStage().toCompletableFuture()
                .thenApply(groups -> {
                    Set<Integer> mine = new java.util.HashSet<>();
                    for (var m : groups.get(group).members()) {
                        if (m.clientId().startsWith(member)) {
                            m.assignment().activeTasks().forEach(t -> mine.addAll(t.partitions()));
                        }
                    }
                    return mine;
                });
    }

    /** The Streams application id, which is also its group's id: one per crawl. */
    static String applicationId(CrawlTopics topics) {
        return "crawl-" + topics.crawlId();
    }

    /** Sends a URL to the owner of its host; completes once the brokers have it. */
    @Override
    public CompletableFuture<Void> offer(CrawlRequest request) {
        return send(topics.links(), CrawlTopics.partitionKey(request.hostKey()), RequestCodec.encode(request));
    }

    /** Sends the outcome of a request this node was handed; completes once the brokers have it. */
    @Override
    public CompletableFuture<Void> finish(QueuedRequest done) {
        CrawlRequest r = done.request();
        return send(topics.outcomes(), CrawlTopics.partitionKey(r.hostKey()),
                new OutcomeMessage(r.hostKey(), done.sequence(), r.url(), nodeId).encode());
    }

    /** Keeps a note about a host in its partition's store, with the host's outcomes; completes once the brokers have it. */
    @Override
    public CompletableFuture<Void> note(HostNote note) {
        return send(topics.outcomes(), CrawlTopics.partitionKey(note.hostKey()), HostNoteMessage.encode(note));
    }

    /** Tells the next owner of {@code partition} that this node is done with it; completes once the brokers have it. */
    @Override
    public CompletableFuture<Void> handover(int partition) {
        return send(new ProducerRecord<>(topics.outcomes(), partition, "handover", new HandoverMarker(nodeId).encode()));
    }

    /** The Streams application's state (RUNNING once its partitions are assigned and restored). */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Leaves the crawl: what was sent is flushed, and this node's partitions go to the others at once. */
    @Override
    public void close() {
        try {
            producer.close(Duration.ofSeconds(10));
            synchronized (this) {
                if (admin != null) {
                    admin.close(Duration.ofSeconds(5));
                }
            }
        } finally {
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }
    }

    private CompletableFuture<Void> send(String topic, String key, byte[] value) {
        return send(new ProducerRecord<>(topic, key, value));
    }

    private CompletableFuture<Void> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        producer.send(record, (meta, error) -> {
            if (error != null) {
                acked.completeExceptionally(error);
            } else {
                acked.complete(null);
            }
        });
        return acked;
    }

    /**
     * The topics' descriptions, once the broker that answers knows them: just after they were
     * made, its metadata may lag for a moment.
     */
    private static Map<String, TopicDescription> describe(Admin admin, Set<String> names)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (true) {
            try {
                return admin.describeTopics(names).allTopicNames().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Makes the crawl's topics if missing; checks the partition counts of links and outcomes if present. */
    static void ensureTopics(String bootstrap, CrawlTopics topics, Options options) throws IOException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<NewTopic> wanted = List.of(new NewTopic(topics.links(), options.partitions(), options.replication()),
                    new NewTopic(topics.outcomes(), options.partitions(), options.replication()),
                    new NewTopic(topics.status(), 1, options.replication()).configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic(topics.pages(), 1, options.replication()).configs(Map.of("cleanup.policy", "compact")));
            for (NewTopic topic : wanted) {
                KafkaTopics.createIfAbsent(admin, topic, ADMIN_TIMEOUT);
            }
            for (TopicDescription d : describe(admin, Set.of(topics.links(), topics.outcomes())).values()) {
                if (d.partitions().size() != options.partitions()) {
                    throw new IOException("topic " + d.name() + " has " + d.partitions().size() + " partitions, this node was"
                            + " started with " + options.partitions() + ": every node of crawl '" + topics.crawlId()
                            + "' must be given the partition count it started with");
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = Optional.ofNullable(e.getCause()).orElse(e);
            throw new IOException("cannot set up the topics of crawl '" + topics.crawlId() + "' at " + bootstrap + ": "
                    + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting up the crawl's topics", e);
        }
    }
}
