package dev.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.CrawlSummary.StopReason;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CrawlEndTest {

    private final AtomicInteger ended = new AtomicInteger();

    @Test
    void aCrawlIsNotOverWhileAnythingIsUnderWayWhateverElseHolds() {
        CrawlEnd end = new CrawlEnd(-1, ended::incrementAndGet);
        end.stopAsked();

        end.check(1, false);

        assertThat(end.over()).isFalse();
        end.check(0, true);
        assertThat(end.future()).isCompletedWithValue(StopReason.STOPPED);
        assertThat(ended).hasValue(1);
    }

    @Test
    void withNothingUnderWayItEndsCompletedOnlyWhenNoWorkIsLeft() {
        CrawlEnd end = new CrawlEnd(-1, ended::incrementAndGet);

        end.check(0, true);
        assertThat(end.over()).isFalse();

        end.check(0, false);
        assertThat(end.future()).isCompletedWithValue(StopReason.COMPLETED);
    }

    @Test
    void firstAttemptsSpendThePageBudget() {
        CrawlEnd end = new CrawlEnd(2, ended::incrementAndGet);
        end.pageStarted();
        assertThat(end.budgetSpent()).isFalse();
        end.pageStarted();
        assertThat(end.budgetSpent()).isTrue();

        end.check(0, true);

        assertThat(end.future()).isCompletedWithValue(StopReason.MAX_PAGES);
    }

    @Test
    void aFailureEndsItAtOnceAndStopsNewWorkAndALaterFailureChangesNothing() {
        CrawlEnd end = new CrawlEnd(-1, ended::incrementAndGet);

        end.fail(new IOException("disk full"));
        end.fail(new IOException("second"));

        assertThat(end.stopping()).isTrue();
        assertThat(ended).hasValue(1);
        assertThatThrownBy(() -> end.future().get()).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("disk full");
    }

    @Test
    void aDeadLoopEndsTheCrawlWithWhatToDo() {
        CrawlEnd end = new CrawlEnd(-1, ended::incrementAndGet);

        end.loopDied();

        assertThatThrownBy(() -> end.future().get()).hasRootCauseMessage(CrawlEnd.LOOP_DIED);
        assertThat(CrawlEnd.LOOP_DIED).contains("run the same crawl again to resume");
    }
}
