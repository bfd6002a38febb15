package dev.crawler.cluster;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.Frontier;
import dev.crawler.frontier.HostNote;
import dev.crawler.frontier.JournalEntry;
import dev.crawler.frontier.OutcomeSuperseded;
import dev.crawler.frontier.PageBudget;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's view of a crawl's frontier on Kafka, as the crawl engine sees a {@link Frontier}: the
 * requests of the hosts whose partitions this node holds, fed by {@link HostWork} news from the
 * Kafka Streams thread (handed to the owner's thread, never handled on Streams' own), and the
 * URLs this node finds, sent to the owners of their hosts. Every method runs on the owner's thread.
 *
 * <p>Whether a URL is new is decided by its host's owner; {@link #offer} only drops what this node
 * has sent lately (a bounded memo), so duplicates found here cost no message. A finished request's
 * outcome is sent only once every URL offered before it is acknowledged, and the returned future
 * completes when the outcome is acknowledged too: the index line written then is never ahead of
 * the links its page led to.
 *
 * <p>A partition taken over is held back for a {@link TakeoverGrace}, which its last owner's
 * handover marker ends early; a partition let go is handed over (the marker sent) once the
 * outcomes of what this node was fetching for it are acknowledged.
 */
public final class ClusterFrontier implements Frontier, HostWork {

    private static final Logger log = LoggerFactory.getLogger(ClusterFrontier.class);

    /** Where messages go: a {@link FrontierShare}, or a test's stand-in. */
    public interface Sender {
        CompletableFuture<Void> offer(CrawlRequest request);

        CompletableFuture<Void> finish(QueuedRequest done);

        /** Tells {@code partition}'s next owner that this node is done with it ({@link HandoverMarker}). */
        CompletableFuture<Void> handover(int partition);

        /** Keeps {@code note} in its host's partition ({@link HostNoteMessage}); sent nowhere by default. */
        default CompletableFuture<Void> note(HostNote note) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /**
     * Where the index line of a page is kept from just before its outcome is sent until the line
     * is published, and what an earlier run left there ({@link OutcomeJournal}).
     */
    public interface Journal {

        /** Keeps nothing: for tests of other things, and crawls without an index. */
        Journal NONE = new Journal() {
            @Override
            public CompletableFuture<Void> keep(OutcomeJournal.Pending pending) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Void> drop(long fingerprint) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Void> flushed() {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public List<JournalEntry> recovered() {
                return List.of();
            }
        };

        CompletableFuture<Void> keep(OutcomeJournal.Pending pending);

        CompletableFuture<Void> drop(long fingerprint);

        CompletableFuture<Void> flushed();

        /** The lines an earlier run kept whose outcome was applied: this run publishes them. */
        List<JournalEntry> recovered();
    }

    /**
     * Whether an outcome this node sent is, on the outcomes topic, its request's only one: asked
     * of an outcome that was on its way when this process stood still and whose partition was
     * taken meanwhile, since its record may then have reached the topic after the next owner
     * fetched and recorded the same request.
     */
    public interface OutcomeCheck {

        /** Trusts every outcome: for tests of other things. */
        OutcomeCheck TRUSTING = pending -> CompletableFuture.completedFuture(true);

        /** Completes, on any thread, with whether {@code pending}'s outcome from this node is on the topic and no other node's. */
        CompletableFuture<Boolean> onlyOurs(OutcomeJournal.Pending pending);
    }

    /** URLs remembered as sent: about 100 bytes each, so some 100 MB at most. */
    static final long SENT_MEMO = 1_000_000;

    /**
     * How long a node holds back the hosts of a partition it has just taken, before it fetches
     * from them: {@code idle} when the partition came with nothing queued (nothing can be under
     * way elsewhere, but its last owner may have fetched from a host a moment ago: the politeness
     * delay), {@code busy} when it came with requests, which its last owner may still be fetching
     * (the longest a fetch may take). The outcomes that arrive meanwhile take those requests out,
     * so they are not fetched twice; one still under way after the grace is (at least once).
     */
    public record TakeoverGrace(Duration idle, Duration busy) {

        /** No grace: for tests of other things. */
        public static final TakeoverGrace NONE = new TakeoverGrace(Duration.ZERO, Duration.ZERO);

