package dev.crawler.bench.run;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Which documentation tree the realweb preset crawls: one of the trees Debian packages install
 * ({@code ./src/scripts/realweb-deps} installs both), by a short name, or any directory.
 *
 * @param name {@code python}, {@code jdk}, or empty for a directory given by path
 * @param dir the directory served
 */
record RealWebCorpus(String name, Path dir) {

    /** The Python 3.11 documentation (python3.11-doc): about 530 pages of prose, tens of links each. */
    static final RealWebCorpus PYTHON = new RealWebCorpus("python", Path.of("/usr/share/doc/python3.11/html"));
    /** The JDK 17 API documentation (openjdk-17-doc): about 10,000 pages, hundreds of links each. */
    static final RealWebCorpus JDK = new RealWebCorpus("jdk", Path.of("/usr/share/doc/openjdk-17-doc/api"));

    private static final Map<String, RealWebCorpus> NAMED = Map.of(PYTHON.name, PYTHON, JDK.name, JDK);

    /** {@code python}, {@code jdk} (any case), or else a directory (made absolute, as reports show it). */
    static RealWebCorpus parse(String text) {
        RealWebCorpus named = NAMED.get(text.trim().toLowerCase(Locale.ROOT));
        return named != null ? named : new RealWebCorpus("", Path.of(text).toAbsolutePath().normalize());
    }

    /** How reports name it before its page count: {@code jdk /usr/share/doc/openjdk-17-doc/api}, or the path alone. */
    String label() {
        return name.isEmpty() ? dir.toString() : name + " " + dir;
    }}
