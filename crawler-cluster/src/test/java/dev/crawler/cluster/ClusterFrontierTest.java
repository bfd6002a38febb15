package dev.crawler.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.Frontier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A node's frontier over its partitions, with the messages it sends held in the test's hand: what
 * its partitions hold is handed out in order, duplicates it found cost nothing, and an outcome
 * goes out only after the links its page led to were acknowledged.
 */
class ClusterFrontierTest {

    /** The messages sent, each with the future the test completes as the brokers would. */
    static final class Held implements ClusterFrontier.Sender {
        final List<String> sent = new ArrayList<>();
        final List<CompletableFuture<Void>> acks = new ArrayList<>();

        @Override
        public CompletableFuture<Void> offer(CrawlRequest request) {
            return record("link " + request.url());
        }

        @Override
        public CompletableFuture<Void> finish(QueuedRequest done) {
            return record("outcome " + done.request().hostKey() + "#" + done.sequence());
        }

        @Override
        public CompletableFuture<Void> handover(int partition) {
            return record("handover " + partition);
        }

        private CompletableFuture<Void> record(String what) {
            sent.add(what);
            CompletableFuture<Void> f = new CompletableFuture<>();
            acks.add(f);
            return f;
        }
    }

    private final Held sender = new Held();
    private final ClusterFrontier frontier = new ClusterFrontier(sender, Runnable::run, ClusterFrontier.TakeoverGrace.NONE, null);
    private final List<String> woken = new ArrayList<>();

    ClusterFrontierTest() {
        frontier.onReady(woken::add);
    }

    private static QueuedRequest q(long sequence, String url) {
        return new QueuedRequest(sequence, CrawlRequest.of(url, 1, null, 0));
    }

    @Test
    void whatThePartitionsHoldIsHandedOutInOrderAndEachHostWokenOnce() {
        frontier.adopted(0, List.of(q(3, "http://a.sim/3"), q(4, "http://a.sim/4")));
        frontier.queued(0, q(5, "http://a.sim/5"));
        frontier.queued(1, q(0, "http://b.sim/"));
        frontier.queued(0, q(5, "http://a.sim/5")); // told again, after a replay

        assertThat(woken).containsExactly("http://a.sim:80", "http://b.sim:80");
        assertThat(frontier.queued()).isEqualTo(4);
        assertThat(frontier.poll("http://a.sim:80")).map(CrawlRequest::url).contains("http://a.sim/3");
        assertThat(frontier.poll("http://a.sim:80")).map(CrawlRequest::url).contains("http://a.sim/4");
        assertThat(frontier.poll("http://a.sim:80")).map(CrawlRequest::url).contains("http://a.sim/5");
        assertThat(frontier.poll("http://a.sim:80")).isEmpty();
        assertThat(frontier.queued()).isEqualTo(1);
        frontier.queued(0, q(4, "http://a.sim/4")); // a replay's news of one handed out and finished
        assertThat(frontier.poll("http://a.sim:80")).isEmpty();
    }

    @Test
    void aUrlThisNodeSentBeforeIsNotSentAgain() {
        assertThat(frontier.offer(CrawlRequest.of("http://c.sim/x", 1, null, 0))).isEqualTo(Frontier.Offer.QUEUED);
        assertThat(frontier.offer(CrawlRequest.of("http://c.sim/x", 2, null, 0))).isEqualTo(Frontier.Offer.DUPLICATE);
        assertThat(frontier.markSeen("http://c.sim/x")).isFalse();
        assertThat(frontier.markSeen("http://c.sim/trap")).isTrue();

        assertThat(sender.sent).containsExactly("link http://c.sim/x");
    }

    @Test
    void anOutcomeWaitsForTheLinksOfferedBeforeIt() {
        frontier.queued(0, q(0, "http://a.sim/"));
        CrawlRequest page = frontier.poll("http://a.sim:80").orElseThrow();
        frontier.offer(CrawlRequest.of("http://a.sim/next", 1, page.url(), 0));
        frontier.offer(CrawlRequest.of("http://b.sim/other", 1, page.url(), 0));

        CompletableFuture<Void> durable = frontier.finish(page, new byte[0]);

        assertThat(sender.sent).containsExactly("link http://a.sim/next", "link http://b.sim/other");
        sender.acks.get(0).complete(null);
        assertThat(sender.sent).hasSize(2); // the second link is not acknowledged yet
        sender.acks.get(1).complete(null);
        assertThat(sender.sent).containsExactly("link http://a.sim/next", "link http://b.sim/other",
                "outcome http://a.sim:80#0");
        assertThat(durable).isNotDone();
        sender.acks.get(2).complete(null);
        assertThat(durable).isCompleted();
    }