        Duration after(List<QueuedRequest> adopted) {
            return adopted.isEmpty() ? idle : busy;
        }
    }

    private final Sender sender;
    private final Journal journal;
    /** URLs whose index line is in the journal until published. */
    private final Set<String> journaled = new HashSet<>();
    private final Executor owner;
    private final TakeoverGrace grace;
    /** Requests of partitions just taken, held back while their takeover grace lasts. */
    private final TakeoverHolds holds;
    /** Partitions let go while this node still fetches for them, handed over once it is done. */
    private final Handovers handovers;
    private final Cache<String, Boolean> sent;
    private final Map<String, ArrayDeque<QueuedRequest>> ready = new HashMap<>();
    private final Map<String, Integer> partitionOf = new HashMap<>();
    private final HeldNotes notes = new HeldNotes();
    /** The partitions this node holds: taken (or told of a request of), and not let go since. */
    private final Set<Integer> held = new HashSet<>();
    /**
     * Partitions let go after a pause because the brokers had given them to another node, until
     * they are taken again: news of them that the Streams thread still brings (it has not heard of
     * the move yet) is dropped.
     */
    private final Set<Integer> lost = new HashSet<>();
    private final Map<String, QueuedRequest> handedOut = new HashMap<>();
    /** Requests finished here whose outcome is not acknowledged yet (it waits for its links, then goes out). */
    private final Map<String, QueuedRequest> finishing = new HashMap<>();
    /** The highest sequence number told of per host held here, so that news told twice is dropped. */
    private final Map<String, Long> lastSequence = new HashMap<>();
    private List<CompletableFuture<Void>> unacked = new ArrayList<>();
    private long readyTotal;
    private Consumer<String> readyListener = host -> {
    };
    private Consumer<Throwable> failureListener = e -> {
    };
    private Runnable loadedListener = () -> {
    };
    /** Set once the whole crawl is over ({@link #crawlOver}): until then more work may come from elsewhere. */
    private boolean over;
    private Budgets budgets = Budgets.LOCAL;
    private OutcomeCheck check = OutcomeCheck.TRUSTING;
    /** Keeps requests in after this process stood still; none unless set. */
    private volatile PauseFence fence;
    /** Outcomes that came during a pause's hold, recorded (or let go) once it is over. */
    private List<Runnable> afterHold = new ArrayList<>();
    /** Requests under way here whose partition was taken while this process stood still: another node records them. */
    private final Set<String> takenDuringPause = new HashSet<>();

    /** Where the crawl's page budget comes from: counted over every node, or (tests) here alone. */
    public interface Budgets {

        /** Each node counts its own pages. */
        Budgets LOCAL = (maxPages, othersMoved) -> PageBudget.counting(maxPages);

        /**
         * The budget of {@code maxPages} page starts (-1: none); {@code othersMoved} (any thread)
         * when the other nodes' count has changed.
         */
        PageBudget open(long maxPages, Runnable othersMoved);
    }

    /**
     * @param timer ends takeover graces (each end is handed to {@code owner}); unused when
     *     {@code grace} is {@link TakeoverGrace#NONE}
     */
    public ClusterFrontier(Sender sender, Executor owner, TakeoverGrace grace, ScheduledExecutorService timer) {
        this(sender, owner, grace, timer, Journal.NONE, SENT_MEMO);
    }

    /** @param journal where the index lines of outcomes being sent are kept until published */
    public ClusterFrontier(Sender sender, Executor owner, TakeoverGrace grace, ScheduledExecutorService timer,
            Journal journal) {
        this(sender, owner, grace, timer, journal, SENT_MEMO);
    }

    ClusterFrontier(Sender sender, Executor owner, TakeoverGrace grace, ScheduledExecutorService timer, Journal journal,
            long memo) {
        this.sender = sender;
        this.journal = journal;
        this.owner = owner;
        this.grace = grace;
        this.handovers = new Handovers(sender::handover);
        this.holds = new TakeoverHolds(timer, this::tellOwner, grace.idle(), this::graceOver);
        this.sent = Caffeine.newBuilder().maximumSize(memo).executor(Runnable::run).build();
    }

    // ---- HostWork: on the Streams thread, handed to the owner

