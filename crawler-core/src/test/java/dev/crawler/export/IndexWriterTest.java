package dev.crawler.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2025-01-31T12:00:00.123Z");

    @TempDir
    Path tmp;

    @Test
    void writesEveryFieldInOrderWithNulls() throws IOException {
        Path file = tmp.resolve("index.jsonl");
        try (IndexWriter index = new IndexWriter(file)) {
            index.write(IndexEntry.fetched("http://a.sim/", "http://a.sim/", 200, "text/html; charset=utf-8",
                    "hello".getBytes(StandardCharsets.UTF_8), START, 42, 0, null, "a.sim/index.html"));
            index.write(IndexEntry.failed("http://b.sim/x", START, 5000, 2, "http://a.sim/", "connect_timeout: after 5 s"));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("{\"url\":\"http://a.sim/\",\"final_url\":\"http://a.sim/\",\"status\":200,"
                + "\"content_type\":\"text/html; charset=utf-8\",\"length\":5,"
                + "\"sha256\":\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\","
                + "\"fetch_start\":\"2025-01-31T12:00:00.123Z\",\"duration_ms\":42,\"depth\":0,\"referrer\":null,"
                + "\"file\":\"a.sim/index.html\",\"error\":null}");
        JsonNode failed = JSON.readTree(lines.get(1));
        assertThat(failed.get("status").isNull()).isTrue();
        assertThat(failed.get("file").isNull()).isTrue();
        assertThat(failed.get("error").asText()).isEqualTo("connect_timeout: after 5 s");
        assertThat(failed.get("referrer").asText()).isEqualTo("http://a.sim/");
        assertThat(failed.get("depth").asInt()).isEqualTo(2);
    }

    @Test
    void escapesHostileStrings() throws IOException {
        Path file = tmp.resolve("index.jsonl");
        String nasty = "line\nbreak \"quote\" \\ \u0000 \u2028 caf\u00e9 \uD83D\uDE00";
        try (IndexWriter index = new IndexWriter(file)) {
            index.write(new IndexEntry("http://a.sim/", null, 500, nasty, 0L, null, START, 0, 0, null, null, nasty));
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        assertThat(JSON.readTree(lines.get(0)).get("error").asText()).isEqualTo(nasty);
    }

    @Test
    void appendsToAnExistingFile() throws IOException {
        Path file = tmp.resolve("index.jsonl");
        try (IndexWriter index = new IndexWriter(file)) {
            index.write(IndexEntry.failed("http://a.sim/1", START, 0, 0, null, "x: y"));
        }
        try (IndexWriter index = new IndexWriter(file)) {
            index.write(IndexEntry.failed("http://a.sim/2", START, 0, 0, null, "x: y"));
        }
        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void linesFromManyThreadsNeverInterleave() throws Exception {
        Path file = tmp.resolve("index.jsonl");
        int threads = 8;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try (IndexWriter index = new IndexWriter(file)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        String url = "http://t" + thread + ".sim/" + i + "/" + "x".repeat(i % 300);
                        index.write(IndexEntry.fetched(url, url, 200, "text/html", new byte[i], START, i, i % 5, null, null));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(threads * perThread);
        Set<String> urls = new HashSet<>();
        for (String line : lines) {
            JsonNode node = JSON.readTree(line);
            assertThat(node.size()).isEqualTo(12);
            urls.add(node.get("url").asText());
        }
        assertThat(urls).hasSize(threads * perThread);
    }

    @Test
    void closeIsIdempotentAndLaterWritesFail() throws IOException {
        IndexWriter index = new IndexWriter(tmp.resolve("index.jsonl"));
        index.close();
        index.close();
        assertThatThrownBy(() -> index.write(IndexEntry.failed("http://a.sim/", START, 0, 0, null, "x: y")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void entryValidatesItsValues() {
        assertThatThrownBy(() -> new IndexEntry(null, null, null, null, null, null, START, 0, 0, null, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> IndexEntry.failed("http://a.sim/", START, -1, 0, null, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(IndexEntry.fetched("u", "u", 200, null, new byte[3], START, 0, 0, null, null).sha256())
                .isEqualTo(Sha256.hex(new byte[3])).hasSize(64);
    }
}
