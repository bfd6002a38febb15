package dev.crawler.cli.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.crawler.CrawlStats;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A crawl's counts as JSON, for programs that watch it ({@code --stats-file}) or read how it
 * ended ({@code --summary-json}), and how such a file is written: whole, in one rename, so that
 * a reader never sees half of one.
 */
public final class StatusJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatusJson() {
    }

    /** The counts of {@code s}, by name, in a stable order. */
    public static Map<String, Object> counts(CrawlStats.Snapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("elapsedSeconds", s.elapsedNanos() / 1e9);
        m.put("pages", s.pages());
        m.put("bytes", s.bytes());
        m.put("errors", s.errors());
        m.put("httpErrors", s.httpErrors());
        m.put("redirects", s.redirects());
        m.put("robotsDenied", s.robotsDenied());
        m.put("retries", s.retries());
        m.put("queued", s.queued());
        m.put("inFlight", s.inFlight());
        m.put("seen", s.seen());
        m.put("hostsGivenUp", s.hostsGivenUp());
        m.put("hostsActive", s.hostsActive());
        m.put("hostsBackingOff", s.hostsBackingOff());
        m.put("outOfScope", s.outOfScope());
        m.put("filtered", s.filtered());
        m.put("tooDeep", s.tooDeep());
        m.put("traps", s.traps());
        m.put("linksDropped", s.linksDropped());
        m.put("stalls", s.stalls());
        return m;
    }

    /** Writes {@code value} as JSON to {@code file}: into a file beside it, then renamed over it. */
    public static void write(Path file, Object value) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), value);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
