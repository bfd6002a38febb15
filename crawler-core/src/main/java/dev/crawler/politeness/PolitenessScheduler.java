package dev.crawler.politeness;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * Decides which host may start a request next (Mercator style).
 *
 * <p>Every host with queued work, a free connection slot and no pause waits in one priority
 * queue ordered by the time it may next start a request; the scheduler only looks at the head, so
 * idle or waiting hosts cost nothing. Hosts whose time has come move to a second queue, least
 * done first: ranked by the share of their known URLs they have started (started / (started +
 * queued)). When the crawl's concurrency, not politeness, is the limit, this keeps every host's
 * progress even, so hosts finish together instead of a few draining one connection slot at a time
 * at the end; a host that was passed over, or whose queue grew, moves up. (Ranking by the longest
 * queue alone starves hosts: a host being crawled finds its own links and stays longest.) A host
 * leaves the queues when it is handed out and comes back when the caller reports the request
 * started (if it still has work and a free slot) or finished. Time is passed in by the caller, in
 * {@link System#nanoTime()} units, so tests drive it without sleeping. Not thread-safe: the
 * crawler's coordinator owns it.
 */
public final class PolitenessScheduler {

    private final PolitenessPolicy policy;
    private final ToLongFunction<String> backlog;
    private final Map<String, HostState> hosts = new HashMap<>();
    /** Hosts that may start once their time has come, by that time. */
    private final PriorityQueue<HostState> waiting = new PriorityQueue<>(
            Comparator.<HostState>comparingLong(h -> h.nextAllowedNanos).thenComparingLong(h -> h.order));
    /**
     * Hosts whose time has come, least done first. A host's rank is kept up to date by
     * {@link #backlogChanged}; it is only changed while the host is out of the set.
     */
    private final TreeSet<HostState> due = new TreeSet<>(
            Comparator.<HostState>comparingDouble(h -> h.done).thenComparingLong(h -> h.order));
    private long sequence;

    /** A scheduler that knows nothing of backlogs: hosts whose time has come go in turn. */
    public PolitenessScheduler(PolitenessPolicy policy) {
        this(policy, host -> 0);
    }

    /**
     * @param backlog how many URLs a host has queued (read when the host becomes due)
     */
    public PolitenessScheduler(PolitenessPolicy policy, ToLongFunction<String> backlog) {
        this.policy = policy;
        this.backlog = backlog;
    }

    /** Tells that {@code host} has URLs queued (again). */
    public void workArrived(String host, long now) {
        HostState h = state(host, now);
        h.hasWork = true;
        requeue(h);
    }

    /** Hands out a host that may start a request at {@code now}, if any. */
    public Optional<String> nextReady(long now) {
        for (HostState h = waiting.peek(); h != null && h.nextAllowedNanos - now <= 0; h = waiting.peek()) {
            waiting.poll();
            h.rank(backlog.applyAsLong(h.key));
            h.due = true;
            due.add(h);
        }
        HostState head = due.pollFirst();
        if (head == null) {
            return Optional.empty();
        }
        head.due = false;
        head.queued = false;
        return Optional.of(head.key);
    }

    /** Tells that {@code host} has more (or fewer) URLs queued than before: re-ranks it if it is due. */
    public void backlogChanged(String host) {
        HostState h = hosts.get(host);
        if (h != null && h.due) {
            due.remove(h);
            h.rank(backlog.applyAsLong(host));
            due.add(h);
        }
    }

    /**
     * Records that a request to {@code host} (handed out by {@link #nextReady}) started at
     * {@code now}; {@code moreWork} tells whether the host still has URLs queued.
     */
    public void started(String host, long now, boolean moreWork) {
        HostState h = existing(host);
        h.inFlight++;
        h.started++;
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
        dequeue(h);
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
                dequeue(h);
                requeue(h);
            }
        }
    }

    /** When the earliest waiting host may start, if any host waits. */
    public OptionalLong nextWakeup() {
        HostState head = due.isEmpty() ? waiting.peek() : due.first();
        return head == null ? OptionalLong.empty() : OptionalLong.of(head.nextAllowedNanos);
    }

    public int inFlight(String host) {
        HostState h = hosts.get(host);
        return h == null ? 0 : h.inFlight;
    }

    /**
     * What {@code host} waits on, for a watchdog's dump: requests in flight, when it may start
     * next (relative to {@code now}), and whether it is queued, paused or out of work.
     */
    public String describe(String host, long now) {
        HostState h = hosts.get(host);
        if (h == null) {
            return "unknown to the scheduler";
        }
        return "in flight " + h.inFlight + ", next start in " + (h.nextAllowedNanos - now) / 1_000_000 + " ms"
                + (h.queued ? (h.due ? ", due" : ", waiting") : ", not queued")
                + (h.paused ? ", paused" : "") + (h.hasWork ? "" : ", no work known");
    }

    /** Every host the scheduler knows. */
    public java.util.Set<String> hosts() {
        return java.util.Collections.unmodifiableSet(hosts.keySet());
    }

    /** Hosts queued to start a request, now or later. */
    public int waitingHosts() {
        return waiting.size() + due.size();
    }

    private void requeue(HostState h) {
        if (!h.queued && h.eligible(policy.perHostConnections())) {
            h.order = sequence++;
            h.queued = true;
            waiting.add(h);
        }
    }

    private void dequeue(HostState h) {
        if (h.queued) {
            if (h.due) {
                due.remove(h);
                h.due = false;
            } else {
                waiting.remove(h);
            }
            h.queued = false;
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