    @Test
    void aRefusedLinkRecordedMidPageDoesNotLetThePagesOutcomeGoBeforeItsLinks() {
        frontier.queued(0, q(0, "http://a.sim/"));
        CrawlRequest page = frontier.poll("http://a.sim:80").orElseThrow();
        frontier.offer(CrawlRequest.of("http://a.sim/next", 1, page.url(), 0));

        CompletableFuture<Void> trap = frontier.record("http://a.sim/a/a/a/a", new byte[0]);
        frontier.finish(page, new byte[0]);

        assertThat(trap).isNotDone();
        assertThat(sender.sent).containsExactly("link http://a.sim/next");
        sender.acks.getFirst().complete(null);
        assertThat(trap).isCompleted();
        assertThat(sender.sent).containsExactly("link http://a.sim/next", "outcome http://a.sim:80#0");
    }

    @Test
    void aRetryOfTheOnlyRequestUnderWayStaysWhenItsPartitionCameBackMeanwhile() {
        frontier.adopted(4, List.of(q(0, "http://h.sim/only")));
        CrawlRequest underWay = frontier.poll("http://h.sim:80").orElseThrow();
        frontier.released(4);
        frontier.adopted(4, List.of(q(0, "http://h.sim/only")));

        assertThat(frontier.requeue(underWay)).isTrue();
        assertThat(frontier.poll("http://h.sim:80")).map(CrawlRequest::url).contains("http://h.sim/only");
    }

    @Test
    void aReleasedPartitionsHostsAreDroppedButWhatIsUnderWayStillFinishes() {
        frontier.adopted(2, List.of(q(0, "http://a.sim/0"), q(1, "http://a.sim/1")));
        frontier.queued(3, q(0, "http://b.sim/0"));
        CrawlRequest underWay = frontier.poll("http://a.sim:80").orElseThrow();

        frontier.released(2);

        assertThat(frontier.hasQueued("http://a.sim:80")).isFalse();
        assertThat(frontier.queued()).isEqualTo(1);
        frontier.finish(underWay, null);
        assertThat(sender.sent).containsExactly("outcome http://a.sim:80#0"); // applied by the new owner
        // a retry of a request whose host moved away stays with the new owner
        frontier.adopted(2, List.of(q(1, "http://a.sim/1")));
        CrawlRequest retried = frontier.poll("http://a.sim:80").orElseThrow();
        frontier.released(2);
        assertThat(frontier.requeue(retried)).isFalse();
        assertThat(frontier.hasQueued("http://a.sim:80")).isFalse();
    }

    @Test
    void aPartitionThatComesBackDoesNotHandOutWhatIsAlreadyUnderWayHere() {
        frontier.adopted(0, List.of(q(0, "http://a.sim/0"), q(1, "http://a.sim/1")));
        CrawlRequest underWay = frontier.poll("http://a.sim:80").orElseThrow();
        frontier.released(0);

        frontier.adopted(0, List.of(q(0, "http://a.sim/0"), q(1, "http://a.sim/1")));

        assertThat(frontier.poll("http://a.sim:80")).map(CrawlRequest::url).contains("http://a.sim/1");
        assertThat(frontier.poll("http://a.sim:80")).isEmpty();
        assertThatThrownBy(() -> frontier.finish(CrawlRequest.of("http://a.sim/never", 0, null, 0), null))
                .hasMessageContaining("not handed out");
        assertThat(underWay.url()).isEqualTo("http://a.sim/0");
    }

    @Test
    void withNothingHereTheNodeWaitsForTheOthersUntilTheWholeCrawlIsOver() {
        List<String> told = new ArrayList<>();
        frontier.onLoaded(() -> told.add("over"));
        assertThat(frontier.queued()).isZero();
        assertThat(frontier.loading()).isTrue();

        frontier.crawlOver();
        frontier.crawlOver();

        assertThat(frontier.loading()).isFalse();
        assertThat(told).containsExactly("over");
    }

