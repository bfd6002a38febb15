package dev.crawler.politeness;

/**
 * The request-start clock of one site (a host name, whatever the scheme or port), shared by its
 * origins: when the next request to it may start, and how many requests handed out to it are not
 * yet on the wire. A start is anchored at the moment its request was written, not at the moment it
 * was handed out, so two starts are never closer on the wire than the delay, however long a
 * connection took to open. Owned by {@link PolitenessScheduler}.
 */
final class SiteSpacing {

    /** Earliest time the next request to the site may be handed out. */
    long nextStart;
    /** Requests handed out, with a delay to keep, whose writing has not been reported yet. */
    int unsent;

    SiteSpacing(long now) {
        this.nextStart = now;
    }

    /** A request written at {@code at}: the next one waits at least {@code delayNanos} after it. */
    void wrote(long at, long delayNanos) {
        long next = at + delayNanos;
        if (next - nextStart > 0) {
            nextStart = next;
        }
    }
}
