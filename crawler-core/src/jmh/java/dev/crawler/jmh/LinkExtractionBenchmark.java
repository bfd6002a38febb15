package dev.crawler.jmh;

import dev.crawler.parse.ExtractedPage;
import dev.crawler.parse.LinkExtractor;
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

/**
 * Link extraction from one page: charset detection, jsoup parsing, {@code <base>}, nofollow and
 * meta robots, and resolving and normalizing every link. Pages of about 2 KB and 10 KB (the
 * {@code scale} and {@code throughput} benches' sizes) with 25 links each.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LinkExtractionBenchmark {

    @Param({"2048", "10240"})
    public int pageBytes;

    private byte[] page;

    @Setup
    public void setUp() {
        page = Inputs.page(25, pageBytes, 7);
    }

    @Benchmark
    public ExtractedPage extract() {
        return LinkExtractor.extract(page, "text/html; charset=utf-8", Inputs.PAGE_URL);
    }
}
