package dev.crawler.politeness;

/** Politeness state of one host; owned and mutated by {@link PolitenessScheduler} only. */
final class HostState {

    final String key;
    /** The start clock of the host's site, shared by its origins (http and https, any port). */
    final SiteSpacing spacing;
    /** Its key in the waiting queue: when it was last found able to start (set only while out of it). */
    long wakeAt;
    long delayNanos;
    long nextAllowedNanos;
    int inFlight;
    boolean hasWork;
    boolean paused;
    boolean queued;
    long order;
    /** Requests started. */
    long started;
    /** started / (started + URLs queued), as last ranked: its place among due hosts, least first. */
    double done;
    /** Queued among the due hosts (else, if queued, among the waiting ones). */
    boolean due;

    HostState(String key, SiteSpacing spacing, long delayNanos, long now) {
        this.key = key;
        this.spacing = spacing;
        this.delayNanos = delayNanos;
        this.nextAllowedNanos = now;
    }

    /** Ranks the host among due hosts from its {@code backlog} of queued URLs. */
    void rank(long backlog) {
        done = started + backlog == 0 ? 1.0 : (double) started / (started + backlog);
    }

    /**
     * The time before which this host may not start a request, or {@code now} if it may now: its
     * own back-off, its site's spacing, and a request of its site handed out but not yet on the wire.
     */
    long mayStartAt(long now) {
        long at = earliestStart();
        if (spacing.unsent > 0) {
            long recheck = now + Math.max(delayNanos, 1_000_000L);
            at = at - recheck > 0 ? at : recheck;
        }
        return at - now > 0 ? at : now;
    }

    /** The later of its own back-off and its site's next start. */
    long earliestStart() {
        return nextAllowedNanos - spacing.nextStart > 0 ? nextAllowedNanos : spacing.nextStart;
    }

    boolean eligible(int maxInFlight) {
        return hasWork && !paused && inFlight < maxInFlight;
    }
}
