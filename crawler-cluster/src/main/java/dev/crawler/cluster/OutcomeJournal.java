package dev.crawler.cluster;

import dev.crawler.frontier.FrontierStore;
import dev.crawler.frontier.JournalEntry;
import dev.crawler.frontier.StoreBatch;
import dev.crawler.url.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The index lines of pages whose outcome this node is sending, kept in the node's own store (the
 * crawl's state directory) from just before the outcome goes out until the line is in
 * {@code index.jsonl}. A node killed in between leaves them here; started again, it looks for
 * each one's outcome on the outcomes topic ({@link SentOutcomes}): an outcome that made it there
 * was applied, so no other node fetches the page again, and the line is this node's to write. The
 * store is written on a thread of the journal's own, never the engine's.
 */
final class OutcomeJournal implements ClusterFrontier.Journal, AutoCloseable {

    /** A page's index line, with what finds its outcome on the topic. */
    record Pending(String hostKey, long sequence, String url, long sentAtMillis, byte[] line) {

        private static final byte VERSION = 1;

        byte[] encode() {
            byte[] host = hostKey.getBytes(StandardCharsets.UTF_8);
            byte[] u = url.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(1 + 8 + 8 + 4 + host.length + 4 + u.length + line.length).put(VERSION)
                    .putLong(sequence).putLong(sentAtMillis).putInt(host.length).put(host).putInt(u.length).put(u)
                    .put(line).array();
        }

        /** @throws IllegalArgumentException if {@code bytes} are not a pending line of this version */
        static Pending decode(byte[] bytes) {
            try {
                ByteBuffer in = ByteBuffer.wrap(bytes);
                if (in.get() != VERSION) {
                    throw new IllegalArgumentException("not a pending index line of this version");
                }
                long sequence = in.getLong();
                long sentAt = in.getLong();
                String host = string(in);
                String url = string(in);
                byte[] line = new byte[in.remaining()];
                in.get(line);
                return new Pending(host, sequence, url, sentAt, line);
            } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
                throw new IllegalArgumentException("a truncated pending index line", e);
            }
        }

        private static String string(ByteBuffer in) {
            byte[] b = new byte[in.getInt()];
            in.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        /** This page's index line as the crawl engine republishes it. */
        JournalEntry entry() {
            return new JournalEntry(fingerprint(url), line);
        }
    }

    private static final Fingerprint FINGERPRINTS = Fingerprint.sha256();

    private final FrontierStore store;
    private List<JournalEntry> recovered = List.of();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("outcome-journal").factory());

    OutcomeJournal(FrontierStore store) {
        this.store = store;
    }

    static long fingerprint(String url) {
        return FINGERPRINTS.of(url);
    }

    /** What an earlier run of this node left (read at start, before anything is kept). */
    List<Pending> left() throws IOException {
        List<Pending> out = new ArrayList<>();
        for (JournalEntry e : store.journal()) {
            try {
                out.add(Pending.decode(e.record()));
            } catch (IllegalArgumentException ignored) {
                // not this format: dropped below with the rest
            }
        }
        return out;
    }

    /** The lines an earlier run left whose outcome reached the topic: this run writes them. */
    void recovered(List<Pending> sent) {
        this.recovered = sent.stream().map(Pending::entry).toList();
    }

    @Override
    public List<JournalEntry> recovered() {
        return recovered;
    }

    /** Keeps {@code pending}; the future completes once it is in the store. */
    @Override
    public CompletableFuture<Void> keep(Pending pending) {
        return CompletableFuture.runAsync(() -> write(List.of(new JournalEntry(fingerprint(pending.url()), pending.encode())),
                List.of()), thread);
    }

    /** Drops the entry of {@code fingerprint} (its line is in the index, or is not this node's to write). */
    @Override
    public CompletableFuture<Void> drop(long fingerprint) {
        return CompletableFuture.runAsync(() -> write(List.of(), List.of(fingerprint)), thread);
    }

    /** Completes once everything asked for before is in the store. */
    @Override
    public CompletableFuture<Void> flushed() {
        return CompletableFuture.runAsync(() -> { }, thread);
    }

    private void write(List<JournalEntry> added, List<Long> dropped) {
        try {
            store.write(StoreBatch.journalChanges(added, dropped));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
