package dev.crawler.engine;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.RetryPolicy;
import dev.crawler.frontier.CrawlRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * The retry bookkeeping of a crawl, applying a {@link RetryPolicy}: how many attempts each URL has
 * had, how many failures in a row each host has given (a host that keeps failing is given up, so a
 * dead site costs a bounded number of requests, not every URL times every retry), and which hosts
 * were given up and why.
 *
 * <p>Some failures are retried at most once per URL for their reason, never twice ({@link #onceOnly}):
 * a response discarded as out of step with its request ({@link FetchError#DESYNC}), within the
 * usual retry budget; and a reused connection dropped after the request went out
 * ({@link FetchError#STALE_CONNECTION}), beyond it, since that retry stands for the resend a
 * fetcher would otherwise have made at once (without it a crawl with no retries could not
 * recover from a server closing an idle connection). Not thread-safe: the coordinator owns it.
 */
final class RetryState {

    private final RetryPolicy policy;
    private final DoubleSupplier random;
    private final Map<String, Integer> attempts = new HashMap<>();
    private final Map<String, Integer> failuresInARow = new HashMap<>();
    private final Map<String, String> givenUp = new HashMap<>();
    /** For URLs under way, the once-only reasons ({@link #onceOnly}) they were already retried for. */
    private final Map<String, Set<FetchError>> retriedFor = new HashMap<>();

    RetryState(RetryPolicy policy, DoubleSupplier random) {
        this.policy = policy;
        this.random = random;
    }

    /** Counts an attempt at {@code url} starting; returns its number (1 for the first). */
    int begin(String url) {
        return attempts.merge(url, 1, Integer::sum);
    }

    /** Takes up that {@code host} was given up on, for {@code why}, where its URLs were handed out before. */
    void restoreGivenUp(String host, String why) {
        givenUp.putIfAbsent(host, why);
    }

    /** Attempts made at {@code url} so far (0 if none is under way). */
    int attempts(String url) {
        return attempts.getOrDefault(url, 0);
    }

    /**
     * Judges the result of an attempt: the wait before trying {@code request} again, or empty
     * when this result is final (success, a failure not worth retrying, retries used up, or the
     * host just given up).
     */
    Optional<Duration> retryDelay(CrawlRequest request, FetchResult result, Instant now) {
        String host = request.hostKey();
        if (!RetryPolicy.retryable(result)) {
            if (result instanceof FetchResult.Response) {
                failuresInARow.remove(host); // the host answers
            }
            return Optional.empty();
        }
        if (policy.retryAfterBeyondMax(result, now).isPresent()) {
            return Optional.empty(); // given up at once: see rateLimited
        }
        boolean askedToWait = result instanceof FetchResult.Response r && policy.retryAfter(r, now).isPresent();
        if (!askedToWait && policy.maxHostFailures() > 0) {
            int inARow = failuresInARow.merge(host, 1, Integer::sum);
            if (inARow >= policy.maxHostFailures()) {
                givenUp.putIfAbsent(host, inARow + " failed attempts in a row, the last " + describe(result));
                return Optional.empty();
            }
        }
        Set<FetchError> usedUp = retriedFor.getOrDefault(request.url(), Set.of());
        Optional<FetchError> once = onceOnly(result);
        if (once.isPresent() && usedUp.contains(once.get())) {
            return Optional.empty(); // its one retry for this reason is used up
        }
        int counted = attempts(request.url()) - (int) usedUp.stream().filter(RetryState::beyondBudget).count();
        boolean free = once.filter(RetryState::beyondBudget).isPresent();
        if ((!free && !policy.mayRetry(counted)) || givenUp.containsKey(host)) {
            return Optional.empty();
        }
        once.ifPresent(reason -> retriedFor.computeIfAbsent(request.url(), u -> EnumSet.noneOf(FetchError.class))
                .add(reason));
        return Optional.of(policy.delay(result, counted, now, random.getAsDouble()));
    }

    /**
     * The reason {@code result} is retried at most once per URL for, if it is such a failure:
     * {@link FetchError#DESYNC} or {@link FetchError#STALE_CONNECTION}.
     */
    private static Optional<FetchError> onceOnly(FetchResult result) {
        if (result instanceof FetchResult.Failure f
                && (f.error() == FetchError.DESYNC || f.error() == FetchError.STALE_CONNECTION)) {
            return Optional.of(f.error());
        }
        return Optional.empty();
    }

    /** Whether the one retry for {@code reason} comes on top of the retry budget rather than from it. */
    private static boolean beyondBudget(FetchError reason) {
        return reason == FetchError.STALE_CONNECTION;
    }

    /**
     * Why {@code result} ends its URL at once although it may pass later: a Retry-After longer
     * than the longest wait allowed ({@code --max-backoff}), with that longest wait, which is all
     * its host backs off.
     */
    Optional<RateLimited> rateLimited(FetchResult result, Instant now) {
        return policy.retryAfterBeyondMax(result, now).map(asked -> new RateLimited(
                "rate_limited: Retry-After " + asked.toSeconds() + " s exceeds --max-backoff "
                        + human(policy.maxDelay()), policy.maxDelay()));
    }

    /** A URL given up because its server asked for too long a wait; its host waits {@code hostWait}. */
    record RateLimited(String why, Duration hostWait) {
    }

    /** A duration as the command line writes it: 10m, 30s, 1h, 250ms. */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    /** The wait before loading a host's robots.txt again after {@code failures} failed loads, if allowed. */
    Optional<Duration> robotsRetryDelay(int failures) {
        return policy.mayRetry(failures) ? Optional.of(policy.backoff(failures, random.getAsDouble())) : Optional.empty();
    }

    /** The URL's outcome is final: forgets it; returns how many attempts it had. */
    int finish(String url) {
        retriedFor.remove(url);
        Integer n = attempts.remove(url);
        return n == null ? 1 : n;
    }

    /** Why the crawl gave up on {@code hostKey}, if it did. */
    Optional<String> givenUp(String hostKey) {
        return Optional.ofNullable(givenUp.get(hostKey));
    }

    static String describe(FetchResult result) {
        return switch (result) {
            case FetchResult.Response r -> "status " + r.status();
            case FetchResult.Failure f -> f.error().code();
        };
    }
}
