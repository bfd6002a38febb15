package dev.crawler.cluster;

import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.HostNote;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Makes a node's sends on a thread of their own, in the order they were asked for: a Kafka
 * producer's {@code send} waits while its buffer is full (up to {@code max.block.ms}), and the
 * crawl engine's event loop, which asks for them, must never wait. One thread keeps the order that
 * the commit protocol relies on (a page's links before its outcome, a partition's last outcomes
 * before its handover marker); the producer keeps it on the wire.
 */
final class SendThread implements ClusterFrontier.Sender, AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("kafka-send").factory());
    private final Supplier<ClusterFrontier.Sender> target;

    /** @param target the sender that sends (looked up at each send: it may be set after this is made) */
    SendThread(Supplier<ClusterFrontier.Sender> target) {
        this.target = target;
    }

    @Override
    public CompletableFuture<Void> offer(CrawlRequest request) {
        return relay(() -> target.get().offer(request));
    }

    @Override
    public CompletableFuture<Void> finish(QueuedRequest done) {
        return relay(() -> target.get().finish(done));
    }

    @Override
    public CompletableFuture<Void> note(HostNote note) {
        return relay(() -> target.get().note(note));
    }

    @Override
    public CompletableFuture<Void> handover(int partition) {
        return relay(() -> target.get().handover(partition));
    }

    private CompletableFuture<Void> relay(Supplier<CompletableFuture<Void>> send) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    send.get().whenComplete((v, e) -> {
                        if (e != null) {
                            acked.completeExceptionally(e);
                        } else {
                            acked.complete(null);
                        }
                    });
                } catch (RuntimeException e) {
                    acked.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /** Sends what was asked for before, then stops. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
