package dev.crawler.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded Kafka node against real Kafka clients: it takes topics and records, and a restart
 * on the same directory is the same cluster, on the same port, with the records kept.
 */
class EmbeddedBrokerIT {

    @TempDir
    Path dir;

    @Test
    void recordsWrittenBeforeARestartAreReadAfterIt() throws Exception {
        String bootstrap;
        String clusterId;
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir, 0)) {
            bootstrap = broker.bootstrap();
            clusterId = broker.clusterId();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic("links", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
                assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS)).isEqualTo(clusterId);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new StringSerializer())) {
                for (String host : List.of("a.sim", "b.sim", "c.sim")) {
                    producer.send(new ProducerRecord<>("links", host, "http://" + host + "/")).get(30, TimeUnit.SECONDS);
                }
            }
            assertThat(readAll(bootstrap, "links", 3)).containsExactlyInAnyOrder(
                    "http://a.sim/", "http://b.sim/", "http://c.sim/");
        }

        try (EmbeddedBroker again = EmbeddedBroker.start(dir, 0)) {
            assertThat(again.bootstrap()).isEqualTo(bootstrap);
            assertThat(again.clusterId()).isEqualTo(clusterId);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", again.bootstrap()))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("links");
            }
            assertThat(readAll(again.bootstrap(), "links", 3)).containsExactlyInAnyOrder(
                    "http://a.sim/", "http://b.sim/", "http://c.sim/");
        }
    }

    @Test
    void aDirectoryWithKafkaDataItDidNotMakeIsRefusedAndLeftAlone() throws Exception {
        Files.createDirectories(dir.resolve("kraft"));
        Files.writeString(dir.resolve("kraft/meta.properties"), "cluster.id=someone-elses\n");

        assertThatThrownBy(() -> EmbeddedBroker.start(dir, 0)).isInstanceOf(IOException.class)
                .hasMessageContaining("not made by crawler broker").hasMessageContaining("use an empty directory");

        assertThat(Files.readString(dir.resolve("kraft/meta.properties"))).isEqualTo("cluster.id=someone-elses\n");
        assertThat(dir.resolve(BrokerDir.SETTINGS)).doesNotExist();
    }

    @Test
    void aDamagedSettingsFileIsReportedWithWhatToDo() throws Exception {
        Files.writeString(dir.resolve(BrokerDir.SETTINGS), "cluster.id=x\nport=not-a-number\ncontroller.port=1\n");

        assertThatThrownBy(() -> EmbeddedBroker.start(dir, 0)).isInstanceOf(IOException.class)
                .hasMessageContaining("is damaged").hasMessageContaining("move the directory away");
    }

    private static List<String> readAll(String bootstrap, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
