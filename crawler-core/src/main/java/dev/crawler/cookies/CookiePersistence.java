package dev.crawler.cookies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a crawl's cookie jar with its state: reads it back when the crawl resumes, adds the
 * cookies of a cookies.txt the user gave, saves it every {@link #EVERY} while it changes (on a
 * thread of its own) and once more on close. A crawl killed outright loses at most the cookies of
 * the last interval; one stopped with Ctrl-C loses none.
 */
public final class CookiePersistence implements AutoCloseable {

    /** How often a changed jar is saved. */
    public static final Duration EVERY = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(CookiePersistence.class);

    private final CookieJar jar;
    private final Path file;
    private final Clock clock;
    private final ScheduledExecutorService saver;
    private long saved;

    private CookiePersistence(CookieJar jar, Path file, Clock clock) {
        this.jar = jar;
        this.file = file;
        this.clock = clock;
        this.saved = jar.changes();
        this.saver = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("cookie-saver").daemon().factory());
        saver.scheduleWithFixedDelay(this::saveQuietly, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The jar kept in {@code file} (read back if it exists), with the cookies of {@code imported}
     * added; saved there from now on.
     *
     * @throws IllegalArgumentException naming the file and line when {@code imported} or the
     *     saved jar is not a valid cookies.txt
     * @throws UncheckedIOException when a file cannot be read
     */
    public static CookiePersistence open(Path file, Optional<Path> imported, Clock clock) {
        CookieJar jar = new CookieJar();
        try {
            if (Files.exists(file)) {
                jar = CookieJar.load(file, clock.instant());
            }
            if (imported.isPresent()) {
                jar.importNetscape(imported.get(), clock.instant());
            }
        } catch (CookieFileException e) {
            throw new IllegalArgumentException("cookies: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cookies: cannot read " + imported.orElse(file) + ": " + e.getMessage(), e);
        }
        CookiePersistence kept = new CookiePersistence(jar, file, clock);
        if (imported.isPresent()) {
            kept.saveQuietly();
        }
        return kept;
    }

    public CookieJar jar() {
        return jar;
    }

    private synchronized void saveQuietly() {
        long now = jar.changes();
        if (now == saved && Files.exists(file)) {
            return;
        }
        try {
            jar.save(file, clock.instant());
            saved = now;
        } catch (IOException | RuntimeException e) {
            LOG.warn("cookies: cannot save the jar to {}: {}", file, e.toString());
        }
    }

    /** Stops the periodic saving and saves the jar a last time. */
    @Override
    public void close() {
        saver.shutdownNow();
        saveQuietly();
    }
}
