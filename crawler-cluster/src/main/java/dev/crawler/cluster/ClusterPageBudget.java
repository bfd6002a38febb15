package dev.crawler.cluster;

import dev.crawler.frontier.PageBudget;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --max-pages} over the whole crawl: the pages started by every run of every node count.
 * Each run publishes how many pages it has started on the crawl's pages topic ({@link CrawlTopics#pages},
 * one partition, compacted, keyed by node and run), and reads everyone's counts back from the
 * beginning, so a node started late, or started again, knows what the others have spent. A run's
 * count only grows; a dead node's last count stays, since its pages were started.
 *
 * <p>A node may start a page while its own starts plus the others' known starts are under the
 * budget. The others' counts arrive within milliseconds (a count goes out at most
 * {@link #EVERY} after a start, and is read back as fast), so near the budget the crawl as a
 * whole may pass it by the pages other nodes started in that moment; no node starts a page once
 * it knows the budget spent, and no page is ever refused for a budget not yet spent.
 *
 * <p>{@link #spent} and {@link #started} are called on the engine's thread; a thread of the
 * budget's own sends and reads the counts, and tells the engine (through {@code othersMoved},
 * which must hand over to the engine's thread) when the others' total has changed, so that a node
 * with nothing under way learns the crawl's budget is spent and ends.
 */
final class ClusterPageBudget implements PageBudget, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterPageBudget.class);

    /** How long the counting thread waits for counts to read before it sends its own again. */
    static final Duration EVERY = Duration.ofMillis(10);

    private final long max;
    private final String key;
    private final Runnable othersMoved;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final TopicPartition partition;
    /** Pages started by this run: counted on the engine's thread, sent by the counting thread. */
    private final AtomicLong startedHere = new AtomicLong();
    /** Pages started by every other run and node, as last read. */
    private final AtomicLong others = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;

    private ClusterPageBudget(long max, String key, Runnable othersMoved, KafkaProducer<String, byte[]> producer,
            KafkaConsumer<String, byte[]> consumer, TopicPartition partition) {
        this.max = max;
        this.key = key;
        this.othersMoved = othersMoved;
        this.producer = producer;
        this.consumer = consumer;
        this.partition = partition;
        this.thread = Thread.ofPlatform().daemon().name("page-budget").unstarted(this::count);
    }

    /**
     * The budget of {@code maxPages} (at least 1) pages for crawl {@code topics}, counted under
     * {@code nodeId} and a new run id; starts reading the counts.
     */
    static ClusterPageBudget start(String bootstrap, CrawlTopics topics, String nodeId, long maxPages,
            Runnable othersMoved) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("a shared page budget is at least 1, was " + maxPages);
        }
        String run = nodeId + "/" + UUID.randomUUID();
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, "crawl-" + topics.crawlId() + "-" + nodeId + "-pages",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
        KafkaConsumer<String, byte[]> consumer;
        try {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        } catch (RuntimeException e) {
            producer.close(Duration.ofSeconds(5));
            throw e;
        }
        TopicPartition partition = new TopicPartition(topics.pages(), 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        ClusterPageBudget budget = new ClusterPageBudget(maxPages, run, othersMoved, producer, consumer, partition);
        budget.thread.start();
        return budget;
    }

    @Override
    public boolean spent() {
        return startedHere.get() + others.get() >= max;
    }

    @Override
    public void started() {
        startedHere.incrementAndGet();
    }

    /** Pages the other runs and nodes have started, as last read. */
    long others() {
        return others.get();
    }

    /** The counting thread: sends this run's count when it grew, reads everyone's. */
    private void count() {
        Map<String, Long> counts = new HashMap<>();
        long sent = 0;
        try {
            while (!closed.get()) {
                long now = startedHere.get();
                if (now > sent) {
                    send(now);
                    sent = now;
                }
                boolean moved = false;
                for (ConsumerRecord<String, byte[]> r : consumer.poll(EVERY)) {
                    if (r.key() == null || r.key().equals(key) || r.value() == null || r.value().length != Long.BYTES) {
                        continue;
                    }
                    long count = ByteBuffer.wrap(r.value()).getLong();
                    Long before = counts.get(r.key());
                    if (before == null || count > before) {
                        counts.put(r.key(), count);
                        moved = true;
                    }
                }
                if (moved) {
                    others.set(counts.values().stream().mapToLong(Long::longValue).sum());
                    othersMoved.run();
                }
            }
            long last = startedHere.get();
            if (last > sent) {
                send(last);
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            // closing
        } catch (RuntimeException e) {
            if (!closed.get()) {
                log.error("the crawl's page count stopped: this node goes on with the counts it last read"
                        + " ({} pages by the other nodes), and may pass --max-pages", others.get(), e);
            }
        } finally {
            stopped.countDown();
        }
    }

    /** Publishes this run's count of pages started (its record key is the run). */
    private void send(long count) {
        producer.send(new ProducerRecord<>(partition.topic(), 0, key, ByteBuffer.allocate(Long.BYTES).putLong(count).array()));
    }

    /** Stops counting; this run's last count is sent first. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!stopped.await(10, TimeUnit.SECONDS)) {
                thread.interrupt();
                stopped.await(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(5));
            producer.close(Duration.ofSeconds(10));
        }
    }
}