    @Override
    public void adopted(int partition, List<QueuedRequest> queued) {
        tellOwner(() -> {
            lost.remove(partition);
            held.add(partition);
            holds.taken(partition, grace.after(queued));
            queued.forEach(q -> add(partition, q));
        });
    }

    /**
     * The last owner is done with {@code partition}: its grace ends the politeness delay after the
     * marker came. Every request the last owner started to the partition's hosts ended before it
     * sent the marker (it waits for their outcomes), so the delay holds after the last of them,
     * even one it started after this node had taken the partition (it learns of the move on its
     * own thread, a moment after the brokers made it).
     */
    @Override
    public void handedOver(int partition) {
        tellOwner(() -> holds.handedOver(partition));
    }

    @Override
    public void finished(int partition, String hostKey, long sequence) {
        tellOwner(() -> {
            holds.finished(hostKey, sequence);
            ArrayDeque<QueuedRequest> queue = ready.get(hostKey);
            if (queue != null && queue.removeIf(q -> q.sequence() == sequence)) {
                readyTotal--; // another node's outcome (a node that stood still, its record late): not fetched here
            }
        });
    }

    /** The grace of {@code partition}'s adoption number {@code adoption} is over: its hosts are ready. */
    private void graceOver(int partition, long adoption) {
        holds.over(partition, adoption, hostsOf(partition), (host, held) -> {
            ArrayDeque<QueuedRequest> queue = ready.computeIfAbsent(host, h -> new ArrayDeque<>());
            boolean wasEmpty = queue.isEmpty();
            queue.addAll(held);
            readyTotal += held.size();
            if (wasEmpty) {
                readyListener.accept(host);
            }
        });
    }

    private Set<String> hostsOf(int partition) {
        Set<String> hosts = new HashSet<>();
        partitionOf.forEach((host, p) -> {
            if (p == partition) {
                hosts.add(host);
            }
        });
        return hosts;
    }

    @Override
    public void noted(int partition, HostNote note) {
        tellOwner(() -> {
            if (!lost.contains(partition)) {
                notes.put(partition, note);
            }
        });
    }

    @Override
    public void queued(int partition, QueuedRequest request) {
        tellOwner(() -> add(partition, request));
    }

    @Override
    public void released(int partition) {
        tellOwner(() -> release(partition));
    }

    /**
     * The brokers said which partitions are this node's after it stood still ({@code assigned}):
     * any other it holds was taken meanwhile, and is let go now, before its Kafka client hears of
     * it. Any thread; the future completes once that is done on the owner's thread.
     */
    CompletableFuture<Void> confirmOwnership(Set<Integer> assigned) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            owner.execute(() -> {
                for (int partition : new ArrayList<>(held)) {
                    if (!assigned.contains(partition)) {
                        log.warn("partition {} was given to another node while this one stood still: let go", partition);
                        lost.add(partition);
                        release(partition);
                    }
                }
                done.complete(null);
            });
        } catch (RejectedExecutionException e) {
            done.complete(null); // the crawl on this node is over
        }
        return done;
    }

    /** Lets {@code partition} go, once: its hosts are no longer this node's to fetch. */
    private void release(int partition) {
        if (!held.remove(partition)) {
            return; // let go already (after a pause, before the Streams thread told it)
        }
        notes.released(partition);
        Set<String> hosts = hostsOf(partition);
        holds.released(partition, hosts);
        PauseFence f = fence;
        boolean paused = f != null && f.holding();
        List<QueuedRequest> underWay = new ArrayList<>(handedOut.values());
        underWay.addAll(finishing.values()); // their outcomes too must reach the next owner before the marker
        List<String> forReleased = new ArrayList<>();
        for (QueuedRequest q : underWay) {
            if (hosts.contains(q.request().hostKey())) {
                forReleased.add(q.request().url());
                if (paused) {
                    takenDuringPause.add(q.request().url()); // taken from a node that stood still: not recorded here
                }
            }
        }
        handovers.letGo(partition, forReleased);
        for (String host : hosts) {
            partitionOf.remove(host);
            lastSequence.remove(host);
            ArrayDeque<QueuedRequest> q = ready.remove(host);
            if (q != null) {
                readyTotal -= q.size();
            }
        }
    }

