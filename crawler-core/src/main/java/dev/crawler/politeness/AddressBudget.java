package dev.crawler.politeness;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the hosts resolving to one IP address share (BUbiNG's workbench entry): a start clock, so
 * their request starts are at least the per-IP delay apart as the address sees them, and a count
 * of requests in flight, capped by the per-IP connections. A host whose turn came while the
 * address was full waits here, out of the scheduler's queues, until a request to the address ends.
 * Owned by {@link PolitenessScheduler}.
 */
final class AddressBudget {

    final String address;
    /** The start clock of the address; its delay is the per-IP delay. */
    final SiteSpacing spacing;
    final long delayNanos;
    int inFlight;
    private final Set<HostState> blocked = new LinkedHashSet<>();

    AddressBudget(String address, long delayNanos, long now) {
        this.address = address;
        this.delayNanos = delayNanos;
        this.spacing = new SiteSpacing(now);
    }

    /** Whether another request may go to the address with at most {@code maxInFlight} (0: any number). */
    boolean full(int maxInFlight) {
        return maxInFlight > 0 && inFlight >= maxInFlight;
    }

    /** {@code host} may start but the address is full: it waits for {@link #released}. */
    void block(HostState host) {
        blocked.add(host);
    }

    /** A request to the address ended: the hosts that waited for a slot, to be queued again. */
    List<HostState> released() {
        inFlight--;
        List<HostState> waiting = new ArrayList<>(blocked);
        blocked.clear();
        return waiting;
    }
}
