package dev.crawler.politeness;

/** Politeness state of one host; owned and mutated by {@link PolitenessScheduler} only. */
final class HostState {

    final String key;
    /** The start clock of the host's site, shared by its origins (http and https, any port). */
    final SiteSpacing spacing;
    /** The delay it keeps, from its configured delay, its response times and rate limiting. */
    final HostDelay pace;
    /** The budget of the address it resolves to, shared with the other hosts there; null if none applies. */
    AddressBudget address;
    /** Waiting for its address to be known, without which its requests cannot be counted against one. */
    boolean addressPending;
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
    /** Counted by {@link WaitingHosts} as waiting on a back-off (set and cleared there only). */
    boolean backingOff;

    HostState(String key, SiteSpacing spacing, long baseDelayNanos, long delayNanos, long now) {
        this.key = key;
        this.spacing = spacing;
        this.pace = new HostDelay(baseDelayNanos);
        this.delayNanos = delayNanos;
        this.nextAllowedNanos = now;
    }

    /** Ranks the host among due hosts from its {@code backlog} of queued URLs. */
    void rank(long backlog) {
        done = started + backlog == 0 ? 1.0 : (double) started / (started + backlog);
    }

    /**
     * The time before which this host may not start a request, or {@code now} if it may now: its
     * own back-off, its site's and its address's spacing, and a request of its site or address handed
     * out but not yet on the wire.
     */
    long mayStartAt(long now) {
        long at = earliestStart();
        if (spacing.unsent > 0) {
            at = later(at, now + Math.max(delayNanos, 1_000_000L));
        }
        if (address != null && address.spacing.unsent > 0) {
            at = later(at, now + Math.max(address.delayNanos, 1_000_000L));
        }
        return later(at, now);
    }

    /** The latest of its own back-off, its site's next start and its address's. */
    long earliestStart() {
        long at = later(nextAllowedNanos, spacing.nextStart);
        return address == null ? at : later(at, address.spacing.nextStart);
    }

    /**
     * Whether the time it waits for ({@link #wakeAt}) is set by a back-off rather than by ordinary
     * spacing: its own pause (a Retry-After, a retry's back-off) when that ends after its site's
     * and its address's next start, or a delay that 429 or 503 responses widened ({@link HostDelay#widened}).
     */
    boolean waitsOnBackOff() {
        long spaced = address == null ? spacing.nextStart : later(spacing.nextStart, address.spacing.nextStart);
        return (wakeAt == nextAllowedNanos && nextAllowedNanos - spaced > 0) || pace.widened();
    }

    private static long later(long a, long b) {
        return a - b > 0 ? a : b;
    }

    boolean eligible(int maxInFlight) {
        return hasWork && !paused && !addressPending && inFlight < maxInFlight;
    }
}