    /**
     * Hands {@code news} to the owner's thread. Once the crawl has ended there, its thread may be
     * gone: the news is then of no use to anyone (the Streams thread closing its tasks, a late
     * acknowledgement), and is dropped rather than thrown back at the thread that brought it.
     */
    private void tellOwner(Runnable news) {
        try {
            owner.execute(news);
        } catch (RejectedExecutionException e) {
            // the owner's thread has stopped: the crawl on this node is over
        }
    }

    private void add(int partition, QueuedRequest q) {
        if (lost.contains(partition)) {
            return; // another node's now, though the Streams thread has not heard yet
        }
        held.add(partition);
        String host = q.request().hostKey();
        partitionOf.put(host, partition); // before anything else: a retry of one under way here stays here
        if (handedOut.containsKey(q.request().url())) {
            return; // already being fetched here; the partition came back to this node
        }
        Long last = lastSequence.get(host);
        if (last != null && q.sequence() <= last) {
            return; // told twice (adopted, then queued by a replay): a host's sequence only grows
        }
        lastSequence.put(host, q.sequence());
        if (holds.holding(partition)) {
            holds.hold(q);
            return;
        }
        ArrayDeque<QueuedRequest> queue = ready.computeIfAbsent(host, h -> new ArrayDeque<>());
        boolean wasEmpty = queue.isEmpty();
        queue.addLast(q);
        readyTotal++;
        if (wasEmpty) {
            readyListener.accept(host);
        }
    }

    /**
     * The whole crawl is over, as {@link ClusterQuiescence} found: nothing queued or in flight on
     * any node, nothing sent and not applied. Any thread; the owner is told on its own.
     */
    public void crawlOver() {
        tellOwner(() -> {
            if (!over) {
                over = true;
                loadedListener.run();
            }
        });
    }

    /** Hands nothing out while {@code fence} holds; before the engine opens on this frontier. */
    void pauseFence(PauseFence fence) {
        this.fence = fence;
    }

    /**
     * A pause's hold is over (any thread). On the owner's thread: the outcomes that came meanwhile
     * are recorded, or let go if their partition was taken, and the hosts with requests ready are woken.
     */
    void resumed() {
        tellOwner(() -> {
            List<Runnable> held = afterHold;
            afterHold = new ArrayList<>();
            held.forEach(Runnable::run);
            ready.forEach((host, queue) -> {
                if (!queue.isEmpty()) {
                    readyListener.accept(host);
                }
            });
        });
    }

    /** Sets how an outcome sent across a pause is checked; before the engine opens on this frontier. */
    void outcomeCheck(OutcomeCheck check) {
        this.check = check;
    }

    /** Sets where {@link #pageBudget} comes from; before the engine opens on this frontier. */
    void budgets(Budgets budgets) {
        this.budgets = budgets;
    }

    // ---- Frontier: on the owner's thread

    /**
     * A host's URLs are found on every node but handed out here only by its owner: the trap rules
     * that count URLs per host and queries per path judge them there, once, over all of them.
     */
    @Override
    public boolean judgesTrapsOnPoll() {
        return true;
    }

    /**
     * Sends {@code note} to be kept with its host's partition; not waited for (a note lost costs
     * the host's next owner some work done again, say a robots.txt fetched again).
     */
    @Override
    public void note(HostNote note) {
        sender.note(note).whenComplete((v, e) -> {
            if (e != null) {
                log.debug("a note about {} was not kept: {}", note.hostKey(), e.toString());
            }
        });
    }

    @Override
    public List<HostNote> notes(String hostKey) {
        return notes.take(hostKey);
    }

    /** Counted over every node of the crawl; when the others' count moves the engine checks again whether it is spent. */
    @Override
    public PageBudget pageBudget(long maxPages) {
        return budgets.open(maxPages, () -> tellOwner(() -> loadedListener.run()));
    }

    /** Until the whole crawl is over, work may come from the other nodes: the crawl here waits for it. */
    @Override
    public boolean loading() {
        return !over;
    }

    @Override
    public void onLoaded(Runnable listener) {
        this.loadedListener = listener;
    }

