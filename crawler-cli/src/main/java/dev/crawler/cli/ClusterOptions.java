package dev.crawler.cli;

import dev.crawler.CrawlConfig;
import dev.crawler.cli.config.ConfigException;
import dev.crawler.cli.run.ClusterMode;
import picocli.CommandLine.Option;

/** {@code --cluster} and its companions: this process as one node of a crawl on Apache Kafka. */
final class ClusterOptions {

    @Option(names = "--cluster", paramLabel = "BOOTSTRAP",
            description = "Run as one node of a crawl on Apache Kafka, brokers at BOOTSTRAP (host:port[,host:port]):"
                    + " hosts are spread over the nodes, each node writes what it fetched under its own --out, and"
                    + " the command ends when the whole crawl is done. Needs --crawl-id. `crawler broker` starts a"
                    + " one-node Kafka to try it. Default: off (a crawl of this process alone)")
    String bootstrap;

    @Option(names = "--crawl-id", paramLabel = "ID",
            description = "With --cluster: the crawl's name; every node of one crawl gives the same."
                    + " Letters, digits, '.', '_', '-'. Default: none")
    String crawlId;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "12",
            description = "With --cluster: how many parts the crawl's hosts are spread over, set by its first node"
                    + " for the crawl's life; more parts than nodes lets nodes join later. Default: ${DEFAULT-VALUE}")
    int partitions;

    @Option(names = "--replication", paramLabel = "N", defaultValue = "1",
            description = "With --cluster: copies the brokers keep of the crawl's topics (3 on a real cluster)."
                    + " Default: ${DEFAULT-VALUE}")
    short replication;

    @Option(names = "--node-id", paramLabel = "NAME",
            description = "With --cluster: this node's name in the crawl; give a node started again on its --out the"
                    + " name it had (it then writes the index lines a crash left unwritten). Default: the host name"
                    + " and a digest of --out, the same each time")
    String nodeId;

    @Option(names = "--exactly-once", negatable = false,
            description = "With --cluster: apply links and outcomes with Kafka's exactly-once v2 (transactions) instead"
                    + " of at least once; the crawl's first node decides, and every node must"
                    + " give the same. Pages may still be fetched twice when a node dies: a fetch is not a transaction."
                    + " Default: at least once")
    boolean exactlyOnce;

    /** Whether this process is a node of a crawl on Kafka. */
    boolean enabled() {
        return bootstrap != null;
    }

    /** How to join the crawl with {@code config}; a {@link ConfigException} if the options do not fit. */
    ClusterMode.Join join(CrawlConfig config) {
        if (crawlId == null || crawlId.isBlank()) {
            throw new ConfigException("--cluster needs --crawl-id ID: the name every node of the crawl gives");
        }
        if (!crawlId.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new ConfigException("--crawl-id: '" + crawlId + "' is not a crawl id: use 1 to 200 letters, digits,"
                    + " '.', '_' or '-'");
        }
        if (partitions < 1 || partitions > 10_000) {
            throw new ConfigException("--partitions: " + partitions + " is not between 1 and 10000");
        }
        if (replication < 1) {
            throw new ConfigException("--replication: " + replication + " is not 1 or more");
        }
        return new ClusterMode.Join(bootstrap, crawlId, nodeId != null ? nodeId : defaultNodeId(config), partitions,
                replication, config, exactlyOnce);
    }

    /**
     * The host name as the environment gives it (no lookup) and a digest of the output directory:
     * the same for a node started again on the same directory, which must find its own outcomes.
     */
    private static String defaultNodeId(CrawlConfig config) {
        String host = System.getenv().getOrDefault("HOSTNAME", "node");
        String out = config.outDir().toAbsolutePath().normalize().toString();
        return (host + "-" + Integer.toHexString(out.hashCode())).replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
