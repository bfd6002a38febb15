package dev.crawler.cluster;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The Kafka Streams topology that keeps a crawl's frontier, one share per partition: the links
 * and outcomes topics (co-partitioned by host) feed one processor per partition
 * ({@link FrontierProcessor}), which owns that partition's store. The store is persistent
 * (RocksDB), changelogged, and written through without a cache, so that each record's writes
 * reach the changelog in the order they were made (see {@link FrontierProcessor} for why that
 * order makes replays harmless). Every partition's processor also sends its progress to the
 * crawl's status topic ({@link PartitionStatus}), from which every node tells when the crawl is over.
 */
public final class FrontierTopology {

    /** The one store of a partition: its hosts' queues, seen URLs and sequence counters. */
    public static final String STORE = "frontier";

    private FrontierTopology() {
    }

    /** The topology of the crawl {@code topics} belong to, telling {@code work} what its partitions hold. */
    public static Topology build(CrawlTopics topics, HostWork work) {
        Topology t = new Topology();
        t.addSource("links", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topics.links());
        t.addSource("outcomes", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topics.outcomes());
        t.addProcessor("frontier", () -> new FrontierProcessor(topics, work), "links", "outcomes");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.Bytes(),
                Serdes.ByteArray()).withCachingDisabled(), "frontier");
        t.addSink("status", topics.status(), Serdes.String().serializer(), Serdes.ByteArray().serializer(),
                (topic, key, value, partitions) -> java.util.Optional.of(java.util.Set.of(0)), "frontier");
        return t;
    }
}
