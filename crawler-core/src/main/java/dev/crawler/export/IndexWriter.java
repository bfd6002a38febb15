package dev.crawler.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends {@link IndexEntry} lines to {@code index.jsonl}: one JSON object per line, UTF-8,
 * fields in this order: {@code url, final_url, status, content_type, length, sha256,
 * fetch_start} (ISO-8601 UTC, such as {@code 2025-01-31T12:00:00.123Z}), {@code duration_ms,
 * depth, referrer, file, error}. Every field is always present; absent values are written as
 * {@code null}, so every line has the same shape.
 *
 * <p>Each line is serialized completely first and then written with a single write call at the
 * end of the file, under a lock: lines from concurrent threads never interleave, and a crash can
 * cut off at most the last line, never one in the middle ({@link IndexRecovery} trims such a
 * torn line when a crawl resumes). If a write fails (disk full), the writer cuts the file back
 * to the end of the last whole line and refuses further writes, so the file stays a sequence of
 * whole lines. Thread-safe.
 */
public final class IndexWriter implements IndexSink, AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final FileChannel out;
    private long end;
    private IOException broken;
    private boolean closed;

    /**
     * Opens {@code file} for appending, creating it if missing.
     *
     * @throws IOException if it cannot be opened
     */
    public IndexWriter(Path file) throws IOException {
        this.file = file;
        this.out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.end = out.size();
    }

    /**
     * Appends one line.
     *
     * @throws IOException if the line cannot be written
     * @throws IllegalStateException if the writer is closed
     */
    @Override
    public void write(IndexEntry entry) throws IOException {
        writeLine(line(entry));
    }

    /**
     * Appends one complete line as {@link #line} made it.
     *
     * @throws IOException if it cannot be written, or an earlier write failed
     * @throws IllegalStateException if the writer is closed
     */
    public synchronized void writeLine(byte[] line) throws IOException {
        if (closed) {
            throw new IllegalStateException("index writer is closed");
        }
        if (broken != null) {
            throw new IOException("index.jsonl is not writable after an earlier failure: " + broken.getMessage(), broken);
        }
        if (line.length == 0 || line[line.length - 1] != '\n') {
            throw new IllegalArgumentException("not a complete index line");
        }
        ByteBuffer buffer = ByteBuffer.wrap(line);
        long at = end;
        try {
            while (buffer.hasRemaining()) {
                at += out.write(buffer, at);
            }
            end = at;
        } catch (IOException e) {
            broken = e;
            cutBack();
            throw new IOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Closes the file; later calls do nothing. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }

    private void cutBack() {
        try {
            out.truncate(end);
        } catch (IOException ignored) {
            // IndexRecovery trims a torn last line when the crawl resumes
        }
    }

    /** The complete line for {@code e}, newline included. */
    public static byte[] line(IndexEntry e) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("url", e.url());
            g.writeStringField("final_url", e.finalUrl());
            writeNumberField(g, "status", e.status());
            g.writeStringField("content_type", e.contentType());
            writeNumberField(g, "length", e.length());
            g.writeStringField("sha256", e.sha256());
            g.writeStringField("fetch_start", e.fetchStart().toString());
            g.writeNumberField("duration_ms", e.durationMs());
            g.writeNumberField("depth", e.depth());
            g.writeStringField("referrer", e.referrer());
            g.writeStringField("file", e.file());
            g.writeStringField("error", e.error());
            g.writeEndObject();
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private static void writeNumberField(JsonGenerator g, String name, Number value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value.longValue());
        }
    }
}
