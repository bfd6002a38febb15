package dev.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.RetryPolicy;
import dev.crawler.frontier.CrawlRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryStateTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final CrawlRequest PAGE = CrawlRequest.of("http://a.test/p", 1, "http://a.test/", 0);

    private final RetryState state = new RetryState(
            new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1), 0), () -> 0.5);

    private static FetchResult failure(FetchError error) {
        return new FetchResult.Failure(URI.create(PAGE.url()), error, "x", NOW, Duration.ZERO);
    }

    @Test
    void aDesyncIsRetriedOnceAndNotAgain() {
        state.begin(PAGE.url());
        assertThat(state.retryDelay(PAGE, failure(FetchError.DESYNC), NOW)).as("first desync").isPresent();
        state.begin(PAGE.url());
        assertThat(state.retryDelay(PAGE, failure(FetchError.DESYNC), NOW)).as("second desync").isEmpty();
        assertThat(state.finish(PAGE.url())).isEqualTo(2);
    }

    @Test
    void otherFailuresKeepTheirBudgetAfterADesync() {
        state.begin(PAGE.url());
        assertThat(state.retryDelay(PAGE, failure(FetchError.DESYNC), NOW)).isPresent();
        state.begin(PAGE.url());
        assertThat(state.retryDelay(PAGE, failure(FetchError.IO), NOW)).isPresent();
        state.begin(PAGE.url());
        assertThat(state.retryDelay(PAGE, failure(FetchError.DESYNC), NOW)).isEmpty();
    }

    @Test
    void theOrdinaryBudgetLimitsDesyncRetriesToo() {
        RetryState none = new RetryState(new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0), () -> 0.5);
        none.begin(PAGE.url());
        assertThat(none.retryDelay(PAGE, failure(FetchError.DESYNC), NOW)).isEmpty();
    }

    @Test
    void aUrlFetchedAgainLaterHasItsDesyncRetryAgain() {
        state.begin(PAGE.url());
        assertThat(state.retryDelay(PAGE, failure(FetchError.DESYNC), NOW)).isPresent();
        state.finish(PAGE.url());
        state.begin(PAGE.url());
        assertThat(state.retryDelay(PAGE, failure(FetchError.DESYNC), NOW)).isPresent();
    }

    @Test
    void aStaleConnectionIsRetriedOnceBeyondTheBudget() {
        RetryState none = new RetryState(new RetryPolicy(0, Duration.ofMillis(100), Duration.ZERO, 0), () -> 0.5);
        none.begin(PAGE.url());
        assertThat(none.retryDelay(PAGE, failure(FetchError.STALE_CONNECTION), NOW)).as("no budget, still once")
                .contains(Duration.ZERO);
        none.begin(PAGE.url());
        assertThat(none.retryDelay(PAGE, failure(FetchError.STALE_CONNECTION), NOW)).as("not twice").isEmpty();
        assertThat(none.finish(PAGE.url())).isEqualTo(2);
    }

    @Test
    void aStaleConnectionRetryLeavesTheBudgetWhole() {
        RetryState two = new RetryState(new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(1), 0), () -> 0.5);
        two.begin(PAGE.url());
        assertThat(two.retryDelay(PAGE, failure(FetchError.STALE_CONNECTION), NOW)).isPresent();
        two.begin(PAGE.url());
        assertThat(two.retryDelay(PAGE, failure(FetchError.IO), NOW)).as("retry 1 of 2, first back-off")
                .contains(Duration.ofMillis(75));
        two.begin(PAGE.url());
        assertThat(two.retryDelay(PAGE, failure(FetchError.IO), NOW)).as("retry 2 of 2").isPresent();
        two.begin(PAGE.url());
        assertThat(two.retryDelay(PAGE, failure(FetchError.IO), NOW)).as("budget spent").isEmpty();
        two.begin(PAGE.url());
        assertThat(two.retryDelay(PAGE, failure(FetchError.STALE_CONNECTION), NOW)).as("its one used up").isEmpty();
    }

    @Test
    void desyncAndStaleConnectionEachHaveTheirOwnOneRetry() {
        state.begin(PAGE.url());
        assertThat(state.retryDelay(PAGE, failure(FetchError.DESYNC), NOW)).isPresent();
        state.begin(PAGE.url());
        assertThat(state.retryDelay(PAGE, failure(FetchError.STALE_CONNECTION), NOW)).isPresent();
        state.begin(PAGE.url());
        assertThat(state.retryDelay(PAGE, failure(FetchError.DESYNC), NOW)).isEmpty();
        state.finish(PAGE.url());
        state.begin(PAGE.url());
        assertThat(state.retryDelay(PAGE, failure(FetchError.STALE_CONNECTION), NOW)).as("a later fetch has it again")
                .isPresent();
    }
}
