package dev.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crawler.sim.RequestLog;
import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimServer;
import dev.crawler.sim.SimWeb;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Crawls the simulated web with {@code --warc} and a small file size, then reads every record of
 * every WARC file back with jwarc: one response per index line with a status, its body equal to
 * what the server serves for that URL, its digests right, a request and (for pages with links) a
 * metadata record beside it.
 */
@ExtendWith(NoBlockingOnEventLoops.class)
class WarcCrawlIT {

    @TempDir
    Path tmp;

    @Test
    void everyRecordReadsBackAndMatchesTheIndexAndTheServedBodies() throws Exception {
        SimConfig config = SimConfig.defaults().withHosts(4).withPages(40).withLatency(Duration.ofMillis(1));
        try (SimServer sim = SimServer.start(config, RequestLog.inMemory())) {
            SimWeb web = sim.web();
            Path out = tmp.resolve("out");
            CrawlConfig crawl = DurableCrawlIT.configFor(web, out)
                    .warc(WarcSettings.on().withPrefix("test").withMaxFileBytes(64 * 1024)).build();
            try (Crawler crawler = Crawler.create(crawl)) {
                assertThat(crawler.run().reason()).isEqualTo(CrawlSummary.StopReason.COMPLETED);
            }
            Map<String, JsonNode> fetched = new HashMap<>();
            for (JsonNode n : DurableCrawlIT.readIndex(out)) {
                if (n.hasNonNull("status")) {
                    fetched.put(n.get("url").asText(), n);
                }
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(out.resolve(Crawler.WARC_DIR))) {
                files = s.sorted().toList();
            }
            assertThat(files).as("rotated at 64 KiB").hasSizeGreaterThan(2)
                    .allSatisfy(f -> assertThat(f.getFileName().toString())
                            .matches("test-\\d{17}-\\d{5}-[A-Za-z0-9._]+\\.warc\\.gz"));
            Map<String, URI> responseIds = new HashMap<>();
            Map<URI, String> requestsFor = new HashMap<>();
            int metadata = 0;
            for (Path file : files) {
                try (WarcReader reader = new WarcReader(file)) {
                    reader.calculateBlockDigest();
                    for (WarcRecord record : reader) {
                        switch (record) {
                            case WarcResponse r -> {
                                checkResponse(r, fetched.get(r.target()), web);
                                assertThat(responseIds.put(r.target(), r.id())).as("one response per URL").isNull();
                            }
                            case WarcRequest r -> requestsFor.put(r.concurrentTo().getFirst(), r.target());
                            case WarcMetadata m -> {
                                assertThat(m.fields().all("outlink")).isNotEmpty()
                                        .allSatisfy(link -> assertThat(URI.create(link).isAbsolute()).isTrue());
                                metadata++;
                            }
                            default -> assertThat(record.type()).isEqualTo("warcinfo");
                        }
                        assertThat(record.calculatedBlockDigest()).isEqualTo(record.blockDigest()).isPresent();
                    }
                }
            }
            assertThat(responseIds.keySet()).containsExactlyInAnyOrderElementsOf(fetched.keySet());
            responseIds.forEach((url, id) -> assertThat(requestsFor.get(id)).as("request of %s", url).isEqualTo(url));
            assertThat(metadata).isPositive();
        }
    }

    private static void checkResponse(WarcResponse r, JsonNode line, SimWeb web) throws Exception {
        assertThat(line).as("index line of %s", r.target()).isNotNull();
        byte[] payload = r.http().body().stream().readAllBytes();
        assertThat(r.http().status()).isEqualTo(line.get("status").asInt());
        if (line.hasNonNull("sha256")) { // redirects have none
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload)))
                    .isEqualTo(line.get("sha256").asText());
        }
        assertThat((long) payload.length).isEqualTo(line.get("length").asLong());
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(payload);
        assertThat(r.payloadDigest()).contains(new WarcDigest(sha1));
        URI uri = URI.create(r.target());
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        assertThat(payload).as("served body of %s", uri).isEqualTo(web.respond(uri.getHost(), pathAndQuery).body());
    }
}
