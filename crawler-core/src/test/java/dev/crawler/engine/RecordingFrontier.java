package dev.crawler.engine;

import dev.crawler.frontier.CrawlRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The in-memory frontier, with what the commit protocol tells it written down: each outcome
 * finished or recorded (with its index line), and each URL whose line was published. Durability
 * comes when the test says: by default at once, or, after {@link #holdDurability}, when the test
 * completes the futures in {@link #durable}.
 */
final class RecordingFrontier extends QueuesInMemory {

    /** An outcome handed to the frontier: its URL and its index line (null for none). */
    record Kept(String url, String line) {
    }

    /** Outcomes of URLs that were queued ({@link #finish}), in order. */
    final List<Kept> finished = new ArrayList<>();
    /** Outcomes of URLs never queued ({@link #record}), in order. */
    final List<Kept> recorded = new ArrayList<>();
    /** URLs whose record was published, in order. */
    final List<String> published = new ArrayList<>();
    /** The durability promised for each finish or record, in order, while held. */
    final List<CompletableFuture<Void>> durable = new ArrayList<>();
    private boolean held;

    /** From now on, outcomes become durable only when the test completes their future. */
    void holdDurability() {
        held = true;
    }

    @Override
    public CompletableFuture<Void> finish(CrawlRequest request, byte[] record) {
        finished.add(new Kept(request.url(), text(record)));
        return promise();
    }

    @Override
    public CompletableFuture<Void> record(String normalizedUrl, byte[] record) {
        recorded.add(new Kept(normalizedUrl, text(record)));
        return promise();
    }

    @Override
    public void published(String normalizedUrl) {
        published.add(normalizedUrl);
    }

    private CompletableFuture<Void> promise() {
        if (!held) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> promise = new CompletableFuture<>();
        durable.add(promise);
        return promise;
    }

    private static String text(byte[] line) {
        return line == null ? null : new String(line, StandardCharsets.UTF_8);
    }
}
