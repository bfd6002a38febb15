package dev.crawler.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * When a fetch is tried again, and after how long. Retried: 5xx responses (except 501 and 505,
 * which say the request will never work), 408 and 429, and failures that may pass (refused or
 * reset connections, timeouts, a too slow transfer, a response discarded as out of step with its
 * request: {@link FetchError#DESYNC}, which the crawler retries at most once per URL, and a reused
 * connection dropped after the request went out: {@link FetchError#STALE_CONNECTION}, retried at
 * most once per URL beyond the budget). Never retried: DNS failures, refused addresses, protocol
 * and TLS errors, unsupported schemes.
 *
 * <p>The wait before retry {@code n} is {@code baseDelay x 2^(n-1)}, capped at {@code maxDelay},
 * with jitter (a random 50 to 100 percent of it), so that many failures do not come back in step.
 * A 429 or 503 with {@code Retry-After} (seconds or an HTTP-date) waits that long instead, capped
 * at {@code maxDelay} too. A {@link FetchError#STALE_CONNECTION} waits no back-off at all: it is no
 * sign of trouble at the server (it usually just closed an idle connection as the request went
 * out), so only the politeness delay spaces its retry. Pure: the caller passes the time and the
 * random number in.
 *
 * @param maxRetries retries after the first attempt (0: none)
 * @param baseDelay the wait before the first retry, before jitter
 * @param maxDelay the longest wait, for back-off and Retry-After alike
 * @param maxHostFailures consecutive failed attempts to one host after which the crawl gives up
 *     on the rest of that host's URLs (0: never)
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, int maxHostFailures) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (baseDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative, were " + baseDelay + " and " + maxDelay);
        }
        if (maxHostFailures < 0) {
            throw new IllegalArgumentException("maxHostFailures must be >= 0, was " + maxHostFailures);
        }
    }

    /** 2 retries, 2 s then about 4 s, waits capped at 10 minutes, a host given up after 10 failures in a row. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofMinutes(10), 10);
    }

    /** Whether {@code result} may succeed if tried again. */
    public static boolean retryable(FetchResult result) {
        return switch (result) {
            case FetchResult.Response r -> retryableStatus(r.status());
            case FetchResult.Failure f -> switch (f.error()) {
                case CONNECT, PROXY, CONNECT_TIMEOUT, FIRST_BYTE_TIMEOUT, RESPONSE_TIMEOUT, TOO_SLOW, IO, DESYNC,
                        STALE_CONNECTION -> true;
                default -> false;
            };
        };
    }

    static boolean retryableStatus(int status) {
        return status == 408 || status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);
    }

    /** Whether another attempt is allowed after {@code attempts} attempts. */
    public boolean mayRetry(int attempts) {
        return attempts <= maxRetries;
    }

    /** The jittered exponential back-off before retry {@code retry} (1 for the first), {@code random} in [0, 1). */
    public Duration backoff(int retry, double random) {
        double exp = baseDelay.toNanos() * Math.pow(2, Math.max(0, retry - 1));
        double capped = Math.min(exp, maxDelay.toNanos());
        return Duration.ofNanos((long) (capped * (0.5 + 0.5 * random)));
    }

    /**
     * The wait a 429 or 503 response asks for with {@code Retry-After}, capped at {@code maxDelay};
     * empty when the response is of another status or has no usable value.
     */
    public Optional<Duration> retryAfter(FetchResult.Response r, Instant now) {
        if (r.status() != 429 && r.status() != 503) {
            return Optional.empty();
        }
        return r.headers().first("Retry-After").flatMap(v -> parseRetryAfter(v, now))
                .map(d -> d.compareTo(maxDelay) > 0 ? maxDelay : d);
    }

    /**
     * The wait a 429 or 503 response asks for with {@code Retry-After} when it is longer than
     * {@code maxDelay}: such a response is not retried (the URL is given up at once), and its host
     * waits {@code maxDelay}, no longer.
     */
    public Optional<Duration> retryAfterBeyondMax(FetchResult result, Instant now) {
        if (!(result instanceof FetchResult.Response r) || (r.status() != 429 && r.status() != 503)) {
            return Optional.empty();
        }
        return r.headers().first("Retry-After").flatMap(v -> parseRetryAfter(v, now))
                .filter(d -> d.compareTo(maxDelay) > 0);
    }

    /** {@code Retry-After} as delay-seconds or an HTTP-date; a date in the past is no wait. */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String v = value.strip();
        if (!v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(v.length() > 12 ? Duration.ofSeconds(999_999_999_999L) : Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The wait before retry {@code retry} after {@code result}: what Retry-After asks for, none
     * after a {@link FetchError#STALE_CONNECTION}, else the jittered back-off.
     */
    public Duration delay(FetchResult result, int retry, Instant now, double random) {
        if (result instanceof FetchResult.Failure f && f.error() == FetchError.STALE_CONNECTION) {
            return Duration.ZERO;
        }
        Optional<Duration> asked = result instanceof FetchResult.Response r ? retryAfter(r, now) : Optional.empty();
        return asked.orElseGet(() -> backoff(retry, random));
    }
}
