package dev.crawler.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Which of a node's pending index lines ({@link OutcomeJournal}) are its own to write: its
 * outcome reached the outcomes topic before it died, and no other node's outcome of the same
 * request is there (a node that fetched the page again, because this outcome had not reached the
 * topic, or not in time, wrote its own line). Each partition is read from a little before
 * the earliest such outcome was sent (by the records' timestamps, which the node's own clock set)
 * to its end. Blocking: at a node's start, before its crawl runs.
 */
final class SentOutcomes {

    /** How far before its recorded send time an outcome is looked for (the clock read before the send). */
    private static final Duration BEFORE = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private SentOutcomes() {
    }

    /** The URLs of {@code pending} whose outcome from {@code node} is on the topic, and no other node's. */
    static Set<String> on(String bootstrap, CrawlTopics topics, int partitions, String node,
            List<OutcomeJournal.Pending> pending) {
        Map<Integer, Map<String, OutcomeJournal.Pending>> byPartition = new HashMap<>();
        for (OutcomeJournal.Pending p : pending) {
            byPartition.computeIfAbsent(partitionOf(p.hostKey(), partitions), k -> new HashMap<>())
                    .put(key(p.hostKey(), p.sequence(), p.url()), p);
        }
        Set<String> ours = new HashSet<>();
        Set<String> others = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            for (var e : byPartition.entrySet()) {
                TopicPartition tp = new TopicPartition(topics.outcomes(), e.getKey());
                long from = e.getValue().values().stream().mapToLong(OutcomeJournal.Pending::sentAtMillis).min()
                        .orElseThrow() - BEFORE.toMillis();
                OffsetAndTimestamp start = consumer.offsetsForTimes(Map.of(tp, Math.max(0, from)), TIMEOUT).get(tp);
                if (start == null) {
                    continue; // nothing on the partition since then: none of them was sent
                }
                long end = consumer.endOffsets(List.of(tp), TIMEOUT).get(tp);
                consumer.assign(List.of(tp));
                consumer.seek(tp, start.offset());
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (consumer.position(tp, TIMEOUT) < end && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        if (r.value() == null || HandoverMarker.is(r.value())) {
                            continue;
                        }
                        try {
                            OutcomeMessage m = OutcomeMessage.decode(r.value());
                            OutcomeJournal.Pending p = e.getValue().get(key(m.hostKey(), m.sequence(), m.url()));
                            if (p != null) {
                                (m.node().equals(node) ? ours : others).add(p.url());
                            }
                        } catch (IllegalArgumentException ignored) {
                            // not an outcome of this version
                        }
                    }
                }
            }
        }
        ours.removeAll(others);
        return ours;
    }

    /** The partition the producer sends {@code hostKey}'s records to. */
    static int partitionOf(String hostKey, int partitions) {
        return BuiltInPartitioner.partitionForKey(CrawlTopics.partitionKey(hostKey).getBytes(StandardCharsets.UTF_8),
                partitions);
    }

    private static String key(String hostKey, long sequence, String url) {
        return hostKey + "\n" + sequence + "\n" + url;
    }
}
