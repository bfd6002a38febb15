package dev.crawler.politeness;

/** Politeness state of one host; owned and mutated by {@link PolitenessScheduler} only. */
final class HostState {

    final String key;
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

    HostState(String key, long delayNanos, long now) {
        this.key = key;
        this.delayNanos = delayNanos;
        this.nextAllowedNanos = now;
    }

    /** Ranks the host among due hosts from its {@code backlog} of queued URLs. */
    void rank(long backlog) {
        done = started + backlog == 0 ? 1.0 : (double) started / (started + backlog);
    }

    boolean eligible(int maxInFlight) {
        return hasWork && !paused && inFlight < maxInFlight;
    }
}
