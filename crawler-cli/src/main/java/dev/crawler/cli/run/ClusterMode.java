package dev.crawler.cli.run;

import dev.crawler.CrawlConfig;
import dev.crawler.frontier.FrontierOpener;
import java.io.IOException;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The cluster mode as {@code crawler crawl --cluster} sees it: a crawl whose frontier lives on
 * Apache Kafka, shared by every node of the crawl. It is provided by the crawler-cluster module
 * (found with {@link ServiceLoader}), whose jar holds Kafka; the crawler's own jar has none, and
 * then there is no cluster mode.
 */
public interface ClusterMode {

    /**
     * How this process joins a crawl.
     *
     * @param bootstrap the Kafka brokers, {@code host:port[,host:port...]}
     * @param crawlId the crawl's name on the cluster: its topics and group are named after it
     * @param nodeId this node's name among the crawl's nodes
     * @param partitions how many parts the crawl's hosts are spread over (fixed for its life)
     * @param replication the replication factor of the crawl's topics
     * @param config the crawl's settings, which every node must share
     * @param exactlyOnce whether links and outcomes are applied with Kafka's exactly-once v2
     *     (transactions) rather than at least once; every node must agree
     */
    record Join(String bootstrap, String crawlId, String nodeId, int partitions, short replication, CrawlConfig config,
            boolean exactlyOnce) {

        /** At least once, the default. */
        public Join(String bootstrap, String crawlId, String nodeId, int partitions, short replication, CrawlConfig config) {
            this(bootstrap, crawlId, nodeId, partitions, replication, config, false);
        }
    }

    /** This process as a node of the crawl: the crawl runs on its frontier; closing it leaves the crawl. */
    interface Node extends AutoCloseable {

        /** Opens the node's view of the crawl's frontier, for the crawl engine. */
        FrontierOpener frontier();

        /** Leaves the crawl: what was sent is flushed, and this node's share goes to the others. */
        @Override
        void close();
    }

    /**
     * Joins the crawl {@code join} names, or starts it if this is its first node.
     *
     * @throws IOException if the brokers cannot be reached, or the crawl was started with other
     *     settings (the message names each difference)
     */
    Node join(Join join) throws IOException;

    /** The cluster mode on the class path, if any. */
    static Optional<ClusterMode> find() {
        return ServiceLoader.load(ClusterMode.class).findFirst();
    }
}
