package dev.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RetryPolicyTest {

    private static final URI U = URI.create("http://a.test/");
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofMinutes(1), 10);

    private static FetchResult.Response status(int status, String... headers) {
        List<Map.Entry<String, String>> h = new java.util.ArrayList<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.add(Map.entry(headers[i], headers[i + 1]));
        }
        return new FetchResult.Response(U, status, new ResponseHeaders(h), new byte[0], false, NOW, Duration.ZERO, true);
    }

    @ParameterizedTest
    @CsvSource({"500, true", "502, true", "503, true", "504, true", "429, true", "408, true", "501, false",
        "505, false", "404, false", "403, false", "200, false", "301, false"})
    void whichStatusesAreRetried(int status, boolean retried) {
        assertThat(RetryPolicy.retryable(status(status))).isEqualTo(retried);
    }

    @ParameterizedTest
    @EnumSource(FetchError.class)
    void whichFailuresAreRetried(FetchError error) {
        boolean expected = switch (error) {
            case CONNECT, PROXY, CONNECT_TIMEOUT, FIRST_BYTE_TIMEOUT, RESPONSE_TIMEOUT, TOO_SLOW, IO, DESYNC,
                    STALE_CONNECTION -> true;
            default -> false;
        };
        assertThat(RetryPolicy.retryable(new FetchResult.Failure(U, error, "x", NOW, Duration.ZERO))).isEqualTo(expected);
    }

    @Test
    void aStaleConnectionIsRetriedWithoutBackOff() {
        FetchResult stale = new FetchResult.Failure(U, FetchError.STALE_CONNECTION, "x", NOW, Duration.ZERO);
        assertThat(policy.delay(stale, 2, NOW, 0.7)).as("only the politeness delay spaces it").isZero();
        assertThat(FetchError.STALE_CONNECTION.code()).isEqualTo("stale_connection");
    }

    @Test
    void backOffDoublesWithJitterAndIsCapped() {
        assertThat(policy.backoff(1, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(1, 0.999999)).isBetween(Duration.ofMillis(1999), Duration.ofSeconds(2));
        assertThat(policy.backoff(2, 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(3, 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoff(30, 0.999999)).isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(policy.mayRetry(3)).isTrue();
        assertThat(policy.mayRetry(4)).isFalse();
    }

    @Test
    void retryAfterInSecondsOrAsADateIsHonouredAndCapped() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.plusSeconds(30), ZoneOffset.UTC));
        assertThat(policy.retryAfter(status(503, "Retry-After", "7"), NOW)).contains(Duration.ofSeconds(7));
        assertThat(policy.retryAfter(status(429, "Retry-After", date), NOW)).contains(Duration.ofSeconds(30));
        assertThat(policy.retryAfter(status(503, "Retry-After", "99999999999999999999"), NOW)).contains(Duration.ofMinutes(1));
        assertThat(policy.retryAfter(status(503, "Retry-After", "Thu, 01 Jan 1970 00:00:00 GMT"), NOW)).contains(Duration.ZERO);
        assertThat(policy.retryAfter(status(503, "Retry-After", "soon"), NOW)).isEmpty();
        assertThat(policy.retryAfter(status(500, "Retry-After", "7"), NOW)).as("only 429 and 503").isEmpty();
        assertThat(policy.delay(status(503, "Retry-After", "7"), 1, NOW, 0.0)).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.delay(status(503), 1, NOW, 0.0)).isEqualTo(Duration.ofSeconds(1));
    }
}
