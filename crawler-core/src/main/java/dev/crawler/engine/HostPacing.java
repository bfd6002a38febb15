package dev.crawler.engine;

import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.RetryPolicy;
import dev.crawler.politeness.PolitenessScheduler;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Tells the politeness scheduler how a host answers, so that its delay follows: a 429 or 503
 * without a usable {@code Retry-After} widens it, an answer that is not worth a retry (a success,
 * a redirect, a 404) narrows it back. A 429 or 503 with {@code Retry-After} is left to the
 * {@link RetryStage}, which backs the host off for as long as asked; failures without a response
 * change nothing here. Runs on the coordinator's thread.
 */
final class HostPacing {

    private final PolitenessScheduler scheduler;
    private final RetryPolicy policy;
    private final LongSupplier clock;

    HostPacing(PolitenessScheduler scheduler, RetryPolicy policy, LongSupplier clock) {
        this.scheduler = scheduler;
        this.policy = policy;
        this.clock = clock;
    }

    /** {@code host} answered {@code result}, read at {@code at} (for a Retry-After date). */
    void observe(String host, FetchResult result, Instant at) {
        if (!(result instanceof FetchResult.Response r)) {
            return;
        }
        if (rateLimitedWithoutRetryAfter(r, at)) {
            scheduler.slowedDown(host, clock.getAsLong());
        } else if (!RetryPolicy.retryable(r)) {
            scheduler.answered(host, clock.getAsLong());
        }
    }

    /** A 429 or 503 with no usable Retry-After (one beyond the cap still counts as asked: it is capped, not absent). */
    private boolean rateLimitedWithoutRetryAfter(FetchResult.Response r, Instant at) {
        return (r.status() == 429 || r.status() == 503) && policy.retryAfter(r, at).isEmpty();
    }
}
