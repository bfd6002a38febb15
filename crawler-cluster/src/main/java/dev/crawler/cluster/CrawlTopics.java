package dev.crawler.cluster;

import dev.crawler.frontier.CrawlRequest;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Kafka topics of one crawl, named after its id: {@code crawl.ID.links} (URLs found: seeds,
 * links, redirect targets), {@code crawl.ID.outcomes} (what became of the URLs handed out) and
 * {@code crawl.ID.settings} (what the crawl was started with, see {@link SettingsTopic}).
 * Both are keyed by the URL's host, in lower case, scheme and port left out, and have the same
 * number of partitions for the life of the crawl, so one partition, and the node that owns it,
 * holds everything of a host: its queue, its seen URLs, its politeness.
 */
public record CrawlTopics(String crawlId) {

    /** What Kafka allows in a topic name, less what this prefix takes (249 characters at most). */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    public CrawlTopics {
        if (crawlId == null || !ID.matcher(crawlId).matches()) {
            throw new IllegalArgumentException("a crawl id is 1 to 200 letters, digits, '.', '_' or '-', was "
                    + (crawlId == null ? "none" : "'" + crawlId + "'"));
        }
    }

    public String links() {
        return "crawl." + crawlId + ".links";
    }

    public String outcomes() {
        return "crawl." + crawlId + ".outcomes";
    }

    /**
     * Each partition's progress, as its owner last saw it ({@link PartitionStatus}): one
     * partition, compacted, keyed by the partition number; what tells every node the crawl is over.
     */
    public String status() {
        return "crawl." + crawlId + ".status";
    }

    /**
     * How many pages each run of each node has started ({@link ClusterPageBudget}): one partition,
     * compacted, keyed by node and run; what makes {@code --max-pages} count over the whole crawl.
     */
    public String pages() {
        return "crawl." + crawlId + ".pages";
    }

    /** The settings the crawl was started with: one partition, kept forever, the first record wins. */
    public String settings() {
        return "crawl." + crawlId + ".settings";
    }

    /** The record key of {@code hostKey}'s URLs ({@code http://Example.com:8080} gives {@code example.com}). */
    public static String partitionKey(String hostKey) {
        return CrawlRequest.hostOfKey(hostKey).toLowerCase(Locale.ROOT);
    }
}
