package dev.crawler.cluster;

import dev.crawler.engine.CrawlSettings;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The settings a crawl on a cluster was started with ({@link CrawlSettings}: scope, depth,
 * filters, robots), kept in the crawl's settings topic, so that every node crawls by the same
 * rules. The topic has one partition and keeps its records forever; the first record in it is the
 * crawl's settings, whoever wrote it. A node reads it; if there is none yet, it writes its own and
 * reads the first record again, so two nodes starting at once agree on one of them. A node whose
 * settings differ is refused, with each difference named.
 */
public final class SettingsTopic {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String KEY = "settings";

    private SettingsTopic() {
    }

    /**
     * Joins the crawl of {@code topics} with {@code mine}: returns if they are the crawl's
     * settings (written now, if this is the first node).
     *
     * @throws IOException if the crawl was started with other settings (the message names each
     *     difference), or the topic cannot be read or written
     */
    public static void agree(String bootstrap, CrawlTopics topics, short replication, Map<String, String> mine,
            String nodeId) throws IOException {
        ensureTopic(bootstrap, topics.settings(), replication);
        Optional<Map<String, String>> first = firstRecord(bootstrap, topics.settings());
        if (first.isEmpty()) {
            write(bootstrap, topics.settings(), mine, nodeId);
            first = firstRecord(bootstrap, topics.settings());
        }
        Map<String, String> crawl = first.orElseThrow(() -> new IOException("the settings written to "
                + topics.settings() + " could not be read back within " + TIMEOUT.toSeconds() + " s"));
        List<String> differences = CrawlSettings.differences(crawl, mine);
        if (!differences.isEmpty()) {
            throw new IOException("crawl '" + topics.crawlId() + "' was started with other settings; this node's differ: "
                    + String.join("; ", differences) + ". Start it with the crawl's settings, or use another --crawl-id");
        }
    }

    static byte[] encode(Map<String, String> settings) {
        Properties p = new Properties();
        p.putAll(settings);
        StringWriter out = new StringWriter();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Properties writes a date comment first: left out, so equal settings give equal bytes
        String text = out.toString().lines().filter(l -> !l.startsWith("#")).sorted().reduce("", (a, b) -> a + b + "\n");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> decode(byte[] bytes) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        Map<String, String> out = new TreeMap<>();
        p.forEach((k, v) -> out.put((String) k, (String) v));
        return out;
    }

    private static void write(String bootstrap, String topic, Map<String, String> settings, String nodeId)
            throws IOException {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.CLIENT_ID_CONFIG, topic + "-" + nodeId), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, KEY + "-" + nodeId, encode(settings)))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot write the crawl's settings to " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the crawl's settings", e);
        }
    }

    /** The first record of the topic's one partition, if it has any. */
    private static Optional<Map<String, String>> firstRecord(String bootstrap, String topic) throws IOException {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
            long start = consumer.beginningOffsets(List.of(partition), TIMEOUT).get(partition);
            if (end <= start) {
                return Optional.empty();
            }
            consumer.seek(partition, start);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    return Optional.of(decode(r.value()));
                }
            }
            throw new IOException("the settings in " + topic + " could not be read within " + TIMEOUT.toSeconds() + " s");
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new IOException("cannot read the crawl's settings from " + topic + ": " + e.getMessage(), e);
        }
    }

    private static void ensureTopic(String bootstrap, String topic, short replication) throws IOException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            KafkaTopics.createIfAbsent(admin, new NewTopic(topic, 1, replication).configs(Map.of("retention.ms", "-1")),
                    TIMEOUT);
        } catch (ExecutionException e) {
            throw new IOException("cannot make the settings topic " + topic + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IOException("cannot make the settings topic " + topic + " within " + TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the settings topic", e);
        }
    }
}
