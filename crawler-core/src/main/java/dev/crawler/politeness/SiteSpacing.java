package dev.crawler.politeness;

/**
 * The request-start clock of one site (a host name, whatever the scheme or port), shared by its
 * origins, or of one IP address, shared by the hosts that resolve to it: when the next request to it may start, and how many requests handed out to it are not
 * yet on the wire. A start is anchored at the moment its request was written, not at the moment it
 * was handed out, so two starts are never closer on the wire than the delay, however long a
 * connection took to open. Owned by {@link PolitenessScheduler}.
 */
final class SiteSpacing {

    /** Earliest time the next request to the site may be handed out. */
    long nextStart;
    /** Requests handed out, with a delay to keep, whose writing has not been reported yet. */
    int unsent;
    /** The latest request write (or start) told, from which the next start is counted. */
    long lastWrite;
    /** Whether any request was written (or started) yet. */
    boolean written;
    /** The longest delay any origin of the site asked for (a robots.txt Crawl-delay): all keep it. */
    long siteDelayNanos;

    SiteSpacing(long now) {
        this.nextStart = now;
    }

    /**
     * A request written at {@code at}: the next one waits at least {@code delayNanos} (or the
     * site's longer delay) after it.
     */
    void wrote(long at, long delayNanos) {
        if (!written || at - lastWrite > 0) {
            lastWrite = at;
            written = true;
        }
        long next = at + Math.max(delayNanos, siteDelayNanos);
        if (next - nextStart > 0) {
            nextStart = next;
        }
    }

    /**
     * An origin of the site now keeps a longer delay of its own ({@code delayNanos}): the next start
     * is counted again from the latest write with it (a shorter one changes nothing already set).
     */
    void lengthened(long delayNanos) {
        if (written) {
            wrote(lastWrite, delayNanos);
        }
    }

    /**
     * An origin of the site now asks for {@code delayNanos}: the site keeps the longest delay any
     * origin asked for, counted from the latest write already made.
     */
    void delayRaised(long delayNanos) {
        if (delayNanos > siteDelayNanos) {
            siteDelayNanos = delayNanos;
            if (written) {
                wrote(lastWrite, delayNanos);
            }
        }
    }
}
