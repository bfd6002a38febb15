package dev.crawler.engine;

import dev.crawler.export.IndexEntry;
import dev.crawler.export.IndexSink;
import dev.crawler.export.IndexWriter;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds each URL's index line from the moment the page processor writes it until the frontier
 * has made the outcome durable; only then is the line appended to {@code index.jsonl}. So a line
 * is in the index only once every URL its page led to is safely queued, and a crash between the
 * two is repaired on resume from the frontier's journal. With no index
 * ({@link dev.crawler.CrawlConfig#index()} off) it holds and writes nothing. Thread-safe.
 */
final class PendingIndex implements IndexSink {

    private final IndexWriter index;
    private final ConcurrentHashMap<String, byte[]> lines = new ConcurrentHashMap<>();

    /** @param index the index lines are appended to, or null for a crawl that keeps none */
    PendingIndex(IndexWriter index) {
        this.index = index;
    }

    /** Whether the crawl keeps an index. */
    boolean enabled() {
        return index != null;
    }

    /** Serializes {@code entry} and keeps it until {@link #take}. */
    @Override
    public void write(IndexEntry entry) throws IOException {
        if (index != null) {
            lines.put(entry.url(), IndexWriter.line(entry));
        }
    }

    /** The line written for {@code url}, removed from here. */
    Optional<byte[]> take(String url) {
        return Optional.ofNullable(lines.remove(url));
    }

    /** Appends a line to the index. Blocking file I/O: call it on a worker, never an event loop. */
    void publish(byte[] line) throws IOException {
        if (index != null) {
            index.writeLine(line);
        }
    }
}
