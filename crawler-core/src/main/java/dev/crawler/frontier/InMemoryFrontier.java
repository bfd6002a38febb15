package dev.crawler.frontier;

import dev.crawler.url.Fingerprint;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A frontier held on the heap: one FIFO per host and a {@link SeenSet} of fingerprints. */
public final class InMemoryFrontier implements Frontier {

    private final Map<String, ArrayDeque<CrawlRequest>> queues = new HashMap<>();
    private final SeenSet seen = new SeenSet();
    private final Fingerprint fingerprint = Fingerprint.ephemeral();
    private long queued;

    /** An empty frontier. */
    public InMemoryFrontier() {
    }

    @Override
    public Offer offer(CrawlRequest request) {
        if (!markSeen(request.url())) {
            return Offer.DUPLICATE;
        }
        ArrayDeque<CrawlRequest> queue = queues.computeIfAbsent(request.hostKey(), k -> new ArrayDeque<>());
        boolean wasEmpty = queue.isEmpty();
        queue.addLast(request);
        queued++;
        return wasEmpty ? Offer.QUEUED_NEW_HOST : Offer.QUEUED;
    }

    @Override
    public boolean seenAlready(String normalizedUrl) {
        return seen.contains(fingerprint.of(normalizedUrl));
    }

    @Override
    public boolean markSeen(String normalizedUrl) {
        return seen.add(fingerprint.of(normalizedUrl));
    }

    @Override
    public Optional<CrawlRequest> poll(String hostKey) {
        ArrayDeque<CrawlRequest> queue = queues.get(hostKey);
        if (queue == null || queue.isEmpty()) {
            return Optional.empty();
        }
        CrawlRequest next = queue.pollFirst();
        queued--;
        if (queue.isEmpty()) {
            queues.remove(hostKey);
        }
        return Optional.of(next);
    }

    @Override
    public boolean requeue(CrawlRequest request) {
        ArrayDeque<CrawlRequest> queue = queues.computeIfAbsent(request.hostKey(), k -> new ArrayDeque<>());
        boolean wasEmpty = queue.isEmpty();
        queue.addFirst(request);
        queued++;
        return wasEmpty;
    }

    @Override
    public boolean hasQueued(String hostKey) {
        ArrayDeque<CrawlRequest> queue = queues.get(hostKey);
        return queue != null && !queue.isEmpty();
    }

    @Override
    public long queued(String hostKey) {
        ArrayDeque<CrawlRequest> queue = queues.get(hostKey);
        return queue == null ? 0 : queue.size();
    }

    @Override
    public long queued() {
        return queued;
    }

    @Override
    public long seen() {
        return seen.size();
    }
}
