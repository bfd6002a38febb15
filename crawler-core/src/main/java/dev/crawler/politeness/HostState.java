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

    HostState(String key, long delayNanos, long now) {
        this.key = key;
        this.delayNanos = delayNanos;
        this.nextAllowedNanos = now;
    }

    boolean eligible(int maxInFlight) {
        return hasWork && !paused && inFlight < maxInFlight;
    }
}