    @Test
    void newsArrivingAfterTheNodesCrawlEndedIsDroppedNotThrownAtItsBringer() {
        java.util.concurrent.ExecutorService stopped = java.util.concurrent.Executors.newSingleThreadExecutor();
        stopped.shutdown();
        ClusterFrontier late = new ClusterFrontier(sender, stopped, ClusterFrontier.TakeoverGrace.NONE, null);

        late.queued(0, q(0, "http://a.sim/")); // the Streams thread
        late.released(0); // the Streams thread closing its tasks
        late.crawlOver(); // the end-of-crawl checker

        assertThat(late.queued()).isZero();
    }

    @Test
    void aLinkTheBrokersRefusedIsReportedAsTheFrontiersFailure() {
        List<Throwable> failures = new ArrayList<>();
        frontier.onFailure(failures::add);
        frontier.offer(CrawlRequest.of("http://a.sim/x", 1, null, 0));

        sender.acks.getFirst().completeExceptionally(new IllegalStateException("not enough replicas"));

        assertThat(failures).extracting(Throwable::getMessage).containsExactly("not enough replicas");
    }

    /** A timer whose tasks run when the test says. */
    private static final class ManualTimer extends ScheduledThreadPoolExecutor {
        final List<Runnable> due = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();

        ManualTimer() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            due.add(command);
            delays.add(Duration.ofNanos(unit.toNanos(delay)));
            return null;
        }

        void fire() {
            List<Runnable> now = new ArrayList<>(due);
            due.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void aPartitionTakenOverWithRequestsIsHeldBackForTheBusyGraceAndWhatItsLastOwnerFinishesMeanwhileIsNotFetched() {
        ManualTimer timer = new ManualTimer();
        ClusterFrontier node = new ClusterFrontier(sender, Runnable::run,
                new ClusterFrontier.TakeoverGrace(Duration.ofMillis(20), Duration.ofSeconds(30)), timer);
        List<String> ready = new ArrayList<>();
        node.onReady(ready::add);

        node.adopted(2, List.of(q(7, "http://a.sim/7"), q(8, "http://a.sim/8")));
        node.queued(2, q(9, "http://a.sim/9")); // found meanwhile: held back with its host's others

        assertThat(timer.delays).containsExactly(Duration.ofSeconds(30));
        assertThat(node.poll("http://a.sim:80")).as("held back while its last owner may be fetching").isEmpty();
        assertThat(node.queued()).isEqualTo(3);
        assertThat(ready).isEmpty();

        node.finished(2, "http://a.sim:80", 7); // the last owner's outcome arrives within the grace
        timer.fire();

        assertThat(ready).containsExactly("http://a.sim:80");
        assertThat(node.poll("http://a.sim:80")).map(CrawlRequest::url).contains("http://a.sim/8");
        assertThat(node.poll("http://a.sim:80")).map(CrawlRequest::url).contains("http://a.sim/9");
        assertThat(node.poll("http://a.sim:80")).isEmpty();
        assertThat(node.queued()).isZero();
    }

    @Test
    void aPartitionTakenOverEmptyWaitsOnlyThePolitenessDelayAndOneReleasedMeanwhileStaysGone() {
        ManualTimer timer = new ManualTimer();
        ClusterFrontier node = new ClusterFrontier(sender, Runnable::run,
                new ClusterFrontier.TakeoverGrace(Duration.ofMillis(20), Duration.ofSeconds(30)), timer);

        node.adopted(1, List.of());
        node.queued(1, q(0, "http://b.sim/"));
        assertThat(timer.delays).containsExactly(Duration.ofMillis(20));
        assertThat(node.poll("http://b.sim:80")).isEmpty();

        node.released(1);
        timer.fire();

        assertThat(node.poll("http://b.sim:80")).as("no longer this node's").isEmpty();
        assertThat(node.queued()).isZero();
    }

    /**
     * A request fetched here whose outcome is still on its way out (it waits for the links found
     * on its page) when its partition is let go: the marker follows that outcome, so the next
     * owner never ends its grace before the outcome takes the request out of its queue. Before,
     * the marker went out at once and overtook the outcome, and the next owner fetched and
     * indexed the page a second time (seen in ClusterFailoverIT, with the partition moving back
     * to a node started again).
     */
    @Test
    void aPartitionLetGoWhileAnOutcomeWaitsForItsLinksIsHandedOverAfterThatOutcome() {
        frontier.queued(3, q(0, "http://a.sim/"));
        CrawlRequest fetched = frontier.poll("http://a.sim:80").orElseThrow();
        frontier.offer(CrawlRequest.of("http://c.sim/found", 1, null, 0));
        CompletableFuture<Void> durable = frontier.finish(fetched, new byte[0]);
        assertThat(sender.sent).containsExactly("link http://c.sim/found");

        frontier.released(3);
        assertThat(sender.sent).as("no marker while the outcome is not out").containsExactly("link http://c.sim/found");
        sender.acks.get(0).complete(null); // the link acknowledged: the outcome goes out
        assertThat(sender.sent).containsExactly("link http://c.sim/found", "outcome http://a.sim:80#0");
        sender.acks.get(1).complete(null);

        assertThat(durable).isCompleted();
        assertThat(sender.sent).containsExactly("link http://c.sim/found", "outcome http://a.sim:80#0", "handover 3");
    }

    @Test
    void aPartitionLetGoIsHandedOverOnceTheOutcomesOfWhatWasBeingFetchedForItAreAcknowledged() {
        frontier.queued(3, q(0, "http://a.sim/"));
        frontier.queued(3, q(1, "http://a.sim/1"));
        frontier.queued(4, q(0, "http://b.sim/"));
        CrawlRequest fetching = frontier.poll("http://a.sim:80").orElseThrow();
        CrawlRequest retried = frontier.poll("http://a.sim:80").orElseThrow();

        frontier.released(3);
        frontier.released(4); // nothing of it under way here: handed over at once
        assertThat(sender.sent).containsExactly("handover 4");

        assertThat(frontier.requeue(retried)).isFalse(); // its next owner has it queued
        CompletableFuture<Void> durable = frontier.finish(fetching, new byte[0]);
        assertThat(sender.sent).containsExactly("handover 4", "outcome http://a.sim:80#0");
        sender.acks.get(1).complete(null);

        assertThat(durable).isCompleted();
        assertThat(sender.sent).containsExactly("handover 4", "outcome http://a.sim:80#0", "handover 3");
    }

    /**
     * The grace ends a delay after the marker came, not a delay after the takeover: the last owner
     * may start a request after the brokers moved the partition (it hears of the move a moment
     * later), and ClusterFailoverIT saw two starts to one host 8.5 ms apart when the grace ended a
     * delay after the takeover.
     */
    @Test
    void theLastOwnersHandoverEndsTheGraceTheDelayAfterIt() {
        ManualTimer timer = new ManualTimer();
        ClusterFrontier node = new ClusterFrontier(sender, Runnable::run,
                new ClusterFrontier.TakeoverGrace(Duration.ofSeconds(20), Duration.ofSeconds(30)), timer);
        node.adopted(2, List.of(q(7, "http://a.sim/7"), q(8, "http://a.sim/8")));
        node.finished(2, "http://a.sim:80", 7);

        node.handedOver(2);

        assertThat(node.poll("http://a.sim:80")).isEmpty();
        assertThat(timer.delays).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(20));
        timer.fire(); // the busy grace's own end and the delay after the marker
        assertThat(node.poll("http://a.sim:80")).map(CrawlRequest::url).contains("http://a.sim/8");
        assertThat(node.poll("http://a.sim:80")).isEmpty();
        assertThat(node.queued()).isZero();
    }

