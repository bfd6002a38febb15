package dev.crawler.jmh;

import dev.crawler.url.Fingerprint;
import dev.crawler.url.UrlNormalizer;
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
 * URL normalization and the seen set's fingerprint, per URL: what every link found costs before
 * the frontier even looks at it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UrlBenchmark {

    private List<String> raw;
    private List<String> normalized;
    private final Fingerprint keyed = Fingerprint.ephemeral();
    private int next;

    @Setup
    public void setUp() {
        raw = Inputs.rawUrls(4096, 50, 42);
        normalized = raw.stream().map(u -> UrlNormalizer.normalize(u).orElseThrow()).toList();
    }

    private int index() {
        next = (next + 1) & 4095;
        return next;
    }

    @Benchmark
    public String normalize() {
        return UrlNormalizer.normalize(raw.get(index())).orElseThrow();
    }

    @Benchmark
    public long fingerprint() {
        return keyed.of(normalized.get(index()));
    }

    @Benchmark
    public long fingerprintSha256() {
        return Fingerprint.sha256().of(normalized.get(index()));
    }

    @Benchmark
    public long normalizeAndFingerprint() {
        return keyed.of(UrlNormalizer.normalize(raw.get(index())).orElseThrow());
    }

    @Benchmark
    public String resolveRelativeLink() {
        return UrlNormalizer.resolve(Inputs.PAGE_URL, "../page/" + index() + "?view=print#top").orElseThrow();
    }
}