    @Override
    public Offer offer(CrawlRequest request) {
        if (sent.asMap().putIfAbsent(request.url(), Boolean.TRUE) != null) {
            return Offer.DUPLICATE;
        }
        CompletableFuture<Void> acked = sender.offer(request);
        acked.whenComplete((v, e) -> {
            if (e != null) {
                tellOwner(() -> failureListener.accept(e));
            }
        });
        unacked.add(acked);
        return Offer.QUEUED; // its owner queues it, and says so through HostWork
    }

    @Override
    public boolean markSeen(String normalizedUrl) {
        return sent.asMap().putIfAbsent(normalizedUrl, Boolean.TRUE) == null;
    }

    @Override
    public Optional<CrawlRequest> poll(String hostKey) {
        ArrayDeque<QueuedRequest> queue = ready.get(hostKey);
        if (queue == null || queue.isEmpty()) {
            return Optional.empty();
        }
        PauseFence f = fence;
        if (f != null && f.holding()) {
            return Optional.empty(); // this process stood still: its hosts may be another node's now
        }
        QueuedRequest q = queue.pollFirst();
        readyTotal--;
        handedOut.put(q.request().url(), q);
        return Optional.of(q.request());
    }

    @Override
    public boolean hasQueued(String hostKey) {
        ArrayDeque<QueuedRequest> queue = ready.get(hostKey);
        return queue != null && !queue.isEmpty();
    }

    @Override
    public long queued(String hostKey) {
        ArrayDeque<QueuedRequest> queue = ready.get(hostKey);
        return queue == null ? 0 : queue.size();
    }

    /** Requests ready here, and those held back while their hosts' takeover grace lasts. */
    @Override
    public long queued() {
        return readyTotal + holds.held();
    }

    @Override
    public long seen() {
        return sent.estimatedSize();
    }

    @Override
    public void onReady(Consumer<String> listener) {
        this.readyListener = listener;
    }

    @Override
    public void onFailure(Consumer<Throwable> listener) {
        this.failureListener = listener;
    }

    @Override
    public CompletableFuture<Void> finish(CrawlRequest request, byte[] record) {
        QueuedRequest done = handedOut.remove(request.url());
        if (done == null) {
            throw new IllegalStateException("not handed out: " + request.url());
        }
        CompletableFuture<Void> linksAcked = CompletableFuture.allOf(unacked.toArray(CompletableFuture[]::new));
        unacked = new ArrayList<>();
        // sent from the owner's thread: the acknowledgement completes on the producer's own I/O
        // thread, where a send waiting for the outcomes topic's metadata would wait on itself
        CompletableFuture<Void> kept = linksAcked;
        if (record != null) {
            // kept before the outcome goes out: a node killed after its outcome was applied, and
            // before the line is in the index, writes the line when started again
            journaled.add(request.url());
            OutcomeJournal.Pending pending = new OutcomeJournal.Pending(request.hostKey(), done.sequence(), request.url(),
                    System.currentTimeMillis(), record);
            kept = linksAcked.thenCompose(v -> journal.keep(pending));
        }
        finishing.put(request.url(), done);
        long pausesAtFinish = pauses();
        long finishedAt = System.currentTimeMillis();
        CompletableFuture<Void> outcomeAcked = kept.thenComposeAsync(v -> sendOutcome(done), owner)
                .thenComposeAsync(v -> pausedSince(pausesAtFinish) && record != null
                        ? settleAfterPause(done, finishedAt, record) : CompletableFuture.completedFuture(null), owner);
        outcomeAcked.whenComplete((v, e) -> tellOwner(() -> {
            finishing.remove(request.url());
            handovers.ended(request.url()); // if let go meanwhile, the next owner is told once the last one is done
        }));
        return outcomeAcked;
    }

    private long pauses() {
        PauseFence f = fence;
        return f == null ? 0 : f.pauses();
    }

    /** Whether this process stood still since it had seen {@code pauses} pauses, or may be standing still now. */
    private boolean pausedSince(long pauses) {
        PauseFence f = fence;
        return f != null && (f.pauses() != pauses || f.holding());
    }