    @Test
    void withoutADelayTheLastOwnersHandoverEndsTheGraceAtOnce() {
        ManualTimer timer = new ManualTimer();
        ClusterFrontier node = new ClusterFrontier(sender, Runnable::run,
                new ClusterFrontier.TakeoverGrace(Duration.ZERO, Duration.ofSeconds(30)), timer);
        node.adopted(2, List.of(q(7, "http://a.sim/7"), q(8, "http://a.sim/8")));
        node.finished(2, "http://a.sim:80", 7);

        node.handedOver(2);

        assertThat(node.poll("http://a.sim:80")).map(CrawlRequest::url).contains("http://a.sim/8");
        assertThat(node.poll("http://a.sim:80")).isEmpty();
        timer.fire(); // the grace's own end, later: nothing more
        assertThat(node.queued()).isZero();
    }

    /** A journal whose writes complete when the test says. */
    private static final class HeldJournal implements ClusterFrontier.Journal {
        final List<String> writes = new ArrayList<>();
        final List<CompletableFuture<Void>> done = new ArrayList<>();

        @Override
        public CompletableFuture<Void> keep(OutcomeJournal.Pending pending) {
            return write("keep " + pending.url() + " #" + pending.sequence() + " " + new String(pending.line()));
        }

        @Override
        public CompletableFuture<Void> drop(long fingerprint) {
            return write("drop " + fingerprint);
        }

