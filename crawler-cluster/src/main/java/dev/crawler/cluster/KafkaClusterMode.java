package dev.crawler.cluster;

import dev.crawler.cli.run.ClusterMode;
import dev.crawler.engine.CrawlSettings;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The cluster mode on Apache Kafka, as {@code crawler crawl --cluster} finds it: a node joins by
 * agreeing on the crawl's settings ({@link SettingsTopic}; the first node's are the crawl's), then
 * runs on its share of the frontier ({@link ClusterNode}).
 */
public final class KafkaClusterMode implements ClusterMode {

    @Override
    public Node join(Join join) throws IOException {
        CrawlTopics topics = new CrawlTopics(join.crawlId());
        SettingsTopic.agree(join.bootstrap(), topics, join.replication(), settings(join), join.nodeId());
        return new ClusterNode(join, topics);
    }

    /**
     * What every node of a crawl must share: the settings that decide what is crawled, the
     * partition count, the processing guarantee, and the seeds, since the scope is drawn around
     * the seeds' hosts (a node with other seeds would follow other links).
     */
    static Map<String, String> settings(Join join) {
        Map<String, String> s = new LinkedHashMap<>(CrawlSettings.of(join.config()));
        s.put("partitions", String.valueOf(join.partitions()));
        s.put("processing", join.exactlyOnce() ? "exactly once (--exactly-once)" : "at least once");
        s.put("seeds", String.join(" ", new TreeSet<>(join.config().seeds())));
        return s;
    }
}
