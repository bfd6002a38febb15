package dev.crawler.engine;

import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.Frontier;
import dev.crawler.frontier.InMemoryFrontier;
import java.util.Optional;

/**
 * A test frontier's queues: the in-memory frontier's, so that a test frontier only writes what it
 * changes (durability, loading).
 */
abstract class QueuesInMemory implements Frontier {

    private final InMemoryFrontier queues = new InMemoryFrontier();

    @Override
    public Offer offer(CrawlRequest request) {
        return queues.offer(request);
    }

    @Override
    public boolean seenAlready(String normalizedUrl) {
        return queues.seenAlready(normalizedUrl);
    }

    @Override
    public boolean markSeen(String normalizedUrl) {
        return queues.markSeen(normalizedUrl);
    }

    @Override
    public Optional<CrawlRequest> poll(String hostKey) {
        return queues.poll(hostKey);
    }

    @Override
    public boolean requeue(CrawlRequest request) {
        return queues.requeue(request);
    }

    @Override
    public boolean hasQueued(String hostKey) {
        return queues.hasQueued(hostKey);
    }

    @Override
    public long queued(String hostKey) {
        return queues.queued(hostKey);
    }

    @Override
    public long queued() {
        return queues.queued();
    }

    @Override
    public long seen() {
        return queues.seen();
    }
}
