package dev.crawler.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.cli.output.IndexLine;
import dev.crawler.sim.GroundTruth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroundTruthCheckTest {

    private static final GroundTruth TRUTH = new GroundTruth(
            Set.of("http://a/", "http://a/1", "http://a/go"),
            Set.of("http://a/private"),
            Map.of("http://a/", 200, "http://a/1", 200, "http://a/go", 301));

    private static IndexLine fetched(String url, int status) {
        return new IndexLine(url, Optional.of(status), Optional.empty(), Optional.empty());
    }

    private static IndexLine denied(String url) {
        return new IndexLine(url, Optional.empty(), Optional.of("robots_denied"), Optional.empty());
    }

    @Test
    void anExactCrawlPasses() {
        GroundTruthCheck check = GroundTruthCheck.of(TRUTH,
                List.of(fetched("http://a/", 200), fetched("http://a/1", 200), fetched("http://a/go", 301),
                        denied("http://a/private")));
        assertThat(check.passed()).isTrue();
        assertThat(check.headline()).startsWith("verified: 3/3").contains("0 missing", "0 unexpected");
        assertThat(check.examples(5)).isEmpty();
    }

    @Test
    void missingForbiddenWrongAndRepeatedUrlsFail() {
        GroundTruthCheck check = GroundTruthCheck.of(TRUTH,
                List.of(fetched("http://a/", 200), fetched("http://a/", 200), fetched("http://a/go", 200),
                        fetched("http://a/private", 200)));
        assertThat(check.passed()).isFalse();
        assertThat(check.missing()).containsExactly("http://a/1");
        assertThat(check.forbidden()).containsExactly("http://a/private");
        assertThat(check.unexpected()).containsExactly("http://a/private");
        assertThat(check.wrongStatus()).containsExactly("http://a/go (got 200, expected 301)");
        assertThat(check.duplicates()).containsExactly("http://a/");
        assertThat(check.headline()).startsWith("verification FAILED: 1/3");
        assertThat(check.examples(5)).contains("missing: http://a/1");
    }
}
