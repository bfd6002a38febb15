package dev.crawler.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.cli.output.IndexLine;
import dev.crawler.sim.GroundTruth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a run is judged against the ground truth: exact when complete, right-so-far when stopped by the budget. */
class RunVerdictTest {

    private static final GroundTruth TRUTH = new GroundTruth(Set.of("http://a/", "http://a/1", "http://a/2"),
            Set.of("http://a/private"), Map.of("http://a/", 200, "http://a/1", 200, "http://a/2", 404));

    private static IndexLine fetched(String url, int status) {
        return new IndexLine(url, Optional.of(status), Optional.empty(), Optional.empty());
    }

    private static IndexLine failed(String url, String error) {
        return new IndexLine(url, Optional.empty(), Optional.of(error), Optional.empty());
    }

    @Test
    void aCompleteExactCrawlIsOk() {
        RunVerdict v = RunVerdict.of(TRUTH, List.of(fetched("http://a/", 200), fetched("http://a/1", 200),
                fetched("http://a/2", 404), failed("http://a/private", "robots_denied: disallowed by robots.txt")), false);
        assertThat(v.status()).isEqualTo(RunVerdict.Status.OK);
        assertThat(v.detail()).startsWith("verified: 3/3");
        assertThat(v.counts()).isTrue();
    }

    @Test
    void aCompleteCrawlThatMissedAPageFails() {
        RunVerdict v = RunVerdict.of(TRUTH, List.of(fetched("http://a/", 200), fetched("http://a/1", 200)), false);
        assertThat(v.status()).isEqualTo(RunVerdict.Status.FAILED);
        assertThat(v.detail()).contains("1 missing");
        assertThat(v.counts()).isFalse();
    }

    @Test
    void aRepeatedPageFailsEvenWhenStoppedByTheBudget() {
        RunVerdict v = RunVerdict.of(TRUTH, List.of(fetched("http://a/", 200), fetched("http://a/", 200)), true);
        assertThat(v.status()).isEqualTo(RunVerdict.Status.FAILED);
        assertThat(v.detail()).contains("1 fetched twice");
    }

    @Test
    void aForbiddenOrWrongPageFails() {
        assertThat(RunVerdict.of(TRUTH, List.of(fetched("http://a/private", 200)), true).status())
                .isEqualTo(RunVerdict.Status.FAILED);
        assertThat(RunVerdict.of(TRUTH, List.of(fetched("http://a/2", 200)), true).status())
                .isEqualTo(RunVerdict.Status.FAILED);
    }

    @Test
    void aRunStoppedByTheBudgetWithOnlyRightPagesIsPartial() {
        RunVerdict v = RunVerdict.of(TRUTH, List.of(fetched("http://a/", 200)), true);
        assertThat(v.status()).isEqualTo(RunVerdict.Status.PARTIAL);
        assertThat(v.status().label()).isEqualTo("budget");
        assertThat(v.detail()).contains("1/3");
        assertThat(v.counts()).isTrue();
    }

    @Test
    void aFetchWithoutAResponseFailsTheRun() {
        RunVerdict v = RunVerdict.of(TRUTH, List.of(fetched("http://a/", 200),
                failed("http://a/1", "connect_timeout: cannot connect"), fetched("http://a/2", 404)), true);
        assertThat(v.status()).isEqualTo(RunVerdict.Status.FAILED);
        assertThat(v.detail()).isEqualTo("1 fetch failed: connect_timeout x1");
    }
}
