package dev.crawler.export;

import dev.crawler.CrawlOutcome;
import dev.crawler.PageSink;
import dev.crawler.WarcSettings;

import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.SentRequests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every response a crawl receives into WARC files (ISO 28500) with jwarc: for each one a
 * {@code response} record (the HTTP status line, headers and body), the {@code request} record of
 * the GET that was sent, and for pages with links a {@code metadata} record listing them
 * ({@code outlink: URL}), each record its own gzip member, each with {@code WARC-Block-Digest}
 * and (responses) {@code WARC-Payload-Digest}, SHA-1 in base 32 as WARC tools expect. Each file
 * starts with a {@code warcinfo} record.
 *
 * <p>The body recorded is the body as decoded (gzip, deflate or br removed), so the recorded
 * headers say so: {@code Content-Encoding} and {@code Transfer-Encoding} are left out (and kept
 * as {@code X-Crawler-Original-Content-Encoding} and {@code X-Crawler-Original-Transfer-Encoding}),
 * and {@code Content-Length} is the decoded length. A body cut at the size limit is marked
 * {@code WARC-Truncated: length}.
 *
 * <p>Files are named by the usual convention ({@link WarcFileNames}) and written as
 * {@code NAME.warc.gz.open} until closed (at the size limit, or when the crawl ends), then
 * renamed. A crash leaves an {@code .open} file whose last record may be cut off; opening the
 * exporter again (the next run of the crawl) cuts it back to its last whole record and closes it,
 * and numbering goes on after the highest serial found. Thread-safe: the records of one response
 * are written together under a lock.
 */
public final class WarcExporter implements PageSink {

    private static final Logger log = LoggerFactory.getLogger(WarcExporter.class);
    private static final Set<String> DECODED_AWAY = Set.of("content-encoding", "transfer-encoding");

    private final Path dir;
    private final WarcSettings settings;
    private final FetchSettings fetch;
    private final String software;
    private final String host = WarcFileNames.localHost();
    private int nextSerial;
    private WarcWriter writer;
    private Path openFile;
    private Path finalFile;
    private boolean closed;
    private IOException broken;

    /**
     * Prepares {@code dir} (created if missing), repairing and closing any file an earlier run
     * left open. Files are created when the first record is written.
     *
     * @param software what the warcinfo record names as the software, such as {@code dev-crawler/0.1}
     * @throws IOException if the directory cannot be created or a left-open file repaired
     */
    public WarcExporter(Path dir, WarcSettings settings, FetchSettings fetch, String software) throws IOException {
        this.dir = dir;
        this.settings = settings;
        this.fetch = fetch;
        this.software = software;
        Files.createDirectories(dir);
        this.nextSerial = recover(dir) + 1;
    }

    /** The directory the files go to. */
    public Path dir() {
        return dir;
    }

