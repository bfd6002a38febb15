package dev.crawler.jmh;

import dev.crawler.export.PathMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Mapping a URL to the file of the mirror tree, per URL: typical crawl URLs, and hostile ones
 * (dot-segments, encoded slashes, device names, upper case, long names) that take the escaping
 * paths.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PathMappingBenchmark {

    private final PathMapper mapper = new PathMapper();
    private List<String> typical;
    private List<String> hostile;
    private int next;

    @Setup
    public void setUp() {
        typical = Inputs.rawUrls(1024, 50, 5).stream()
                .map(u -> dev.crawler.url.UrlNormalizer.normalize(u).orElseThrow()).toList();
        hostile = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            hostile.add(switch (i % 4) {
                case 0 -> "http://example.com/..%2f/.env" + i;
                case 1 -> "http://example.com/Con/About/AUX" + i + "/nul.txt";
                case 2 -> "http://example.com/a/?q=" + i + "&r=a/b:c*d";
                default -> "http://example.com/" + "x".repeat(300) + "/" + i;
            });
        }
    }

    private int index() {
        next = (next + 1) & 1023;
        return next;
    }

    @Benchmark
    public Path typicalUrl() {
        return mapper.map(typical.get(index()));
    }

    @Benchmark
    public Path hostileUrl() {
        return mapper.map(hostile.get(index()));
    }
}
