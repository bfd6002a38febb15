package dev.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.ResponseHeaders;
import dev.crawler.fetch.RetryPolicy;
import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.InMemoryFrontier;
import dev.crawler.politeness.PolitenessPolicy;
import dev.crawler.politeness.PolitenessScheduler;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The retry stage on its own, with time standing still: what it decides shows in the frontier
 * (the URL back at the head of its queue) and in the scheduler (when the host may go again).
 */
class RetryStageTest {

    private static final long NOW = 5_000_000_000L;
    private static final Instant WALL = Instant.parse("2026-12-03T12:00:00Z");
    private static final String URL = "http://a.test/page";

    private final InMemoryFrontier frontier = new InMemoryFrontier();
    private final PolitenessScheduler scheduler = new PolitenessScheduler(
            new PolitenessPolicy(2, Duration.ZERO, Duration.ofSeconds(30)), frontier::queued, CrawlRequest::hostOfKey);
    private final EngineStats stats = new EngineStats();
    private final CrawlRequest request = CrawlRequest.of(URL, 0, null, 0);

    private RetryStage stage(RetryPolicy policy, RetryState state) {
        return new RetryStage(state, policy, scheduler, frontier, stats, Runnable::run, () -> NOW);
    }

    @Test
    void aRetryableResultGoesBackToTheHeadOfItsQueueAndItsHostWaitsTheBackOff() {
        RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(400), Duration.ofSeconds(10), 10);
        // jitter 0: half the base delay for the first retry
        RetryState state = new RetryState(policy, () -> 0.0);
        frontier.offer(CrawlRequest.of("http://a.test/next", 0, null, 0));
        frontier.poll(request.hostKey());
        state.begin(URL);

        assertThat(stage(policy, state).retryLater(request, response(503), WALL)).isTrue();

        assertThat(frontier.poll(request.hostKey())).contains(request);
        assertThat(scheduler.nextWakeup().getAsLong()).isEqualTo(NOW + Duration.ofMillis(200).toNanos());
        assertThat(stats.snapshot().retries()).isEqualTo(1);
    }

    @Test
    void retryAfterSecondsSetTheWaitInsteadOfTheBackOff() {
        RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(400), Duration.ofSeconds(10), 10);
        RetryState state = new RetryState(policy, () -> 0.0);
        state.begin(URL);

        assertThat(stage(policy, state).retryLater(request, response(503, "Retry-After", "3"), WALL)).isTrue();

        assertThat(scheduler.nextWakeup().getAsLong()).isEqualTo(NOW + Duration.ofSeconds(3).toNanos());
    }

    @Test
    void aRetryAfterBeyondTheLongestWaitEndsTheUrlAndHoldsTheHostThatLong() {
        RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(400), Duration.ofSeconds(10), 10);
        RetryState state = new RetryState(policy, () -> 0.0);
        state.begin(URL);
        RetryStage stage = stage(policy, state);
        FetchResult limited = response(429, "Retry-After", "3600");
        frontier.offer(CrawlRequest.of("http://a.test/next", 0, null, 0));
        scheduler.workArrived(request.hostKey(), NOW); // the host's other URL waits for it

        assertThat(stage.retryLater(request, limited, WALL)).isFalse();
        assertThat(stage.rateLimited(request, limited, WALL)).get().asString().startsWith("rate_limited: ");

        assertThat(scheduler.nextWakeup().getAsLong()).isEqualTo(NOW + Duration.ofSeconds(10).toNanos());
    }

    @Test
    void failuresInARowGiveTheHostUpAndSaySoOnTheLastOne() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(10), Duration.ofSeconds(1), 2);
        RetryState state = new RetryState(policy, () -> 0.0);
        RetryStage stage = stage(policy, state);
        FetchResult refused = new FetchResult.Failure(URI.create(URL), FetchError.CONNECT, "refused", WALL,
                Duration.ZERO);

        state.begin(URL);
        assertThat(stage.retryLater(request, refused, WALL)).isTrue();
        frontier.poll(request.hostKey());
        state.begin(URL);
        assertThat(stage.retryLater(request, refused, WALL)).isFalse();

        assertThat(stats.snapshot().hostsGivenUp()).isEqualTo(1);
        assertThat(stage.givenUpNote(request, refused)).get().asString()
                .startsWith("host_unavailable: gave up on " + request.hostKey() + " after 2 failed attempts in a row");
        assertThat(stage.givenUpNote(request, response(404))).isEmpty();
    }

    private static FetchResult.Response response(int status, String... headerNamesAndValues) {
        List<Map.Entry<String, String>> headers = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
            headers.add(Map.entry(headerNamesAndValues[i], headerNamesAndValues[i + 1]));
        }
        return new FetchResult.Response(URI.create(URL), status, new ResponseHeaders(headers), new byte[0], false,
                WALL, Duration.ofMillis(1), true);
    }
}
