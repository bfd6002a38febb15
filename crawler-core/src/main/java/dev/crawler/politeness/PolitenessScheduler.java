package dev.crawler.politeness;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
 *
 * <p>With a per-IP budget ({@link PolitenessPolicy#perIp()}), hosts that resolve to one address
 * also share an {@link AddressBudget}: a start clock and a cap on requests in flight. A host's
 * address is asked of an {@link AddressFinder} when the host first becomes known, and the host
 * starts nothing until the answer has come. A host whose turn comes while its address is full
 * waits in that budget, out of the queues, until a request to the address ends.
 *
 * <p>The delay kept to a host ({@link HostDelay}) may grow beyond the configured one: with an
 * adaptive factor, to that factor times its recent response times; after 429 or 503 responses
 * without Retry-After ({@link #slowedDown}), doubling each time, then narrowing back with each
 * success ({@link #answered}); both capped by the policy's {@code maxCrawlDelay}.
 */
public final class PolitenessScheduler {

    private final PolitenessPolicy policy;
    private final ToLongFunction<String> backlog;
    private final java.util.function.UnaryOperator<String> siteOf;
    private final Map<String, HostState> hosts = new HashMap<>();
    private final Map<String, SiteSpacing> sites = new HashMap<>();
    private final Map<String, AddressBudget> addresses = new HashMap<>();
    private final AddressFinder finder;
    /** Hosts that may start once their time has come, by that time. */
    private final WaitingHosts waiting = new WaitingHosts();
    /**
     * Hosts whose time has come, least done first. A host's rank is kept up to date by
     * {@link #backlogChanged}; it is only changed while the host is out of the set.
     */
    private final TreeSet<HostState> due = new TreeSet<>(
            Comparator.<HostState>comparingDouble(h -> h.done).thenComparingLong(h -> h.order));
    private long sequence;
    /** Hosts with at least one request in flight. */
    private int activeHosts;

    /** A scheduler that knows nothing of backlogs: hosts whose time has come go in turn. */
    public PolitenessScheduler(PolitenessPolicy policy) {
        this(policy, host -> 0);
    }

    /**
     * @param backlog how many URLs a host has queued (read when the host becomes due)
     */
    public PolitenessScheduler(PolitenessPolicy policy, ToLongFunction<String> backlog) {
        this(policy, backlog, host -> host);
    }

    /**
     * @param backlog how many URLs a host has queued (read when the host becomes due)
     * @param siteOf the site of a host key: hosts of one site share their request spacing (the
     *     crawler maps {@code http://h:80} and {@code https://h:443} both to {@code h})
     */
    public PolitenessScheduler(PolitenessPolicy policy, ToLongFunction<String> backlog,
            java.util.function.UnaryOperator<String> siteOf) {
        this(policy, backlog, siteOf, AddressFinder.literalsOnly());
    }

    /**
     * @param finder where the address of a host's site is found, when the policy has a per-IP
     *     budget (not asked otherwise)
     */
    public PolitenessScheduler(PolitenessPolicy policy, ToLongFunction<String> backlog,
            java.util.function.UnaryOperator<String> siteOf, AddressFinder finder) {
        this.policy = policy;
        this.backlog = backlog;
        this.siteOf = siteOf;
        this.finder = finder;
    }

    /** Tells that {@code host} has URLs queued (again). */
    public void workArrived(String host, long now) {
        HostState h = state(host, now);
        h.hasWork = true;
        requeue(h);
    }

    /** Hands out a host that may start a request at {@code now}, if any. */
    public Optional<String> nextReady(long now) {
        promote(now);
        for (HostState head = due.pollFirst(); head != null; head = due.pollFirst()) {
            head.due = false;
            long at = head.mayStartAt(now);
            if (at != now) {
                head.wakeAt = at;
                waiting.add(head);
                continue;
            }
            head.queued = false;
            if (head.address != null && head.address.full(policy.perIpConnections())) {
                head.address.block(head); // back when a request to its address ends
                continue;
            }
            return Optional.of(head.key);
        }
        return Optional.empty();
    }

    /** Moves the waiting hosts whose time has come at {@code now} among the due ones. */
    private void promote(long now) {
        for (HostState h = waiting.peek(); h != null && h.wakeAt - now <= 0; h = waiting.peek()) {
            waiting.poll();
            long at = h.mayStartAt(now);
            if (at != now) {
                h.wakeAt = at; // its site started meanwhile: look again then
                waiting.add(h);
                continue;
            }
            h.rank(backlog.applyAsLong(h.key));
            h.due = true;
            due.add(h);
        }
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
     * Records that a request to {@code host} (handed out by {@link #nextReady}) starts at
     * {@code now}; {@code moreWork} tells whether the host still has URLs queued. The returned
     * {@link Start} holds the host's connection slot, and (with a delay to keep) its site's next
     * start, until it is told the request was written or finished; it gives them back once.
     */
    public Start started(String host, long now, boolean moreWork) {
        HostState h = existing(host);
        h.hasWork = moreWork;
        return begin(h, now);
    }

    /** Counts a request to {@code h} starting at {@code now}: its slots taken, its spacings held. */
    private Start begin(HostState h, long now) {
        if (h.inFlight++ == 0) {
            activeHosts++;
        }
        h.started++;
        h.spacing.wrote(now, h.delayNanos); // a floor: the write comes later and moves it on
        boolean held = h.delayNanos > 0;
        if (held) {
            h.spacing.unsent++;
        }
        AddressBudget a = h.address;
        boolean addressHeld = a != null && a.delayNanos > 0;
        if (a != null) {
            a.inFlight++;
            a.spacing.wrote(now, a.delayNanos);
            if (addressHeld) {
                a.spacing.unsent++;
            }
        }
        if (h.queued) {
            dequeue(h);
        }
        requeue(h);
        return new Start(h, held, addressHeld);
    }

    /**
     * One request start to a host, handed out by {@link #started}: it gives back the site's hold
     * when its request is on the wire ({@link #sent}), the host's connection slot when the server
     * is done with it ({@link #answered}) or else when it ends ({@link #finished}), and its place in
     * its address's budget when it ends, each exactly once however often it is told.
     */
    public final class Start {
        private final HostState host;
        /** The address budget the request counts against, fixed when it started; null if none. */
        private final AddressBudget address;
        private boolean holding;
        private boolean holdingAddress;
        private boolean written;
        private long writtenAt;
        private boolean answered;
        private boolean finished;

        private Start(HostState host, boolean holding, boolean holdingAddress) {
            this.host = host;
            this.address = host.address;
            this.holding = holding;
            this.holdingAddress = holdingAddress;
        }

        /**
         * The request was written at {@code at} (nanoTime): the site's next start is the delay
         * after it, and its address's next start the per-IP delay after it.
         */
        public void sent(long at) {
            if (finished) {
                return;
            }
            host.spacing.wrote(at, host.delayNanos);
            if (holding) {
                holding = false;
                host.spacing.unsent--;
            }
            if (address != null) {
                address.spacing.wrote(at, address.delayNanos);
                if (holdingAddress) {
                    holdingAddress = false;
                    address.spacing.unsent--;
                }
            }
            if (!written) {
                written = true;
                writtenAt = at;
            }
        }

        /**
         * The request ended at {@code at}; if its writing was never reported, it counts as written
         * then. Gives back what it still holds: the host's connection slot unless
         * {@linkplain #answered answered} already, and its place in its address's budget. A
         * second call is a bug and throws.
         */
        public void finished(long at) {
            if (finished) {
                throw new IllegalStateException("request to " + host.key + " finished twice");
            }
            if (!answered) {
                freeHost(at);
            }
            finished = true;
            if (address != null) {
                address.released().forEach(PolitenessScheduler.this::requeue);
            }
            requeue(host);
        }

        /**
         * The server was done with the request at {@code at} (its response is whole; the caller
         * only waits on its connection, which carries the host's next request afterwards): the
         * host's connection slot comes back now, and the response time is {@code at} less the
         * writing. The request keeps its place in its address's budget until {@link #finished},
         * as the address counts requests at the server, and a request to another host there
         * would go at once. Does nothing after the first call or once finished.
         */
        public void answered(long at) {
            if (answered || finished) {
                return;
            }
            freeHost(at);
            requeue(host);
        }

        private void freeHost(long at) {
            boolean timed = written;
            if (holding || holdingAddress) {
                sent(at);
            }
            answered = true;
            if (--host.inFlight == 0) {
                activeHosts--;
            }
            if (timed && policy.adaptiveFactor() > 0) {
                host.pace.responded(at - writtenAt);
                repace(host);
            }
        }

    }

    /**
     * When a request a start makes on its own to {@code host} (a redirect hop of robots.txt) may
     * go: {@code now} if it may now, else the time to ask again.
     */
    public long hopAllowedAt(String host, long now) {
        HostState h = state(host, now);
        if (h.address != null && h.address.full(policy.perIpConnections())) {
            return now + Math.max(h.address.delayNanos, 5_000_000L); // its address is full: ask again then
        }
        return h.mayStartAt(now);
    }

    /**
     * Records such a request to {@code host} starting at {@code now} (when {@link #hopAllowedAt}
     * said it may): it holds its site's spacing and counts in flight like any start, but leaves
     * the host's queue and its work as they are.
     */
    public Start startHop(String host, long now) {
        return begin(state(host, now), now);
    }

    /** Puts back a host that was handed out but started nothing. */
    public void skip(String host, boolean moreWork) {
        HostState h = existing(host);
        h.hasWork = moreWork;
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

    /**
     * Sets the delay of {@code host} from its robots.txt Crawl-delay (raised, capped by policy). It
     * counts from the latest request already written to its site (robots.txt itself), and every
     * origin of the site keeps the longest delay any of them asked for.
     */
    public void crawlDelay(String host, Duration crawlDelay, long now) {
        HostState h = state(host, now);
        h.pace.base(policy.effectiveDelay(crawlDelay).toNanos());
        h.delayNanos = delayOf(h);
        h.spacing.delayRaised(h.delayNanos);
        if (h.queued) {
            dequeue(h);
            requeue(h);
        }
    }

    /**
     * {@code host} answered 429 or 503 without Retry-After: the delay kept to it doubles (to at
     * least {@value HostDelay#MIN_WIDENING_NANOS} ns), up to the policy's {@code maxCrawlDelay},
     * counted from its latest request already written.
     */
    public void slowedDown(String host, long now) {
        HostState h = state(host, now);
        h.pace.widen(policy.maxCrawlDelay().toNanos(), policy.adaptiveFactor());
        repace(h);
    }

    /** {@code host} answered (not a 429, 503 or other failure worth a retry): a widened delay narrows by a quarter. */
    public void answered(String host, long now) {
        HostState h = state(host, now);
        if (h.pace.widened()) {
            h.pace.narrow();
            repace(h);
        }
    }

    /** The delay now kept to {@code host} (with the scheduler's margin), in nanoseconds. */
    public long delayNanos(String host) {
        HostState h = hosts.get(host);
        return h == null ? PolitenessPolicy.spacing(policy.delay()).toNanos() : h.delayNanos;
    }

    /** Takes up a change in {@code h}'s pace: a longer delay counts from its latest write already made. */
    private void repace(HostState h) {
        long delay = delayOf(h);
        if (delay == h.delayNanos) {
            if (h.queued && !h.due) {
                waiting.reconsider(h); // its widening may have ended all the same
            }
            return;
        }
        h.delayNanos = delay;
        h.spacing.lengthened(delay);
        if (h.queued) {
            dequeue(h);
            requeue(h);
        }
    }

    private long delayOf(HostState h) {
        return PolitenessPolicy.spacing(Duration.ofNanos(
                h.pace.current(policy.maxCrawlDelay().toNanos(), policy.adaptiveFactor()))).toNanos();
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
        return head == null ? OptionalLong.empty() : OptionalLong.of(head.wakeAt);
    }

    public int inFlight(String host) {
        HostState h = hosts.get(host);
        return h == null ? 0 : h.inFlight;
    }

    /** Hosts with at least one request in flight (a page, a robots.txt, a redirect hop). */
    public int activeHosts() {
        return activeHosts;
    }

    /**
     * Hosts with URLs queued that may not start one at {@code now} because they back off (see
     * {@link #backOff}, {@link #slowedDown}), not because of their ordinary spacing, their
     * connection slots or the crawl's concurrency.
     */
    public int backingOffHosts(long now) {
        promote(now); // a host whose back-off is over waits on nothing more than the crawl
        return waiting.backingOff();
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
        return "in flight " + h.inFlight + ", next start in " + (h.mayStartAt(now) - now) / 1_000_000 + " ms"
                + (h.spacing.unsent > 0 ? " (" + h.spacing.unsent + " of its site not yet sent)" : "")
                + (h.queued ? (h.due ? ", due" : ", waiting") : ", not queued")
                + (h.paused ? ", paused" : "") + (h.hasWork ? "" : ", no work known")
                + (h.addressPending ? ", its address being looked up" : "")
                + (h.address == null ? "" : ", address " + h.address.address + " with " + h.address.inFlight
                        + " in flight");
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
            h.wakeAt = h.earliestStart();
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
        HostState h = hosts.get(host);
        if (h == null) {
            String site = siteOf.apply(host);
            h = new HostState(host, sites.computeIfAbsent(site, s -> new SiteSpacing(now)), policy.delay().toNanos(),
                    PolitenessPolicy.spacing(policy.delay()).toNanos(), now);
            hosts.put(host, h);
            if (policy.perIp()) {
                HostState found = h;
                found.addressPending = true;
                finder.find(site, address -> addressFound(found, address, now));
            }
        }
        return h;
    }

    /** The address of {@code h} is known (or is not to be had): it joins its budget and may start. */
    private void addressFound(HostState h, Optional<java.net.InetAddress> address, long now) {
        if (!h.addressPending) {
            throw new IllegalStateException("the address of " + h.key + " was given twice");
        }
        h.addressPending = false;
        address.ifPresent(a -> h.address = addresses.computeIfAbsent(a.getHostAddress(), key ->
                new AddressBudget(key, PolitenessPolicy.spacing(policy.perIpDelay()).toNanos(), now)));
        requeue(h);
    }

    private HostState existing(String host) {
        HostState h = hosts.get(host);
        if (h == null) {
            throw new IllegalStateException("unknown host " + host);
        }
        return h;
    }
}