    /**
     * Records one response: its response, request and (when {@code outlinks} is not empty)
     * metadata records.
     *
     * @param url the URL requested (normalized)
     * @param outlinks the links found in the page, in order, or a redirect's target
     * @throws OutputException if the records cannot be written (the crawl should stop)
     */
    public void write(String url, FetchResult.Response response, List<String> outlinks) {
        byte[] http = httpResponse(response);
        URI uri = URI.create(url);
        try {
            WarcResponse.Builder rb = new WarcResponse.Builder(uri)
                    .date(response.started())
                    .body(MediaType.HTTP_RESPONSE, http)
                    .blockDigest(sha1(http, 0, http.length))
                    .payloadDigest(sha1(response.body(), 0, response.body().length));
            if (response.truncated()) {
                rb.truncated(WarcTruncationReason.LENGTH);
            }
            WarcResponse warcResponse = rb.build();
            byte[] head = SentRequests.head(uri, fetch, response.keepAliveAsked()).orElseGet(() -> fallbackHead(uri));
            WarcRequest request = new WarcRequest.Builder(uri)
                    .date(response.started())
                    .body(MediaType.HTTP_REQUEST, head)
                    .blockDigest(sha1(head, 0, head.length))
                    .concurrentTo(warcResponse.id())
                    .build();
            WarcMetadata metadata = outlinks.isEmpty() ? null : metadata(uri, response, warcResponse.id(), outlinks);
            synchronized (this) {
                WarcWriter w = writer();
                w.write(warcResponse);
                w.write(request);
                if (metadata != null) {
                    w.write(metadata);
                }
                if (w.position() >= settings.maxFileBytes()) {
                    finishFile();
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                broken = broken == null ? e : broken;
            }
            throw new OutputException("cannot write WARC records to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes the request and response records of an outcome that has a response; others have no record. */
    @Override
    public void accept(CrawlOutcome outcome) {
        outcome.response().ifPresent(r -> write(outcome.url(), r, outcome.links()));
    }

    /** Finishes the current file (renamed to its final name); later writes fail. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (writer != null && broken == null) {
            finishFile();
        } else if (writer != null) {
            writer.close(); // left .open: the next run cuts off what the failure left
        }
    }

    private WarcWriter writer() throws IOException {
        if (closed) {
            throw new IllegalStateException("WARC exporter is closed");
        }
        if (broken != null) {
            throw new IOException("not writable after an earlier failure: " + broken.getMessage(), broken);
        }
        if (writer == null) {
            startFile();
        }
        return writer;
    }

    private void startFile() throws IOException {
        String name = WarcFileNames.name(settings.prefix(), Instant.now(), nextSerial++, host);
        finalFile = dir.resolve(name);
        openFile = dir.resolve(name + WarcFileNames.OPEN_SUFFIX);
        FileChannel ch = FileChannel.open(openFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        writer = new WarcWriter(ch, WarcCompression.GZIP);
        writer.write(warcinfo(name));
    }

    private void finishFile() throws IOException {
        writer.close();
        writer = null;
        try {
            Files.move(openFile, finalFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(openFile, finalFile);
        }
        log.info("WARC file done: {}", finalFile);
    }

    private Warcinfo warcinfo(String name) throws IOException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("software", List.of(software));
        fields.put("format", List.of("WARC File Format 1.0"));
        fields.put("conformsTo", List.of("http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/"));
        fields.put("http-header-user-agent", List.of(fetch.userAgent()));
        fields.put("description", List.of("response bodies are recorded decoded; Content-Encoding and"
                + " Transfer-Encoding are kept as X-Crawler-Original-* headers"));
        Warcinfo info = new Warcinfo.Builder().filename(name).fields(fields).build();
        byte[] block = info.body().stream().readAllBytes();
        return new Warcinfo.Builder().filename(name).fields(fields).blockDigest(sha1(block, 0, block.length)).build();
    }

    private static WarcMetadata metadata(URI uri, FetchResult.Response response, URI concurrentTo, List<String> outlinks)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("fetchTimeMs: ").append(response.elapsed().toMillis()).append("\r\n");
        for (String link : outlinks) {
            sb.append("outlink: ").append(link.replaceAll("[\\r\\n]", "")).append("\r\n");
        }
        byte[] block = sb.toString().getBytes(StandardCharsets.UTF_8);
        return new WarcMetadata.Builder()
                .targetURI(uri)
                .date(response.started())
                .concurrentTo(concurrentTo)
                .body(MediaType.WARC_FIELDS, block)
                .blockDigest(sha1(block, 0, block.length))
                .build();
    }

    /** The response as the WARC records it: status line, headers (adjusted to the decoded body), body. */
    static byte[] httpResponse(FetchResult.Response r) {
        StringBuilder head = new StringBuilder(512);
        head.append("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status())).append("\r\n");
        for (Map.Entry<String, String> h : r.headers().entries()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            String value = h.getValue().replaceAll("[\\r\\n]", " ");
            if (DECODED_AWAY.contains(name)) {
                head.append("X-Crawler-Original-").append(h.getKey()).append(": ").append(value).append("\r\n");
            } else if (!name.equals("content-length")) {
                head.append(h.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        head.append("Content-Length: ").append(r.body().length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + r.body().length);
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(r.body());
        return out.toByteArray();
    }

    private static String reason(int status) {
        String phrase = HttpResponseStatus.valueOf(status).reasonPhrase();
        return phrase == null || phrase.isEmpty() ? "Unknown" : phrase;
    }

    private static byte[] fallbackHead(URI uri) {
        String target = Optional.ofNullable(uri.getRawPath()).filter(p -> !p.isEmpty()).orElse("/")
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return ("GET " + target + " HTTP/1.1\r\nHost: " + uri.getRawAuthority() + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    static WarcDigest sha1(byte[] bytes, int offset, int length) {
        MessageDigest md = Digest.SHA_1.forLength(length);
        md.update(bytes, offset, length);
        return new WarcDigest(md);
    }

    /** Cuts back and closes files an earlier run left open; returns the highest serial found (-1: none). */
    private static int recover(Path dir) throws IOException {
        int highest = -1;
        List<Path> open = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                highest = Math.max(highest, WarcFileNames.serialOf(f).orElse(-1));
                if (f.getFileName().toString().endsWith(WarcFileNames.SUFFIX + WarcFileNames.OPEN_SUFFIX)) {
                    open.add(f);
                }
            }
        }
        for (Path f : open) {
            repair(f);
        }
        return highest;
    }

    private static void repair(Path open) throws IOException {
        long cut;
        try (FileChannel ch = FileChannel.open(open, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long keep = GzipMembers.endOfCompleteMembers(ch);
            cut = size - keep;
            if (cut > 0) {
                ch.truncate(keep);
            }
        }
        String name = open.getFileName().toString();
        if (cut > 0 && Files.size(open) == 0) {
            Files.delete(open);
            log.info("empty WARC file left open by an earlier run removed: {}", open);
            return;
        }
        Path done = open.resolveSibling(name.substring(0, name.length() - WarcFileNames.OPEN_SUFFIX.length()));
        Files.move(open, done, StandardCopyOption.ATOMIC_MOVE);
        log.info("WARC file left open by an earlier run closed: {} ({} bytes of a cut-off record dropped)", done, cut);
    }
}
