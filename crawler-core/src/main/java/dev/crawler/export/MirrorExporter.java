package dev.crawler.export;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.crawler.io.MoveIntoPlace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes fetched pages into a mirror tree under an output directory, at the paths
 * {@link PathMapper} gives.
 *
 * <p>A page seen for the first time is written straight into a new file (created exclusively, so
 * never through an existing file or link): one file creation per page, the cheapest a mirror can
 * be. A page that replaces an earlier copy (a resumed or repeated crawl) goes to a temporary file
 * beside it that is then renamed over it, so the earlier copy is never seen half replaced. A crash
 * can leave a new page's file short; the crawl's index is the record of what is whole: a page is
 * listed there only after its file was written, and a resumed crawl refetches, and so replaces,
 * every page the index does not list.
 *
 * <p>Defence in depth: besides the mapper's guarantees, every write checks that the target lies
 * under the output directory and refuses to pass through or replace a symbolic link; the real
 * path of each directory is checked to be inside the real output directory the first time it is
 * used (the last few thousand directories checked are remembered, so a page costs no directory
 * lookups). The guard is against hostile URLs, not against other local users: a directory that
 * someone with write access to the output directory swaps for a link during the crawl is not
 * noticed while it is remembered.
 *
 * <p>Thread-safe: it holds no mutable state but a closed flag; concurrent writes of different
 * pages, even into new directories, do not interfere, and concurrent writes of one page leave one
 * whole copy.
 */
public final class MirrorExporter implements AutoCloseable {

    private static final String TEMP_PREFIX = ".part-";
    private static final int CHECKED_DIRECTORIES = 8192;

    private final Path root;
    private final PathMapper mapper = new PathMapper();
    /** Directories created (or found) and checked, to their real paths. */
    private final Cache<Path, Path> checked = Caffeine.newBuilder().maximumSize(CHECKED_DIRECTORIES).build();
    private volatile boolean closed;

    /**
     * @param outDir the output directory; created if missing
     * @throws IOException if it cannot be created or resolved
     */
    public MirrorExporter(Path outDir) throws IOException {
        Files.createDirectories(outDir);
        this.root = outDir.toRealPath();
    }

    /**
     * Writes {@code body} as the page of {@code normalizedUrl}, replacing an earlier copy.
     *
     * @return the path written, relative to the output directory
     * @throws IOException if the page cannot be written, or its path would leave the output
     *     directory or pass through a symbolic link
     * @throws IllegalArgumentException if {@code normalizedUrl} is not an http(s) URL
     * @throws IllegalStateException if the exporter is closed
     * @throws OutputException if the file system is full (the crawl should stop, not go on
     *     recording every page as failed)
     */
    public Path write(String normalizedUrl, byte[] body) throws IOException {
        if (closed) {
            throw new IllegalStateException("mirror exporter is closed");
        }
        Path relative = mapper.map(normalizedUrl);
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IOException("refusing to write outside " + root + ": " + relative);
        }
        Path dir = checkedDirectory(target.getParent());
        try {
            boolean created;
            try {
                created = writeNew(dir.resolve(target.getFileName()), body);
            } catch (NoSuchFileException e) {
                // the directory was removed since it was checked: check (and create) it again
                checked.invalidate(target.getParent());
                dir = checkedDirectory(target.getParent());
                created = writeNew(dir.resolve(target.getFileName()), body);
            }
            if (!created) {
                if (Files.isSymbolicLink(target)) {
                    throw new IOException("refusing to replace symbolic link " + target);
                }
                writeAtomically(dir, target, body);
            }
        } catch (IOException e) {
            if (OutOfSpace.is(e)) {
                throw new OutputException("cannot write pages to " + root + ": " + e.getMessage(), e);
            }
            throw e;
        }
        return relative;
    }

    /**
     * Removes the page file of {@code normalizedUrl} if there is one: called when the URL's
     * outcome is not a page to keep (an error, a redirect), so that a file a killed run left
     * behind for a URL it was fetching does not outlive the URL's new outcome. Only a regular
     * file inside the output directory is removed; a missing one is no error.
     *
     * @throws IOException if a file is there and cannot be removed
     */
    public void discard(String normalizedUrl) throws IOException {
        Path target = root.resolve(mapper.map(normalizedUrl)).normalize();
        if (target.startsWith(root) && !target.equals(root)
                && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(target);
        }
    }

    /** The real output directory. */
    public Path root() {
        return root;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The real path of {@code dir}, created and checked the first time it is asked for. */
    private Path checkedDirectory(Path dir) throws IOException {
        Path real = checked.getIfPresent(dir);
        if (real == null) {
            real = createDirectories(dir);
            checked.put(dir, real);
        }
        return real;
    }

    /** Creates the directories from the root down to {@code dir}, refusing symbolic links. */
    private Path createDirectories(Path dir) throws IOException {
        Path current = root;
        for (Path name : root.relativize(dir)) {
            current = current.resolve(name);
            if (Files.isSymbolicLink(current)) {
                throw new IOException("refusing to follow symbolic link " + current);
            }
            try {
                Files.createDirectory(current);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("not a directory: " + current, e);
                }
            }
        }
        Path real = current.toRealPath();
        if (!real.startsWith(root)) {
            throw new IOException("refusing to write outside " + root + ": " + real);
        }
        return real;
    }

    /**
     * Writes {@code body} into a file created at {@code target} if there is no file (nor link)
     * there yet; a file it fails to fill is removed.
     *
     * @return false if something is already at {@code target} (nothing was written)
     */
    private static boolean writeNew(Path target, byte[] body) throws IOException {
        OutputStream out;
        try {
            out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        try (out) {
            out.write(body);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return true;
    }

    /**
     * Writes a temporary file beside the target, then renames it over the target. Temporary
     * names start with a dot, which mapped names never do, so they cannot clash with a page.
     */
    private static void writeAtomically(Path dir, Path target, byte[] body) throws IOException {
        Path temp = dir.resolve(TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            Files.write(temp, body, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            MoveIntoPlace.replace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
