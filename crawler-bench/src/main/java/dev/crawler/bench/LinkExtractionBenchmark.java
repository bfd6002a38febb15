package dev.crawler.bench;

import dev.crawler.parse.LinkExtractor;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Link extraction from real pages: the scanner ({@link LinkExtractor#extract}, the crawler's
 * path) against the full jsoup DOM ({@link LinkExtractor.Reference}). One operation extracts
 * the links of every page of the corpus once (charset detection, decoding, resolving and
 * normalizing included in both), so the time per page is the score divided by the page count the
 * setup prints; pages differ in size by three orders of magnitude, and one page per operation
 * would measure which pages an iteration happened to get. The corpus is the Python documentation
 * by default; {@code -p corpus=DIR} takes another tree.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class LinkExtractionBenchmark {

    @Param(CorpusPages.PYTHON_DOCS)
    public String corpus;

    private CorpusPages pages;

    @Setup
    public void load() {
        pages = CorpusPages.load(Path.of(corpus));
        System.out.printf("%n%s: %d pages, %d bytes%n", pages.root(), pages.size(), pages.totalBytes());
    }

    @Benchmark
    public void scanner(Blackhole links) {
        for (int i = 0; i < pages.size(); i++) {
            links.consume(LinkExtractor.extract(pages.bodies().get(i), "text/html", pages.urls().get(i)));
        }
    }

    @Benchmark
    public void jsoupDom(Blackhole links) {
        for (int i = 0; i < pages.size(); i++) {
            links.consume(LinkExtractor.Reference.extract(pages.bodies().get(i), "text/html", pages.urls().get(i)));
        }
    }
}
