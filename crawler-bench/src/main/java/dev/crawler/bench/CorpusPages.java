package dev.crawler.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The HTML pages of a documentation tree on disk, read into memory once, each with the URL it
 * would have when served: the input of benchmarks that must run on real pages.
 */
record CorpusPages(Path root, List<byte[]> bodies, List<String> urls) {

    /** The Python documentation, installed by src/scripts/realweb-deps (Debian package python3.11-doc). */
    static final String PYTHON_DOCS = "/usr/share/doc/python3.11/html";

    /** Reads every {@code .html} file under {@code root}, in sorted order; fails clearly if there is none. */
    static CorpusPages load(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException(root + " is not a directory: install the corpus (as root, src/scripts/"
                    + "realweb-deps installs python3.11-doc) or point the benchmark elsewhere with -p corpus=DIR");
        }
        try (Stream<Path> files = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            List<Path> pages = files.filter(p -> p.toString().endsWith(".html") && Files.isRegularFile(p)).sorted()
                    .toList();
            if (pages.isEmpty()) {
                throw new IllegalStateException("no .html file under " + root);
            }
            List<byte[]> bodies = pages.stream().map(CorpusPages::read).toList();
            List<String> urls = pages.stream().map(p -> "http://docs.sim/" + root.relativize(p)).toList();
            return new CorpusPages(root, bodies, urls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return bodies.size();
    }

    long totalBytes() {
        return bodies.stream().mapToLong(b -> b.length).sum();
    }

    private static byte[] read(Path page) {
        try {
            return Files.readAllBytes(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