    /**
     * On the owner's thread: the outcome of {@code done} is acknowledged, but this process stood
     * still while it was on its way. Once the pause's hold is over: if its partition stayed, it
     * stands; if the partition was taken meanwhile, its record may have reached the topic after the
     * next owner fetched and recorded the same request, so it stands only if it is the request's
     * only outcome on the topic ({@link OutcomeCheck}); else it is superseded and its line dropped.
     * A check that fails lets it stand (a line twice is better than none).
     */
    private CompletableFuture<Void> settleAfterPause(QueuedRequest done, long finishedAt, byte[] record) {
        CompletableFuture<Void> settled = new CompletableFuture<>();
        String url = done.request().url();
        Runnable decide = () -> {
            if (!takenDuringPause.remove(url)) {
                settled.complete(null);
                return;
            }
            OutcomeJournal.Pending pending = new OutcomeJournal.Pending(done.request().hostKey(), done.sequence(), url,
                    finishedAt, record);
            check.onlyOurs(pending).whenComplete((ours, e) -> tellOwner(() -> {
                if (e != null) {
                    log.warn("cannot tell whether the outcome of {} sent across a pause is its only one ({}): it is recorded",
                            url, e.toString());
                    settled.complete(null);
                } else if (ours) {
                    settled.complete(null);
                } else {
                    if (journaled.remove(url)) {
                        journal.drop(OutcomeJournal.fingerprint(url));
                    }
                    settled.completeExceptionally(new OutcomeSuperseded(url, "its outcome reached the brokers after this"
                            + " node stood still, behind the one of the node its host was given to"));
                }
            }));
        };
        PauseFence f = fence;
        if (f != null && f.holding()) {
            afterHold.add(decide);
        } else {
            decide.run();
        }
        return settled;
    }

    /**
     * On the owner's thread: sends the outcome of {@code done}, unless this process stood still a
     * moment ago: then once the pause's hold is over, and only if its partition was not taken
     * meanwhile (otherwise the next owner fetches and records it, and nothing is recorded here).
     */
    private CompletableFuture<Void> sendOutcome(QueuedRequest done) {
        PauseFence f = fence;
        if (f != null && f.holding()) {
            CompletableFuture<Void> later = new CompletableFuture<>();
            afterHold.add(() -> sendOutcome(done).whenComplete((v, e) -> {
                if (e != null) {
                    later.completeExceptionally(e);
                } else {
                    later.complete(v);
                }
            }));
            return later;
        }
        String url = done.request().url();
        if (takenDuringPause.remove(url)) {
            if (journaled.remove(url)) {
                journal.drop(OutcomeJournal.fingerprint(url));
            }
            return CompletableFuture.failedFuture(new OutcomeSuperseded(url, "its host was given to another node while"
                    + " this one stood still, and is fetched and recorded there"));
        }
        return sender.finish(done);
    }

    /**
     * A URL recorded without being queued has nothing of its own to send; its record waits for the
     * links offered so far, which stay pending for the next {@link #finish} too: that finish's
     * outcome must not go out before them. (The engine records such URLs for trap rules that judge
     * links as found; on this frontier they judge them on poll, so none comes here today.)
     */
    @Override
    public CompletableFuture<Void> record(String normalizedUrl, byte[] record) {
        return CompletableFuture.allOf(unacked.toArray(CompletableFuture[]::new));
    }

    @Override
    public void published(String normalizedUrl) {
        if (journaled.remove(normalizedUrl)) {
            journal.drop(OutcomeJournal.fingerprint(normalizedUrl));
        }
    }

    @Override
    public List<JournalEntry> recoveredJournal() {
        return journal.recovered();
    }

    @Override
    public void forget(JournalEntry entry) {
        journal.drop(entry.fingerprint());
    }

    @Override
    public CompletableFuture<Void> checkpoint() {
        return journal.flushed();
    }

    @Override
    public boolean requeue(CrawlRequest request) {
        takenDuringPause.remove(request.url());
        QueuedRequest q = handedOut.remove(request.url());
        if (q == null) {
            throw new IllegalStateException("not handed out: " + request.url());
        }
        if (!partitionOf.containsKey(request.hostKey())) {
            handovers.ended(request.url());
            return false; // the host's partition moved away meanwhile: its new owner has it queued
        }
        ArrayDeque<QueuedRequest> queue = ready.computeIfAbsent(request.hostKey(), h -> new ArrayDeque<>());
        boolean wasEmpty = queue.isEmpty();
        queue.addFirst(new QueuedRequest(q.sequence(), request));
        readyTotal++;
        return wasEmpty;
    }
}
