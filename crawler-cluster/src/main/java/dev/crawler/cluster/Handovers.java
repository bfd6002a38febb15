package dev.crawler.cluster;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The partitions this node let go while it was still fetching for them: each is handed over (its
 * {@link HandoverMarker} sent) once the last of those requests has ended here, its outcome
 * acknowledged or the request dropped, so the marker follows every outcome the node sends for it.
 * Confined to the frontier's owner thread.
 */
final class Handovers {

    private final IntConsumer handover;
    /** Partitions let go: how many of their requests are still under way here. */
    private final Map<Integer, Integer> stillFetching = new HashMap<>();
    /** The partition let go of each request still under way here, by URL. */
    private final Map<String, Integer> partitionOf = new HashMap<>();

    /** @param handover sends {@code partition}'s marker */
    Handovers(IntConsumer handover) {
        this.handover = handover;
    }

    /** This node let {@code partition} go with {@code underWay} (URLs) still under way here: at once if none. */
    void letGo(int partition, Collection<String> underWay) {
        if (underWay.isEmpty()) {
            handover.accept(partition);
            return;
        }
        underWay.forEach(url -> partitionOf.put(url, partition));
        stillFetching.put(partition, underWay.size());
    }

    /** The request for {@code url} has ended here; if it was the last one of a partition let go, that partition is handed over. */
    void ended(String url) {
        Integer partition = partitionOf.remove(url);
        if (partition == null) {
            return;
        }
        int left = stillFetching.merge(partition, -1, Integer::sum);
        if (left <= 0) {
            stillFetching.remove(partition);
            handover.accept(partition);
        }
    }
}
