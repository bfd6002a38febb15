package dev.crawler.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes the request log to a file, one tab-separated line per request ({@link RequestRecord#toTsv()},
 * after a {@code #}-header line). Recording only enqueues (it never blocks an event loop); a daemon
 * thread writes. {@link #close()} writes what is left and closes the file.
 */
public final class RequestFileSink implements RequestSink, AutoCloseable {

    private final Path file;
    private final BufferedWriter out;
    private final ConcurrentLinkedQueue<RequestRecord> pending = new ConcurrentLinkedQueue<>();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;
    private volatile IOException failure;

    private RequestFileSink(Path file) throws IOException {
        this.file = file;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write(RequestRecord.tsvHeader());
        out.newLine();
        this.writer = Thread.ofPlatform().daemon().name("sim-request-log").unstarted(this::run);
        writer.start();
    }

    /** Creates (or truncates) {@code file} and starts writing to it. */
    public static RequestFileSink open(Path file) throws IOException {
        return new RequestFileSink(file);
    }

    public Path file() {
        return file;
    }

    /** Records written to the file so far. */
    public long written() {
        return written.get();
    }

    @Override
    public void record(RequestRecord r) {
        if (!closed) {
            pending.add(r);
        }
    }

    private void run() {
        while (!closed) {
            if (!drain()) {
                LockSupport.parkNanos(5_000_000L);
            }
        }
    }

    /** Writes what is queued; returns whether there was anything. */
    private boolean drain() {
        boolean any = false;
        try {
            for (RequestRecord r; (r = pending.poll()) != null; ) {
                out.write(r.toTsv());
                out.newLine();
                written.incrementAndGet();
                any = true;
            }
            if (any) {
                out.flush();
            }
        } catch (IOException e) {
            failure = e;
            closed = true;
        }
        return any;
    }

    /** Writes every record recorded so far, then closes the file. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (failure == null) {
                drain();
            }
            out.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new UncheckedIOException("could not write request log " + file, failure);
        }
    }
}
