package dev.crawler.parse;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A tree of real HTML pages nobody here wrote, installed from a Debian package: the test that uses
 * it is skipped, saying which package to install, when it is absent.
 */
record HtmlCorpus(Path root, String debianPackage) {

    static final HtmlCorpus PYTHON_DOCS = new HtmlCorpus(Path.of("/usr/share/doc/python3.11/html"), "python3.11-doc");
    static final HtmlCorpus JDK_API_DOCS = new HtmlCorpus(Path.of("/usr/share/doc/openjdk-17-doc/api"), "openjdk-17-doc");

    /** Every {@code .html} file, in a fixed (sorted) order; skips the calling test if the tree is absent. */
    List<Path> pages() {
        assumeTrue(Files.isDirectory(root), () -> root + " is absent: install the Debian package " + debianPackage
                + " (src/scripts/test-deps does, as root) to compare link extraction with jsoup on it");
        try (Stream<Path> files = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(p -> p.toString().endsWith(".html") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path page) {
        try {
            return Files.readAllBytes(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
