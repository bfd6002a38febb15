package dev.crawler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.HostNote;
import dev.crawler.frontier.RequestCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frontier's share of a partition, driven record by record ({@link TopologyTestDriver}, real
 * RocksDB stores): each URL queued once at its host's owner, outcomes applied, and every record
 * harmless the second time, as at-least-once delivery needs.
 */
class FrontierTopologyTest {

    private static final CrawlTopics TOPICS = new CrawlTopics("t1");

    @TempDir
    Path state;

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final HostWork work = new HostWork() {
        @Override
        public void adopted(int partition, List<QueuedRequest> queued) {
            events.add("adopted " + queued.stream().map(q -> q.sequence() + "=" + q.request().url()).toList());
        }

        @Override
        public void queued(int partition, QueuedRequest request) {
            events.add("queued " + request.sequence() + "=" + request.request().url() + " " + request.request().hostKey()
                    + " depth " + request.request().depth());
        }

        @Override
        public void released(int partition) {
            events.add("released");
        }

        @Override
        public void handedOver(int partition) {
            events.add("handed over " + partition);
        }

        @Override
        public void noted(int partition, HostNote note) {
            events.add("noted " + note.hostKey() + " " + note.key() + "=" + new String(note.value(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    };
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> links;
    private TestInputTopic<String, byte[]> outcomes;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void aUrlIsQueuedOnceWhateverHowOftenItIsFound() {
        start();

        link("http://a.sim/", 0);
        link("http://a.sim/x", 1);
        link("http://a.sim/", 2);
        link("https://a.sim/", 1); // another host key of the same host: a queue of its own
        link("http://a.sim/x", 1);

        assertThat(events).containsExactly("adopted []",
                "queued 0=http://a.sim/ http://a.sim:80 depth 0",
                "queued 1=http://a.sim/x http://a.sim:80 depth 1",
                "queued 0=https://a.sim/ https://a.sim:443 depth 1");
        assertThat(queue()).containsExactly("http://a.sim:80#0=http://a.sim/", "http://a.sim:80#1=http://a.sim/x",
                "https://a.sim:443#0=https://a.sim/");
    }

    @Test
    void anOutcomeRemovesItsEntryAndAUrlFoundAfterItsOutcomeIsNotQueuedAgain() {
        start();
        link("http://a.sim/", 0);
        link("http://a.sim/x", 1);

        outcome("http://a.sim:80", 0, "http://a.sim/");
        link("http://a.sim/", 3);

        assertThat(queue()).containsExactly("http://a.sim:80#1=http://a.sim/x");
        assertThat(events).hasSize(3); // adopted, and the two first links
        assertThat(store().get(FrontierProcessor.seenKey("http://a.sim/"))).containsExactly(FrontierProcessor.DONE);
    }

    @Test
    void anOutcomeWhoseNumberNamesAnotherUrlsEntryLeavesThatEntryAndMarksItsOwnUrlDone() {
        start();
        link("http://a.sim/", 0);

        outcome("http://a.sim:80", 0, "http://a.sim/other");

        assertThat(queue()).containsExactly("http://a.sim:80#0=http://a.sim/");
        assertThat(store().get(FrontierProcessor.seenKey("http://a.sim/other"))).containsExactly(FrontierProcessor.DONE);
    }

    @Test
    void aHandoverMarkerOnTheOutcomesTopicTellsTheOwnerAndChangesNothingInTheStore() {
        start();
        link("http://a.sim/", 0);
        Map<String, String> before = snapshot();

        outcomes.pipeInput("handover", new HandoverMarker("node-a").encode());

        assertThat(events).last().isEqualTo("handed over 0");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void replayingEveryLinkAndOutcomeLeavesTheStoreAsItWas() {
        start();
        List<Runnable> records = List.of(
                () -> link("http://a.sim/", 0), () -> link("http://a.sim/1", 1), () -> link("http://b.sim/", 0),
                () -> outcome("http://a.sim:80", 0, "http://a.sim/"), () -> link("http://a.sim/2", 1),
                () -> link("http://a.sim/1", 2), () -> outcome("http://b.sim:80", 0, "http://b.sim/"),
                () -> link("http://b.sim/1", 1), () -> outcome("http://a.sim:80", 1, "http://a.sim/1"));
        records.forEach(Runnable::run);
        Map<String, String> before = snapshot();
        int eventsBefore = events.size();

        records.forEach(Runnable::run); // delivered again, as after a crash or a partition's move
        records.forEach(Runnable::run);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(events).hasSize(eventsBefore);
        assertThat(queue()).containsExactly("http://a.sim:80#2=http://a.sim/2", "http://b.sim:80#1=http://b.sim/1");
    }

    @Test
    void aLinkWhoseWritesWereCutShortIsCompletedWithoutASecondEntry() {
        start();
        KeyValueStore<Bytes, byte[]> store = store();
        CrawlRequest x = CrawlRequest.of("http://a.sim/x", 1, "http://a.sim/", 0);
        // a crash after the entry and the counter reached the changelog, before the seen mark
        store.put(FrontierProcessor.queueKey("http://a.sim:80", 0), RequestCodec.encode(x));
        store.put(FrontierProcessor.hostKey("http://a.sim:80"), java.nio.ByteBuffer.allocate(8).putLong(1).array());
        // and one after only the entry did
        CrawlRequest y = CrawlRequest.of("http://b.sim/y", 1, "http://b.sim/", 0);
        store.put(FrontierProcessor.queueKey("http://b.sim:80", 0), RequestCodec.encode(y));

        link("http://a.sim/x", 1);
        link("http://b.sim/y", 1);
        link("http://a.sim/z", 1);

        assertThat(queue()).containsExactly("http://a.sim:80#0=http://a.sim/x", "http://a.sim:80#1=http://a.sim/z",
                "http://b.sim:80#0=http://b.sim/y");
        assertThat(events).containsExactly("adopted []", "queued 0=http://b.sim/y http://b.sim:80 depth 1",
                "queued 1=http://a.sim/z http://a.sim:80 depth 1");
    }

    /**
     * A partition's next owner opens the store the changelog restored and is handed what it
     * holds: here the same store, under a second processor, with Kafka Streams' mock context
     * (the test driver wipes its state when closed).
     */
    @Test
    void aNewOwnerIsHandedEveryQueuedRequestOfThePartitionInOrder() {
        MockProcessorContext<String, byte[]> context = mockContext();
        KeyValueStore<Bytes, byte[]> store = context.getStateStore(FrontierTopology.STORE);
        FrontierProcessor first = new FrontierProcessor(TOPICS, work);
        first.init(context);
        process(first, context, TOPICS.links(), RequestCodec.encode(CrawlRequest.of("http://b.sim/", 0, null, 0)));
        process(first, context, TOPICS.links(), RequestCodec.encode(CrawlRequest.of("http://a.sim/", 0, null, 0)));
        process(first, context, TOPICS.links(), RequestCodec.encode(CrawlRequest.of("http://a.sim/1", 1, null, 0)));
        process(first, context, TOPICS.outcomes(), new OutcomeMessage("http://a.sim:80", 0, "http://a.sim/").encode());
        first.close();
        assertThat(events).last().isEqualTo("released");
        events.clear();

        new FrontierProcessor(TOPICS, work).init(context);

        assertThat(events).containsExactly("adopted [1=http://a.sim/1, 0=http://b.sim/]");
        store.close();
    }

    /**
     * A note about a host is kept in the partition's store, the latest per host and key, told to
     * the owner as it comes, and handed to the next owner before the partition's requests.
     */
    @Test
    void aHostsLatestNotesAreKeptAndHandedToTheNextOwnerFirst() {
        MockProcessorContext<String, byte[]> context = mockContext();
        KeyValueStore<Bytes, byte[]> store = context.getStateStore(FrontierTopology.STORE);
        FrontierProcessor first = new FrontierProcessor(TOPICS, work);
        first.init(context);
        process(first, context, TOPICS.links(), RequestCodec.encode(CrawlRequest.of("http://a.sim/", 0, null, 0)));
        process(first, context, TOPICS.outcomes(), HostNoteMessage.encode(note("http://a.sim:80", "robots", "old")));
        process(first, context, TOPICS.outcomes(), HostNoteMessage.encode(note("http://a.sim:80", "given-up", "why")));
        process(first, context, TOPICS.outcomes(), HostNoteMessage.encode(note("http://a.sim:80", "robots", "new")));
        process(first, context, TOPICS.outcomes(), HostNoteMessage.encode(note("http://b.sim:80", "robots", "b")));
        assertThat(events).contains("noted http://a.sim:80 robots=old", "noted http://a.sim:80 robots=new");
        first.close();
        events.clear();

        new FrontierProcessor(TOPICS, work).init(context);

        assertThat(events).containsExactly("noted http://a.sim:80 given-up=why", "noted http://a.sim:80 robots=new",
                "noted http://b.sim:80 robots=b", "adopted [0=http://a.sim/]");
        store.close();
    }

    @Test
    void aNoteIsReadBackAsWrittenAndAnythingElseIsRefused() {
        HostNote n = note("http://a.sim:80", "trap-queries http://a.sim/p", "\u0000\u0001");
        HostNote back = HostNoteMessage.decode(HostNoteMessage.encode(n));
        assertThat(back.hostKey()).isEqualTo(n.hostKey());
        assertThat(back.key()).isEqualTo(n.key());
        assertThat(back.value()).isEqualTo(n.value());
        assertThat(HostNoteMessage.is(new OutcomeMessage("http://a.sim:80", 1, "http://a.sim/").encode())).isFalse();
        assertThat(HostNoteMessage.is(new HandoverMarker("n1").encode())).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HostNoteMessage.decode(new byte[] {'N', 0, 0, 0, 9}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static HostNote note(String host, String key, String value) {
        return new HostNote(host, key, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Kafka Streams' mock context of partition 7, with the frontier's store, real RocksDB, no changelog. */
    private MockProcessorContext<String, byte[]> mockContext() {
        MockProcessorContext<String, byte[]> context = new MockProcessorContext<>(new Properties(), new TaskId(0, 7),
                state.toFile());
        context.setCurrentSystemTimeMs(0L);
        KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(FrontierTopology.STORE), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled().withCachingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return context;
    }

    private static void process(FrontierProcessor p, MockProcessorContext<String, byte[]> context, String topic, byte[] value) {
        context.setRecordMetadata(topic, 7, 0);
        p.process(new Record<>("key", value, 0L));
    }

    /** What every node reads to tell the crawl is over: each partition's entries and the records it applied. */
    @Test
    void thePartitionsProgressGoesToTheStatusTopicEveryQuarterSecond() {
        start();
        var status = driver.createOutputTopic(TOPICS.status(), new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        link("http://a.sim/", 0);
        assertThat(status.readValuesToList().stream().map(PartitionStatus::decode))
                .as("at once on the first record after the partition was taken, with that record's offset")
                .containsExactly(new PartitionStatus(0, 1, 1, -1));
        link("http://a.sim/x", 1);
        link("http://a.sim/", 1); // a duplicate: applied, not queued
        driver.advanceWallClockTime(java.time.Duration.ofMillis(300));
        outcome("http://a.sim:80", 0, "http://a.sim/");
        outcome("http://a.sim:80", 0, "http://a.sim/"); // again: no entry to remove
        driver.advanceWallClockTime(java.time.Duration.ofMillis(300));

        List<PartitionStatus> seen = status.readValuesToList().stream().map(PartitionStatus::decode).toList();
        assertThat(seen).contains(new PartitionStatus(0, 2, 3, -1));
        assertThat(seen.getLast()).isEqualTo(new PartitionStatus(0, 1, 3, 2));
    }

    @Test
    void aStatusIsReadBackAsWrittenAndAnythingElseIsRefused() {
        PartitionStatus s = new PartitionStatus(7, 12, -1, 40);
        assertThat(PartitionStatus.decode(s.encode())).isEqualTo(s);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PartitionStatus.decode(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a partition status");
    }

    @Test
    void aMalformedRecordIsSkippedAndTheNextOneApplied() {
        start();
        links.pipeInput("a.sim", new byte[] {9, 9, 9});
        outcomes.pipeInput("a.sim", new byte[] {1, 2});
        links.pipeInput("a.sim", (byte[]) null);
        outcomes.pipeInput("a.sim", (byte[]) null);
        // a URL no node would send (no host): its host key cannot be read
        links.pipeInput("a.sim", RequestCodec.encode(new CrawlRequest("http://", "x", 0, null, 0)));
        link("http://a.sim/", 0);

        assertThat(queue()).containsExactly("http://a.sim:80#0=http://a.sim/");
    }

    private void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "crawl-t1");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        driver = new TopologyTestDriver(FrontierTopology.build(TOPICS, work), props);
        links = driver.createInputTopic(TOPICS.links(), new StringSerializer(), new ByteArraySerializer());
        outcomes = driver.createInputTopic(TOPICS.outcomes(), new StringSerializer(), new ByteArraySerializer());
    }

    private void link(String url, int depth) {
        CrawlRequest r = CrawlRequest.of(url, depth, null, 0);
        links.pipeInput(CrawlTopics.partitionKey(r.hostKey()), RequestCodec.encode(r));
    }

    private void outcome(String hostKey, long sequence, String url) {
        outcomes.pipeInput(CrawlTopics.partitionKey(hostKey), new OutcomeMessage(hostKey, sequence, url).encode());
    }

    private KeyValueStore<Bytes, byte[]> store() {
        return driver.getKeyValueStore(FrontierTopology.STORE);
    }

    /** The queue entries as {@code hostKey#sequence=url}, in key order. */
    private List<String> queue() {
        List<String> out = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store().all()) {
            while (it.hasNext()) {
                var kv = it.next();
                byte[] key = kv.key.get();
                if (key[0] == 'Q') {
                    byte[] rest = java.util.Arrays.copyOfRange(key, 1, key.length);
                    String hostKey = new String(rest, 0, rest.length - 9, java.nio.charset.StandardCharsets.UTF_8);
                    out.add(hostKey + "#" + RequestCodec.sequenceOf(rest) + "=" + RequestCodec.decode(hostKey, kv.value).url());
                }
            }
        }
        return out;
    }

    private Map<String, String> snapshot() {
        Map<String, String> out = new TreeMap<>();
        try (KeyValueIterator<Bytes, byte[]> it = store().all()) {
            while (it.hasNext()) {
                var kv = it.next();
                out.put(java.util.HexFormat.of().formatHex(kv.key.get()), java.util.HexFormat.of().formatHex(kv.value));
            }
        }
        return out;
    }
}
