package dev.crawler.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Making a crawl's topics: each by whichever node comes first, the others finding it made. */
final class KafkaTopics {

    private KafkaTopics() {
    }

    /** Makes {@code topic} unless it exists (as it is: its settings are not compared here). */
    static void createIfAbsent(Admin admin, NewTopic topic, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        try {
            admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
