package dev.crawler.frontier;

import dev.crawler.io.MoveIntoPlace;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads RocksDB's native library from a copy kept in the user's cache directory, made the first
 * time and reused by every later run. RocksDB's own loader copies the library (15 MB) out of its
 * jar into a new temporary file at every start: about 0.2 s of CPU before the first request, and
 * a file left in the temporary directory by every run that ends with kill -9.
 *
 * <p>The copy is named after the library's size and the CRC-32 its jar records for it, so a
 * different build gets a copy of its own; it is written to a temporary name and moved into place,
 * so a copy found under its name is whole. Whatever goes wrong (no cache directory, not
 * writable, a library that does not load from there), RocksDB's own loader is used instead.
 */
final class RocksLibrary {

    private static final Logger log = LoggerFactory.getLogger(RocksLibrary.class);

    /** Overrides where the copy is kept (its parent directory); for tests and unusual homes. */
    static final String CACHE_PROPERTY = "crawler.native.cache";

    private RocksLibrary() {
    }

    /** Loads the library, once per process (RocksDB ignores later calls). */
    static synchronized void load() {
        Optional<Path> dir = cacheRoot().flatMap(RocksLibrary::cachedCopy);
        if (dir.isPresent()) {
            try {
                RocksDB.loadLibrary(List.of(dir.get().toString()));
                return;
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                log.debug("cannot load RocksDB from {}: {}; extracting it as RocksDB does", dir.get(), e.toString());
            }
        }
        RocksDB.loadLibrary();
    }

    /** {@code $XDG_CACHE_HOME/crawler/native}, else {@code ~/.cache/crawler/native}, unless overridden. */
    static Optional<Path> cacheRoot() {
        String given = System.getProperty(CACHE_PROPERTY);
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "crawler", "native"));
        }
        String home = System.getProperty("user.home");
        if (home == null || home.isBlank() || home.equals("?")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(home, ".cache", "crawler", "native"));
    }

    /**
     * The directory under {@code root} that holds a whole copy of this platform's library, made
     * now if missing; empty if the library is not in a jar on the class path or cannot be copied.
     */
    static Optional<Path> cachedCopy(Path root) {
        String name = Environment.getJniLibraryFileName("rocksdb");
        URL resource = RocksDB.class.getResource("/" + name);
        // the name RocksDB.loadLibrary(List) looks for in each directory (it says "jni" twice)
        String loadedAs = Environment.getJniLibraryFileName("rocksdbjni");
        if (resource == null) {
            return Optional.empty();
        }
        try {
            URLConnection connection = resource.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                return Optional.empty();
            }
            JarEntry entry = jar.getJarEntry();
            long size = entry.getSize();
            long crc = entry.getCrc();
            if (size < 0 || crc < 0) {
                return Optional.empty();
            }
            Path dir = root.resolve("rocksdbjni-" + size + "-" + Long.toHexString(crc).toLowerCase(Locale.ROOT));
            Path lib = dir.resolve(loadedAs);
            if (Files.isRegularFile(lib) && Files.size(lib) == size) {
                return Optional.of(dir);
            }
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, loadedAs, ".partial");
            try {
                try (InputStream in = connection.getInputStream()) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                if (Files.size(partial) != size) {
                    return Optional.empty();
                }
                move(partial, lib);
            } finally {
                Files.deleteIfExists(partial);
            }
            return Optional.of(dir);
        } catch (IOException | RuntimeException e) {
            log.debug("cannot keep a copy of RocksDB's library under {}: {}", root, e.toString());
            return Optional.empty();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        MoveIntoPlace.replace(from, to);
    }
}
