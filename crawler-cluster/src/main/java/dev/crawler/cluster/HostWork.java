package dev.crawler.cluster;

/**
 * What a node's crawl engine learns from its share of the frontier ({@link FrontierTopology}),
 * partition by partition. Called on a Kafka Streams thread: an implementation hands the news to
 * the engine's own thread without blocking (the engine's event loop must never wait on Streams,
 * nor Streams on it).
 */
public interface HostWork {

    /**
     * This node took {@code partition} (at start, after a rebalance, or when a dead node's share
     * moved here): {@code queued} is every request of its hosts still to be fetched, each host's in
     * order. Requests another node had handed out but not finished are among them: they are
     * fetched again.
     */
    void adopted(int partition, java.util.List<QueuedRequest> queued);

    /** A new URL was queued at a host of {@code partition}, which this node holds. */
    void queued(int partition, QueuedRequest request);

    /**
     * This node gave {@code partition} up: its hosts are no longer this node's to fetch. What is
     * under way for them may still finish; its outcome is applied once, by whichever node holds
     * the partition then.
     */
    void released(int partition);

    /**
     * The request numbered {@code sequence} of {@code hostKey}, at {@code partition}, has its
     * outcome (sent by whichever node fetched it) and is no longer to be fetched. Told for every
     * outcome applied; a node that took the host over lately drops the request if it still holds
     * it back (see {@link ClusterFrontier}).
     */
    default void finished(int partition, String hostKey, long sequence) {
    }

    /**
     * A note about a host of {@code partition}, which this node holds: told for every note in the
     * partition's store when the partition is taken (before {@link #adopted}), and for each one
     * that comes while this node holds it.
     */
    default void noted(int partition, dev.crawler.frontier.HostNote note) {
    }

    /**
     * The node that held {@code partition} before this one is done with it: every request of it
     * that node was fetching has its outcome applied (a {@link HandoverMarker} came after them).
     */
    default void handedOver(int partition) {
    }
}
