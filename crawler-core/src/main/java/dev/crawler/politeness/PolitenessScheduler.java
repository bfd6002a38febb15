package dev.crawler.politeness;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * Decides which host may start a request next (Mercator style).
 *
 * <p>Every host with queued work, a free connection slot and no pause sits in one priority queue
 * ordered by the time it may next start a request; the scheduler only looks at the head, so idle
 * or waiting hosts cost nothing. A host leaves the queue when it is handed out and comes back
 * when the caller reports the request started (if it still has work and a free slot) or
 * finished. Time is passed in by the caller, in {@link System#nanoTime()} units, so tests drive
 * it without sleeping. Not thread-safe: the crawler's coordinator owns it.
 */
public final class PolitenessScheduler {

    private final PolitenessPolicy policy;
    private final Map<String, HostState> hosts = new HashMap<>();
    private final PriorityQueue<HostState> ready = new PriorityQueue<>(
            Comparator.<HostState>comparingLong(h -> h.nextAllowedNanos).thenComparingLong(h -> h.order));
    private long sequence;

    public PolitenessScheduler(PolitenessPolicy policy) {
        this.policy = policy;
    }

    /** Tells that {@code host} has URLs queued (again). */
    public void workArrived(String host, long now) {
        HostState h = state(host, now);
        h.hasWork = true;
        requeue(h);
    }

    /** Hands out a host that may start a request at {@code now}, if any. */
    public Optional<String> nextReady(long now) {
        HostState head = ready.peek();
        if (head == null || head.nextAllowedNanos - now > 0) {
            return Optional.empty();
        }
        ready.poll();
        head.queued = false;
        return Optional.of(head.key);
    }

    /**
     * Records that a request to {@code host} (handed out by {@link #nextReady}) started at
     * {@code now}; {@code moreWork} tells whether the host still has URLs queued.
     */
    public void started(String host, long now, boolean moreWork) {
        HostState h = existing(host);
        h.inFlight++;
        h.nextAllowedNanos = now + h.delayNanos;
        h.hasWork = moreWork;
        requeue(h);
    }

    /** Puts back a host that was handed out but started nothing. */
    public void skip(String host, boolean moreWork) {
        HostState h = existing(host);
        h.hasWork = moreWork;
        requeue(h);
    }

    /** Records that a request to {@code host} finished. */
    public void finished(String host) {
        HostState h = existing(host);
        if (h.inFlight <= 0) {
            throw new IllegalStateException("no request in flight to " + host);
        }
        h.inFlight--;
        requeue(h);
    }

    /** Holds {@code host} back (while its robots.txt is fetched, say) until {@link #resume}. */
    public void pause(String host) {
        HostState h = existing(host);
        h.paused = true;
        if (h.queued) {
            ready.remove(h);
            h.queued = false;
        }
    }

    public void resume(String host) {
        HostState h = existing(host);
        h.paused = false;
        requeue(h);
    }

    /** Sets the delay of {@code host} from its robots.txt Crawl-delay (raised, capped by policy). */
    public void crawlDelay(String host, Duration crawlDelay, long now) {
        HostState h = state(host, now);
        h.delayNanos = PolitenessPolicy.spacing(policy.effectiveDelay(crawlDelay)).toNanos();
    }

    /** Keeps {@code host} from starting anything before {@code untilNanos} (Retry-After, back-off). */
    public void backOff(String host, long untilNanos, long now) {
        HostState h = state(host, now);
        if (untilNanos - h.nextAllowedNanos > 0) {
            h.nextAllowedNanos = untilNanos;
            if (h.queued) {
                ready.remove(h);
                h.queued = false;
                requeue(h);
            }
        }
    }

    /** When the earliest waiting host may start, if any host waits. */
    public OptionalLong nextWakeup() {
        HostState head = ready.peek();
        return head == null ? OptionalLong.empty() : OptionalLong.of(head.nextAllowedNanos);
    }

    public int inFlight(String host) {
        HostState h = hosts.get(host);
        return h == null ? 0 : h.inFlight;
    }

    /** Hosts waiting in the ready queue. */
    public int waitingHosts() {
        return ready.size();
    }

    private void requeue(HostState h) {
        if (!h.queued && h.eligible(policy.perHostConnections())) {
            h.order = sequence++;
            h.queued = true;
            ready.add(h);
        }
    }

    private HostState state(String host, long now) {
        return hosts.computeIfAbsent(host, k -> new HostState(k, PolitenessPolicy.spacing(policy.delay()).toNanos(), now));
    }

    private HostState existing(String host) {
        HostState h = hosts.get(host);
        if (h == null) {
            throw new IllegalStateException("unknown host " + host);
        }
        return h;
    }
}
