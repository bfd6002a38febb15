package dev.crawler.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.WarcSettings;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.ResponseHeaders;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;

class WarcExporterTest {

    private static final FetchSettings FETCH = FetchSettings.defaults("test-bot/1.0");

    @TempDir
    Path dir;

    private static FetchResult.Response response(String url, int status, String body, String... headers) {
        List<Map.Entry<String, String>> h = new ArrayList<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.add(Map.entry(headers[i], headers[i + 1]));
        }
        return new FetchResult.Response(URI.create(url), status, new ResponseHeaders(h),
                body.getBytes(StandardCharsets.UTF_8), false, Instant.parse("2025-01-31T12:00:00Z"), Duration.ofMillis(7),
                true);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static List<WarcRecord> read(Path file) throws IOException {
        List<WarcRecord> out = new ArrayList<>();
        try (WarcReader reader = new WarcReader(file)) {
            reader.calculateBlockDigest();
            for (WarcRecord r : reader) {
                if (r instanceof WarcResponse resp) {
                    byte[] payload = resp.http().body().stream().readAllBytes();
                    assertThat(resp.payloadDigest()).contains(WarcExporter.sha1(payload, 0, payload.length));
                } else if (r instanceof WarcRequest req) {
                    req.http();
                } else if (r instanceof WarcMetadata m) {
                    m.fields();
                }
                assertThat(r.calculatedBlockDigest()).as("block digest of %s", r.type()).isEqualTo(r.blockDigest());
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void writesResponseRequestAndMetadataRecordsThatReadBack() throws IOException {
        try (WarcExporter warc = new WarcExporter(dir, WarcSettings.on(), FETCH, "test/1")) {
            warc.write("http://a.sim/", response("http://a.sim/", 200, "<a href=x>x</a>", "Content-Type", "text/html",
                    "Content-Encoding", "gzip", "Transfer-Encoding", "chunked"), List.of("http://a.sim/x"));
            warc.write("http://a.sim/old", response("http://a.sim/old", 301, "", "Location", "/new"),
                    List.of("http://a.sim/new"));
            assertThat(files()).singleElement().satisfies(f -> assertThat(f.toString()).endsWith(".warc.gz.open"));
        }
        Path file = files().getFirst();
        assertThat(file.getFileName().toString()).matches("crawl-\\d{17}-00000-[A-Za-z0-9._]+\\.warc\\.gz");
        List<WarcRecord> records = read(file);
        assertThat(records).extracting(WarcRecord::type)
                .containsExactly("warcinfo", "response", "request", "metadata", "response", "request", "metadata");
        WarcResponse first = (WarcResponse) records.get(1);
        assertThat(first.target()).isEqualTo("http://a.sim/");
        assertThat(first.http().status()).isEqualTo(200);
        assertThat(first.http().headers().first("Content-Encoding")).isEmpty();
        assertThat(first.http().headers().first("X-Crawler-Original-Content-Encoding")).contains("gzip");
        assertThat(first.http().headers().first("Content-Length")).contains("15");
        byte[] body = "<a href=x>x</a>".getBytes(StandardCharsets.UTF_8);
        assertThat(first.payloadDigest()).contains(WarcExporter.sha1(body, 0, body.length));
        WarcRequest request = (WarcRequest) records.get(2);
        assertThat(request.http().method()).isEqualTo("GET");
        assertThat(request.http().headers().first("User-Agent")).contains("test-bot/1.0");
        assertThat(request.concurrentTo()).contains(first.id());
        WarcMetadata meta = (WarcMetadata) records.get(3);
        assertThat(meta.fields().all("outlink")).containsExactly("http://a.sim/x");
        assertThat(((WarcResponse) records.get(4)).http().status()).isEqualTo(301);
    }

    /** A request to an origin no longer trusted with reuse asked for Connection: close; its record says so. */
    @Test
    void theRequestRecordSaysWhatConnectionHeaderWasSent() throws IOException {
        FetchResult.Response kept = response("http://a.sim/kept", 200, "k");
        FetchResult.Response closed = new FetchResult.Response(URI.create("http://a.sim/closed"), 200, kept.headers(),
                kept.body(), false, kept.started(), kept.elapsed(), false);
        try (WarcExporter warc = new WarcExporter(dir, WarcSettings.on(), FETCH, "test/1")) {
            warc.write("http://a.sim/kept", kept, List.of());
            warc.write("http://a.sim/closed", closed, List.of());
        }
        List<String> sent = new ArrayList<>();
        for (WarcRecord r : read(files().getFirst())) {
            if (r instanceof WarcRequest req) {
                sent.add(req.target() + " " + req.http().headers().first("Connection").orElse("-"));
            }
        }
        assertThat(sent).containsExactly("http://a.sim/kept keep-alive", "http://a.sim/closed close");
    }

    @Test
    void rotatesAtTheSizeLimitAndNumbersFilesOn() throws IOException {
        StringBuilder random = new StringBuilder();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        for (int i = 0; i < 3000; i++) {
            random.append((char) ('a' + rnd.nextInt(26)));
        }
        String body = random.toString();
        try (WarcExporter warc = new WarcExporter(dir, WarcSettings.on().withMaxFileBytes(4096), FETCH, "t")) {
            for (int i = 0; i < 5; i++) {
                warc.write("http://a.sim/" + i, response("http://a.sim/" + i, 200, body + i), List.of());
            }
        }
        List<Path> files = files();
        assertThat(files).hasSizeGreaterThan(1);
        int responses = 0;
        for (int i = 0; i < files.size(); i++) {
            assertThat(WarcFileNames.serialOf(files.get(i))).hasValue(i);
            assertThat(files.get(i).toString()).endsWith(".warc.gz");
            responses += (int) read(files.get(i)).stream().filter(r -> r instanceof WarcResponse).count();
        }
        assertThat(responses).isEqualTo(5);
    }

    @Test
    void aFileLeftOpenByACrashIsCutBackToItsLastWholeRecord() throws IOException {
        try (WarcExporter warc = new WarcExporter(dir, WarcSettings.on(), FETCH, "t")) {
            for (int i = 0; i < 3; i++) {
                warc.write("http://a.sim/" + i, response("http://a.sim/" + i, 200, "page " + i), List.of());
            }
            Path open = files().getFirst();
            long size = Files.size(open);
            Path copy = dir.resolve("crawl-20250101000000000-00000-crash.warc.gz.open");
            Files.copy(open, copy);
            try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                ch.truncate(size - 40); // the last record's gzip member cut off
            }
        }
        Files.delete(dir.resolve(files().stream().filter(f -> !f.toString().contains("crash")).findFirst()
                .orElseThrow().getFileName()));
        try (WarcExporter again = new WarcExporter(dir, WarcSettings.on(), FETCH, "t")) {
            again.write("http://a.sim/9", response("http://a.sim/9", 200, "page 9"), List.of());
        }
        List<Path> files = files();
        assertThat(files).hasSize(2).allSatisfy(f -> assertThat(f.toString()).endsWith(".warc.gz"));
        List<WarcRecord> repaired = read(files.getFirst());
        assertThat(repaired).extracting(WarcRecord::type)
                .containsExactly("warcinfo", "response", "request", "response", "request", "response");
        assertThat(WarcFileNames.serialOf(files.get(1))).hasValue(1);
    }
}
