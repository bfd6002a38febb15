package dev.crawler.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Tells, from any node, whether a crawl on Kafka is over: nothing queued or in flight on any
 * partition, and nothing sent that its owner has not applied. A request stays in its host's store
 * until its outcome is applied, and a node sends an outcome only once the links of its page are
 * acknowledged; so when every partition's latest status ({@link PartitionStatus}) shows no entry
 * and every link and outcome up to the topics' ends applied, no node can send another link. The
 * check asks that twice in a row, with the topics' end offsets unchanged in between, so that a
 * status sent just before a change it did not see cannot end the crawl; and it asks that some
 * link was ever sent, so that a crawl whose seeds are still on their way has not ended.
 *
 * <p>A partition whose owner applied nothing since it took the partition (offsets {@code -1})
 * counts as applied up to the group's committed offsets. Not thread-safe: one caller, off any
 * event loop (it blocks on the brokers).
 */
public final class ClusterQuiescence implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final CrawlTopics topics;
    private final int partitions;
    private final Admin admin;
    private final KafkaConsumer<String, byte[]> statusReader;
    private final TopicPartition statusPartition;
    private final Map<Integer, PartitionStatus> latest = new HashMap<>();
    private Map<TopicPartition, Long> lastIdleEnds;

    public ClusterQuiescence(String bootstrap, CrawlTopics topics, int partitions) {
        this.topics = topics;
        this.partitions = partitions;
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
        try {
            // committed statuses only: under --exactly-once a status is written in the task's
            // transaction, which may still be aborted and the records it saw applied again
            this.statusReader = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer());
        } catch (RuntimeException e) {
            admin.close(Duration.ofSeconds(5));
            throw e;
        }
        this.statusPartition = new TopicPartition(topics.status(), 0);
        statusReader.assign(List.of(statusPartition));
        statusReader.seekToBeginning(List.of(statusPartition));
    }

    /**
     * Whether the crawl is over, by this check and the one before it.
     *
     * @throws IOException if the brokers do not answer
     */
    public boolean over() throws IOException {
        try {
            Map<TopicPartition, Long> ends = endOffsets();
            // the committed offsets before the statuses: a commit follows the status its task
            // sent on its first record, so a status read after it is never older than it
            Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets();
            readStatuses();
            boolean idle = started(ends) && idle(ends, committed);
            boolean over = idle && ends.equals(lastIdleEnds);
            lastIdleEnds = idle ? ends : null;
            return over;
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new IOException("cannot tell whether crawl '" + topics.crawlId() + "' is over: " + e.getMessage(), e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = Optional.ofNullable(e.getCause()).orElse(e);
            throw new IOException("cannot tell whether crawl '" + topics.crawlId() + "' is over: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Whether the crawl has begun: some node sent a link (a node sends its seeds first thing).
     * Before that, a node that joined without seeds would find every partition idle.
     */
    private boolean started(Map<TopicPartition, Long> ends) {
        for (int p = 0; p < partitions; p++) {
            if (ends.getOrDefault(new TopicPartition(topics.links(), p), 0L) > 0) {
                return true;
            }
        }
        return false;
    }

    private boolean idle(Map<TopicPartition, Long> ends, Map<TopicPartition, OffsetAndMetadata> committed) {
        for (int p = 0; p < partitions; p++) {
            PartitionStatus s = latest.get(p);
            if (s == null || s.entries() != 0) {
                return false;
            }
            TopicPartition links = new TopicPartition(topics.links(), p);
            TopicPartition outcomes = new TopicPartition(topics.outcomes(), p);
            if (!applied(s.linksNext(), links, ends, committed) || !applied(s.outcomesNext(), outcomes, ends, committed)) {
                return false;
            }
        }
        return true;
    }

    private static boolean applied(long next, TopicPartition tp, Map<TopicPartition, Long> ends,
            Map<TopicPartition, OffsetAndMetadata> committed) {
        long end = ends.getOrDefault(tp, 0L);
        if (next >= 0) {
            return next >= end;
        }
        OffsetAndMetadata c = committed.get(tp);
        return (c == null ? 0 : c.offset()) >= end;
    }

    private Map<TopicPartition, Long> endOffsets() throws ExecutionException, TimeoutException, InterruptedException {
        Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            ask.put(new TopicPartition(topics.links(), p), OffsetSpec.latest());
            ask.put(new TopicPartition(topics.outcomes(), p), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = admin.listOffsets(ask).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> out = new HashMap<>();
        found.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets()
            throws ExecutionException, TimeoutException, InterruptedException {
        String group = FrontierShare.applicationId(topics);
        try {
            Map<TopicPartition, OffsetAndMetadata> found = admin.listStreamsGroupOffsets(
                    Map.of(group, new ListStreamsGroupOffsetsSpec())).partitionsToOffsetAndMetadata(group)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
            found.forEach((tp, o) -> {
                if (o != null) {
                    out.put(tp, o);
                }
            });
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Map.of(); // no node has committed yet
            }
            throw e;
        }
    }

    /** Reads the status topic up to its end, keeping each partition's latest status. */
    private void readStatuses() {
        long end = statusReader.endOffsets(List.of(statusPartition), TIMEOUT).get(statusPartition);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (statusReader.position(statusPartition, TIMEOUT) < end && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : statusReader.poll(Duration.ofMillis(100))) {
                try {
                    PartitionStatus s = PartitionStatus.decode(r.value());
                    latest.put(s.partition(), s);
                } catch (IllegalArgumentException e) {
                    // not a status of this version: ignored, so the check waits for a good one
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            statusReader.close(Duration.ofSeconds(5));
        } finally {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
