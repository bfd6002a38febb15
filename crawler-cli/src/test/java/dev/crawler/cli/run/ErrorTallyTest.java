package dev.crawler.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.CrawlOutcome;
import dev.crawler.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorTallyTest {

    @Test
    void errorsAreCountedByTheCodeBeforeTheColonAndRobotsRefusalsAreNotErrors() {
        ErrorTally tally = new ErrorTally();
        tally.committed(outcome("a", Outcome.FETCH_FAILED, "connect_timeout: no answer in 10 s"));
        tally.committed(outcome("b", Outcome.FETCH_FAILED, "connect_timeout: no answer in 10 s"));
        tally.committed(outcome("c", Outcome.HTTP_ERROR, "retries_exhausted: status 503 after 3 attempts"));
        tally.committed(outcome("d", Outcome.PAGE, "truncated: body longer than 10 bytes"));
        tally.committed(outcome("e", Outcome.ROBOTS_DENIED, "robots_denied: disallowed by robots.txt"));
        tally.committed(outcome("f", Outcome.PAGE, null));
        tally.committed(outcome("g", Outcome.TRAP, "trap_depth"));

        assertThat(tally.byKind()).containsExactly(Map.entry("connect_timeout", 2L),
                Map.entry("retries_exhausted", 1L), Map.entry("trap_depth", 1L), Map.entry("truncated", 1L));
    }

    private static CrawlOutcome outcome(String path, Outcome outcome, String detail) {
        return new CrawlOutcome("http://a.test/" + path, 0, null, outcome, Optional.ofNullable(detail),
                Optional.empty(), List.of());
    }
}
