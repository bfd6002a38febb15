package dev.crawler.cli.progress;

import dev.crawler.CrawlStats;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --stats-file}: the crawl's status as JSON, rewritten whole every {@link #EVERY} while it
 * runs and once more when it ends, from a daemon thread of its own: {@code state} ({@code running}
 * or {@code ended}, with the {@code reason}), the time, the counts ({@link StatusJson#counts}), and
 * the pages and bytes a second since the last write. A write that fails is logged and tried again
 * at the next one; the crawl goes on.
 */
public final class StatusFile implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatusFile.class);

    /** How often the file is rewritten. */
    public static final Duration EVERY = Duration.ofSeconds(5);

    private final Path file;
    private final Supplier<CrawlStats.Snapshot> stats;
    private Repeating timer;
    private CrawlStats.Snapshot previous;
    private boolean warned;

    private StatusFile(Path file, Supplier<CrawlStats.Snapshot> stats) {
        this.file = file;
        this.stats = stats;
    }

    /** Starts writing {@code stats} to {@code file}: at once, then every {@link #EVERY}. */
    public static StatusFile start(Path file, Supplier<CrawlStats.Snapshot> stats) {
        StatusFile s = new StatusFile(file, stats);
        s.timer = Repeating.every("stats-file", Duration.ZERO, EVERY, () -> s.write("running", null));
        return s;
    }

    /** Writes the last status, {@code ended} for {@code reason}, and stops. */
    public void ended(String reason) {
        close();
        write("ended", reason);
    }

    private synchronized void write(String state, String reason) {
        CrawlStats.Snapshot now = stats.get();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("state", state);
        if (reason != null) {
            status.put("reason", reason);
        }
        status.put("updated", Instant.now().toString());
        status.putAll(StatusJson.counts(now));
        double seconds = previous == null ? now.elapsedNanos() / 1e9 : (now.elapsedNanos() - previous.elapsedNanos()) / 1e9;
        long pages = now.pages() - (previous == null ? 0 : previous.pages());
        long bytes = now.bytes() - (previous == null ? 0 : previous.bytes());
        status.put("pagesPerSecond", seconds > 0 ? Math.round(pages / seconds * 10) / 10.0 : 0.0);
        status.put("bytesPerSecond", seconds > 0 ? Math.round(bytes / seconds) : 0);
        previous = now;
        try {
            StatusJson.write(file, status);
            warned = false;
        } catch (IOException | RuntimeException e) {
            if (!warned) {
                log.warn("cannot write the stats file {}: {}; the crawl goes on, and the next write tries again", file,
                        e.toString());
                warned = true;
            }
        }
    }

    @Override
    public void close() {
        timer.close();
    }
}
