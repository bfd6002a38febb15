package dev.crawler.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends {@link IndexEntry} lines to {@code index.jsonl}: one JSON object per line, UTF-8,
 * fields in this order: {@code url, final_url, status, content_type, length, sha256,
 * fetch_start} (ISO-8601 UTC, such as {@code 2025-01-31T12:00:00.123Z}), {@code duration_ms,
 * depth, referrer, file, error}. Every field is always present; absent values are written as
 * {@code null}, so every line has the same shape.
 *
 * <p>Each line is serialized completely first and then written with a single write call to an
 * unbuffered append-mode file and flushed, under a lock: lines from concurrent threads never
 * interleave, and a crash can cut off at most the last line, never one in the middle.
 * Thread-safe.
 */
public final class IndexWriter implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutputStream out;
    private boolean closed;

    /**
     * Opens {@code file} for appending, creating it if missing.
     *
     * @throws IOException if it cannot be opened
     */
    public IndexWriter(Path file) throws IOException {
        this.out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    /**
     * Appends one line.
     *
     * @throws IOException if the line cannot be written
     * @throws IllegalStateException if the writer is closed
     */
    public void write(IndexEntry entry) throws IOException {
        byte[] line = line(entry);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("index writer is closed");
            }
            out.write(line);
            out.flush();
        }
    }

    /** Flushes and closes the file; later calls do nothing. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            out.flush();
            out.close();
        }
    }

    /** The complete line for {@code e}, newline included. */
    static byte[] line(IndexEntry e) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("url", e.url());
        node.put("final_url", e.finalUrl());
        node.put("status", e.status());
        node.put("content_type", e.contentType());
        node.put("length", e.length());
        node.put("sha256", e.sha256());
        node.put("fetch_start", e.fetchStart().toString());
        node.put("duration_ms", e.durationMs());
        node.put("depth", e.depth());
        node.put("referrer", e.referrer());
        node.put("file", e.file());
        node.put("error", e.error());
        byte[] json = JSON.writeValueAsBytes(node);
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        return line;
    }
}
