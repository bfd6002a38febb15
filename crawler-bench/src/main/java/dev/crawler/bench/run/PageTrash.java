package dev.crawler.bench.run;

import dev.crawler.cli.FileTrees;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The page trees the bench no longer needs, removed only when the whole command is over.
 *
 * <p>Why not at once: on some file systems (ext4 without a journal, as on many VMs) creating a
 * file is several times slower for about a minute after many files were deleted, because the
 * allocator skips recently freed inodes one by one. Deleting a run's 100,000 pages just before
 * the next run would slow that run's export and so favour whichever mode ran first. A bench
 * directory left by an earlier bench is moved aside at the start and removed here too.
 */
final class PageTrash implements AutoCloseable {

    private final PrintWriter out;
    private final List<Path> trees = new ArrayList<>();

    PageTrash(PrintWriter out) {
        this.out = out;
    }

    /** Removes {@code tree} (a directory, with everything under it) when the bench is over. */
    synchronized void add(Path tree) {
        trees.add(tree);
    }

    /**
     * Moves {@code dir} aside to a hidden sibling, to be removed when the bench is over, together
     * with any such sibling an interrupted bench left behind.
     */
    void moveAside(Path dir) throws IOException {
        String prefix = "." + dir.getFileName() + ".old-";
        try (var siblings = Files.list(dir.toAbsolutePath().getParent())) {
            siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).forEach(this::add);
        }
        if (Files.exists(dir)) {
            Path aside = dir.resolveSibling(prefix + System.nanoTime());
            Files.move(dir, aside);
            add(aside);
        }
    }

    /**
     * Removes what it holds now if the file system of {@code dir} has less than {@code minFree}
     * bytes left, so that keeping page files for the end never fills the disk.
     */
    void removeNowIfSpaceBelow(Path dir, long minFree) {
        long free;
        try {
            free = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return; // not knowable: keep to the plan
        }
        if (free < minFree && !isEmpty()) {
            out.printf("only %d MB free on the disk of %s: ", free >> 20, dir);
            close();
        }
    }

    private synchronized boolean isEmpty() {
        return trees.isEmpty();
    }

    /** Removes every tree given to it; reports those it could not remove and goes on. */
    @Override
    public synchronized void close() {
        if (trees.isEmpty()) {
            return;
        }
        out.printf("removing the page files the runs wrote (%d director%s) ...%n", trees.size(),
                trees.size() == 1 ? "y" : "ies");
        out.flush();
        for (Path t : trees) {
            try {
                if (Files.exists(t)) {
                    FileTrees.deleteTree(t);
                }
            } catch (IOException | UncheckedIOException e) {
                out.println("warning: could not remove " + t + ": " + e.getMessage());
            }
        }
        trees.clear();
        out.flush();
    }
}