        @Override
        public CompletableFuture<Void> flushed() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public List<dev.crawler.frontier.JournalEntry> recovered() {
            return List.of();
        }

        private CompletableFuture<Void> write(String what) {
            writes.add(what);
            CompletableFuture<Void> f = new CompletableFuture<>();
            done.add(f);
            return f;
        }
    }

    @Test
    void aPagesIndexLineIsKeptBeforeItsOutcomeGoesOutAndDroppedOncePublished() {
        HeldJournal journal = new HeldJournal();
        ClusterFrontier node = new ClusterFrontier(sender, Runnable::run, ClusterFrontier.TakeoverGrace.NONE, null, journal);
        node.queued(0, q(4, "http://a.sim/"));
        CrawlRequest page = node.poll("http://a.sim:80").orElseThrow();

        CompletableFuture<Void> durable = node.finish(page, "line\n".getBytes());

        assertThat(journal.writes).containsExactly("keep http://a.sim/ #4 line\n");
        assertThat(sender.sent).as("no outcome before the line is kept").isEmpty();
        journal.done.getFirst().complete(null);
        assertThat(sender.sent).containsExactly("outcome http://a.sim:80#4");
        sender.acks.getFirst().complete(null);
        assertThat(durable).isCompleted();

        node.published(page.url());
        node.published("http://a.sim/never-kept");
        assertThat(journal.writes).containsExactly("keep http://a.sim/ #4 line\n",
                "drop " + OutcomeJournal.fingerprint("http://a.sim/"));
    }

    @Test
    void aPendingLineIsReadBackAsKept() {
        OutcomeJournal.Pending p = new OutcomeJournal.Pending("http://a.sim:80", 12, "http://a.sim/x?y=1", 1_700_000_000_000L,
                "{\"url\":\"http://a.sim/x?y=1\"}\n".getBytes());
        OutcomeJournal.Pending back = OutcomeJournal.Pending.decode(p.encode());
        assertThat(back.hostKey()).isEqualTo(p.hostKey());
        assertThat(back.sequence()).isEqualTo(12);
        assertThat(back.url()).isEqualTo(p.url());
        assertThat(back.sentAtMillis()).isEqualTo(p.sentAtMillis());
        assertThat(back.line()).isEqualTo(p.line());
        assertThatThrownBy(() -> OutcomeJournal.Pending.decode(new byte[] {1, 0, 0})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOutcomeNamesItsNodeAndOneWrittenBeforeNodesWereNamedIsStillRead() {
        OutcomeMessage m = new OutcomeMessage("http://a.sim:80", 3, "http://a.sim/", "n1");
        assertThat(OutcomeMessage.decode(m.encode())).isEqualTo(m);
        byte[] host = "http://a.sim:80".getBytes();
        byte[] url = "http://a.sim/".getBytes();
        byte[] v1 = java.nio.ByteBuffer.allocate(1 + 8 + 2 + host.length + 2 + url.length).put((byte) 1).putLong(3)
                .putShort((short) host.length).put(host).putShort((short) url.length).put(url).array();
        assertThat(OutcomeMessage.decode(v1)).isEqualTo(new OutcomeMessage("http://a.sim:80", 3, "http://a.sim/", ""));
        byte[] node = "n1".getBytes();
        byte[] v2 = java.nio.ByteBuffer.allocate(1 + 8 + 2 + host.length + 2 + url.length + 2 + node.length).put((byte) 2)
                .putLong(3).putShort((short) host.length).put(host).putShort((short) url.length).put(url)
                .putShort((short) node.length).put(node).array();
        assertThat(OutcomeMessage.decode(v2)).isEqualTo(m);
    }

    /** A trap refuses a URL for its length through an outcome: one far past 65,535 bytes still goes. */
    @Test
    void anOutcomeCarriesAUrlOfAnyLength() {
        OutcomeMessage m = new OutcomeMessage("http://a.sim:80", 3, "http://a.sim/" + "a".repeat(100_000), "n1");
        assertThat(OutcomeMessage.decode(m.encode())).isEqualTo(m);
        byte[] cut = java.util.Arrays.copyOf(m.encode(), 50_000);
        assertThatThrownBy(() -> OutcomeMessage.decode(cut)).isInstanceOf(IllegalArgumentException.class);
    }
}
