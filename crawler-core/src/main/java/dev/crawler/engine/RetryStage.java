package dev.crawler.engine;

import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.RetryPolicy;
import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.Frontier;
import dev.crawler.politeness.PolitenessScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on what {@link RetryState} decides about a result that may pass later (5xx, 429, a reset,
 * a timeout): the host backs off (Retry-After, else exponential back-off with jitter) and the URL
 * goes back to the head of its queue, a bounded number of times; a host that fails too often in
 * a row is given up. Runs on the coordinator's thread.
 */
final class RetryStage {

    private static final Logger log = LoggerFactory.getLogger(RetryStage.class);

    private final RetryState retries;
    private final RetryPolicy policy;
    private final PolitenessScheduler scheduler;
    private final Frontier frontier;
    private final EngineStats stats;
    private final Executor workers;
    private final LongSupplier clock;

    RetryStage(RetryState retries, RetryPolicy policy, PolitenessScheduler scheduler, Frontier frontier,
            EngineStats stats, Executor workers, LongSupplier clock) {
        this.retries = retries;
        this.policy = policy;
        this.scheduler = scheduler;
        this.frontier = frontier;
        this.stats = stats;
        this.workers = workers;
        this.clock = clock;
    }

    /**
     * Whether {@code result} of {@code request} is tried again later: if so, its host backs off
     * and the URL is back at the head of its queue. Counts and logs a host given up on the way.
     */
    boolean retryLater(CrawlRequest request, FetchResult result, Instant at) {
        String host = request.hostKey();
        boolean wasGivenUp = retries.givenUp(host).isPresent();
        Optional<Duration> wait = retries.retryDelay(request, result, at);
        if (!wasGivenUp && retries.givenUp(host).isPresent()) {
            stats.hostsGivenUp.increment();
            String why = retries.givenUp(host).get();
            frontier.note(HostNotes.givenUp(host, why));
            workers.execute(() -> log.warn("giving up on {} after {}; its remaining URLs are not fetched", host, why));
        }
        if (wait.isEmpty()) {
            return false;
        }
        long now = clock.getAsLong();
        scheduler.backOff(host, now + wait.get().toNanos(), now);
        if (frontier.requeue(request)) {
            scheduler.workArrived(host, now);
        }
        stats.retries.increment();
        int attempt = retries.attempts(request.url()) + 1;
        int of = policy.maxRetries() + 1;
        workers.execute(() -> log.info("{}: {}; trying again in {} ms (attempt {} of {})", request.url(),
                RetryState.describe(result), wait.get().toMillis(), attempt, of));
        return true;
    }

    /**
     * Why {@code result} ends {@code request} at once although it may pass later (a Retry-After
     * beyond the longest wait allowed), if it does; its host then backs off that longest wait.
     */
    Optional<String> rateLimited(CrawlRequest request, FetchResult result, Instant at) {
        Optional<RetryState.RateLimited> limited = retries.rateLimited(result, at);
        limited.ifPresent(l -> {
            long now = clock.getAsLong();
            scheduler.backOff(request.hostKey(), now + l.hostWait().toNanos(), now);
        });
        return limited.map(RetryState.RateLimited::why);
    }

    /**
     * The note a final result of {@code request} gets when its host was given up and the result
     * is one that might have passed: the reason the host was given up.
     */
    Optional<String> givenUpNote(CrawlRequest request, FetchResult result) {
        return retries.givenUp(request.hostKey()).filter(why -> RetryPolicy.retryable(result))
                .map(why -> "host_unavailable: gave up on " + request.hostKey() + " after " + why);
    }
}
