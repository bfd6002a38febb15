package dev.crawler.engine;

import dev.crawler.frontier.Frontier;
import dev.crawler.politeness.PolitenessScheduler;
import java.time.Duration;
import java.util.Optional;

/**
 * The crawl's liveness: a {@link Watchdog} audits, every second on the coordinator's thread, that
 * the crawl cannot stall. Whenever a URL is queued and nothing is under way, a wake-up must be
 * set for the moment something becomes due. A violation is counted (and, with
 * {@code failOnStall}, ends the crawl); the dump says what waits, per host and why. A coordinator
 * thread that died before the crawl was over ends the crawl.
 */
final class Liveness {

    /** Hosts a stall dump lists at most. */
    private static final int MAX_HOSTS_IN_DUMP = 20;

    private final CrawlEnd end;
    private final Frontier frontier;
    private final SitemapFollower sitemaps;
    private final WakeupTimer wakeup;
    private final RetryState retries;
    private final EngineParts parts;

    Liveness(CrawlEnd end, Frontier frontier, SitemapFollower sitemaps, WakeupTimer wakeup, RetryState retries,
            EngineParts parts) {
        this.end = end;
        this.frontier = frontier;
        this.sitemaps = sitemaps;
        this.wakeup = wakeup;
        this.retries = retries;
        this.parts = parts;
    }

    /** Starts the watchdog; it stops when the crawl ends. */
    void watch(boolean failOnStall) {
        Watchdog watchdog = new Watchdog(parts.loop(), this::audit, Duration.ofSeconds(1), dump -> {
            parts.stats().stalls.increment();
            if (failOnStall) {
                parts.loop().execute(() -> parts.engine().fail(
                        new IllegalStateException("the crawl stalled (failOnStall is set): " + dump)));
            }
        }, end::over, end::loopDied);
        end.future().whenComplete((r, e) -> watchdog.close());
    }

    /**
     * Checks, on the coordinator's thread, that the crawl cannot stall. Returns a dump of what
     * waits when that does not hold (and pumps again), or empty when it holds.
     */
    Optional<String> audit() {
        if (end.over() || end.stopping() || end.budgetSpent() || parts.permits().held() > 0 || frontier.loading()) {
            return Optional.empty();
        }
        PolitenessScheduler scheduler = parts.scheduler();
        boolean work = frontier.queued() > 0 || sitemaps.pending() > 0;
        boolean armed = wakeup.isPending() && scheduler.nextWakeup().isPresent();
        if (!work || armed) {
            return Optional.empty();
        }
        long now = parts.clock().getAsLong();
        StringBuilder dump = new StringBuilder("stalled: ").append(frontier.queued()).append(" URLs queued, ")
                .append(sitemaps.pending()).append(" sitemaps pending, nothing under way, no wake-up set");
        int shown = 0;
        int more = 0;
        for (String host : scheduler.hosts()) {
            if (frontier.queued(host) == 0) {
                continue; // only hosts with URLs waiting can be stuck
            }
            if (shown == MAX_HOSTS_IN_DUMP) {
                more++;
                continue;
            }
            shown++;
            dump.append("\n  ").append(host).append(": queued ").append(frontier.queued(host)).append(", ")
                    .append(scheduler.describe(host, now));
            retries.givenUp(host).ifPresent(why -> dump.append(", given up: ").append(why));
        }
        if (more > 0) {
            dump.append("\n  and ").append(more).append(" more hosts with URLs queued");
        }
        parts.engine().pump();
        return Optional.of(dump.toString());
    }
}
