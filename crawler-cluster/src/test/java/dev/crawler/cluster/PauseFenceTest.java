package dev.crawler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.frontier.CrawlRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A node that stood still hands nothing out until it has had time to hear whether its partitions were taken. */
class PauseFenceTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger resumed = new AtomicInteger();
    private final PauseFence fence = new PauseFence(now::get, resumed::incrementAndGet);

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /** {@code millis} of normal running: a tick of {@code f} every 100 ms. */
    private void run(PauseFence f, long millis) {
        for (long t = 0; t < millis; t += 100) {
            advance(100);
            f.tick(now.get());
        }
    }

    /** A fence on {@code frontier}, whose partition 0 holds one request of a.sim. */
    private PauseFence fencedWithOneUnderWay(ClusterFrontier frontier) {
        PauseFence fenceOfNode = new PauseFence(now::get, frontier::resumed);
        frontier.pauseFence(fenceOfNode);
        frontier.adopted(0, List.of(new QueuedRequest(1, CrawlRequest.of("http://a.sim/1", 1, null, 0))));
        return fenceOfNode;
    }

    @Test
    void ticksOnTimeNeverHold() {
        for (int i = 0; i < 50; i++) {
            advance(100);
            fence.tick(now.get());
            assertThat(fence.holding()).isFalse();
        }
        assertThat(fence.pauses()).isZero();
        assertThat(resumed).hasValue(0);
    }

    @Test
    void aPauseHoldsFromTheFirstLookAfterItUntilTheHoldIsOverThenWakesTheNodeOnce() {
        advance(100);
        fence.tick(now.get());
        advance(8_000); // stopped for 8 s, longer than a session timeout
        assertThat(fence.holding()).as("the engine, first to run after the resume").isTrue();
        fence.tick(now.get());
        assertThat(fence.pauses()).isEqualTo(1);
        run(fence, PauseFence.HOLD.toMillis() - 100);
        assertThat(fence.holding()).isTrue();
        assertThat(resumed).hasValue(0);
        run(fence, 100);
        assertThat(fence.holding()).isFalse();
        assertThat(resumed).hasValue(1);
        advance(100);
        fence.tick(now.get());
        assertThat(resumed).as("woken once per hold").hasValue(1);
    }

    @Test
    void aClusterFrontierHandsNothingOutWhileTheFenceHoldsAndWakesItsHostsAfter() {
        ClusterFrontier frontier = new ClusterFrontier(new ClusterFrontierTest.Held(), Runnable::run,
                ClusterFrontier.TakeoverGrace.NONE, null);
        PauseFence fenceOfNode = new PauseFence(now::get, frontier::resumed);
        frontier.pauseFence(fenceOfNode);
        List<String> woken = new ArrayList<>();
        frontier.onReady(woken::add);
        frontier.adopted(0, List.of(new QueuedRequest(1, CrawlRequest.of("http://a.sim/1", 1, null, 0))));
        woken.clear();

        advance(8_000);
        assertThat(frontier.poll("http://a.sim:80")).as("nothing handed out right after a pause").isEmpty();
        fenceOfNode.tick(now.get());
        assertThat(frontier.poll("http://a.sim:80")).isEmpty();
        run(fenceOfNode, PauseFence.HOLD.toMillis());
        assertThat(woken).containsExactly("http://a.sim:80");
        assertThat(frontier.poll("http://a.sim:80")).map(CrawlRequest::url).contains("http://a.sim/1");
    }

    @Test
    void anOutcomeThatComesDuringAHoldIsLetGoIfItsPartitionWasTakenMeanwhileAndTheNextOwnerIsTold() {
        ClusterFrontierTest.Held sends = new ClusterFrontierTest.Held();
        ClusterFrontier frontier = new ClusterFrontier(sends, Runnable::run, ClusterFrontier.TakeoverGrace.NONE, null);
        PauseFence fenceOfNode = fencedWithOneUnderWay(frontier);
        CrawlRequest underWay = frontier.poll("http://a.sim:80").orElseThrow();

        advance(8_000); // stood still while fetching it; resumed, the response comes first
        java.util.concurrent.CompletableFuture<Void> finished = frontier.finish(underWay, "line".getBytes());
        fenceOfNode.tick(now.get());
        frontier.released(0); // the client hears its partition was taken
        assertThat(finished).isNotDone();
        run(fenceOfNode, PauseFence.HOLD.toMillis());

        assertThat(finished).isCompletedExceptionally();
        assertThat(finished.handle((v, e) -> e).join()).as("as the engine unwraps it")
                .hasCauseInstanceOf(dev.crawler.frontier.OutcomeSuperseded.class);
        assertThat(sends.sent).as("no outcome: the new owner records it; the marker tells it this node is done")
                .containsExactly("handover 0");
    }

    @Test
    void anOutcomeThatComesDuringAHoldIsRecordedAfterItWhenThePartitionStayed() {
        ClusterFrontierTest.Held sends = new ClusterFrontierTest.Held();
        ClusterFrontier frontier = new ClusterFrontier(sends, Runnable::run, ClusterFrontier.TakeoverGrace.NONE, null);
        PauseFence fenceOfNode = fencedWithOneUnderWay(frontier);
        CrawlRequest underWay = frontier.poll("http://a.sim:80").orElseThrow();

        advance(2_000); // a pause shorter than the session timeout: the partition stays
        java.util.concurrent.CompletableFuture<Void> finished = frontier.finish(underWay, null);
        fenceOfNode.tick(now.get());
        assertThat(sends.sent).isEmpty();
        run(fenceOfNode, PauseFence.HOLD.toMillis());

        assertThat(sends.sent).containsExactly("outcome http://a.sim:80#1");
        sends.acks.forEach(a -> a.complete(null));
        assertThat(finished).isCompleted();
    }

    /**
     * The hold lasts until the brokers have said which partitions are still the node's, however
     * long that takes past {@link PauseFence#HOLD}; a failed question is asked again a second
     * later, and an answer asked for before a second pause does not end that pause's hold.
     */
    @Test
    void aHoldLastsUntilTheBrokersConfirmTheNodesPartitions() {
        List<java.util.concurrent.CompletableFuture<Object>> asked = new ArrayList<>();
        PauseFence f = new PauseFence(now::get, resumed::incrementAndGet, () -> {
            java.util.concurrent.CompletableFuture<Object> answer = new java.util.concurrent.CompletableFuture<>();
            asked.add(answer);
            return answer;
        });
        run(f, 500);
        assertThat(asked).as("nothing asked without a pause").isEmpty();
        advance(8_000);
        f.tick(now.get());
        assertThat(asked).hasSize(1);
        run(f, PauseFence.HOLD.toMillis() + 2_000);
        assertThat(f.holding()).as("past the hold, not confirmed yet").isTrue();
        asked.get(0).completeExceptionally(new org.apache.kafka.common.errors.TimeoutException("no broker"));
        run(f, 500);
        assertThat(asked).as("not asked again within the second").hasSize(1);
        run(f, 600);
        assertThat(asked).hasSize(2);
        advance(5_000); // stood still again
        f.tick(now.get());
        assertThat(asked).hasSize(3);
        asked.get(1).complete(null); // the answer to the question of the first pause
        run(f, PauseFence.HOLD.toMillis() + 100);
        assertThat(f.holding()).as("that answer does not confirm the second pause").isTrue();
        assertThat(resumed).hasValue(0);
        asked.get(2).complete(null);
        run(f, 100);
        assertThat(f.holding()).isFalse();
        assertThat(resumed).hasValue(1);
    }

    /**
     * After a pause, a partition the brokers gave to another node is let go as soon as they say so,
     * before the node's Kafka client hears of it: its queue goes, the request under way is not
     * recorded here, its next owner is told, and news of it that the Streams thread still brings
     * is dropped until the partition is taken again. A partition still the node's stays.
     */
    @Test
    void aPartitionTheBrokersGaveAwayDuringAPauseIsLetGoOnTheirWord() {
        ClusterFrontierTest.Held sends = new ClusterFrontierTest.Held();
        ClusterFrontier frontier = new ClusterFrontier(sends, Runnable::run, ClusterFrontier.TakeoverGrace.NONE, null);
        PauseFence fenceOfNode = new PauseFence(now::get, frontier::resumed,
                () -> frontier.confirmOwnership(java.util.Set.of(1)));
        frontier.pauseFence(fenceOfNode);
        frontier.adopted(0, List.of(new QueuedRequest(1, CrawlRequest.of("http://a.sim/1", 1, null, 0)),
                new QueuedRequest(2, CrawlRequest.of("http://a.sim/2", 1, null, 0))));
        frontier.adopted(1, List.of(new QueuedRequest(1, CrawlRequest.of("http://b.sim/1", 1, null, 0))));
        CrawlRequest underWay = frontier.poll("http://a.sim:80").orElseThrow();

        advance(8_000);
        java.util.concurrent.CompletableFuture<Void> finished = frontier.finish(underWay, "line".getBytes());
        fenceOfNode.tick(now.get()); // the pause is seen; the brokers answer: partition 1 only
        frontier.queued(0, new QueuedRequest(3, CrawlRequest.of("http://a.sim/3", 1, null, 0))); // late news
        run(fenceOfNode, PauseFence.HOLD.toMillis());

        assertThat(finished.handle((v, e) -> e).join()).hasCauseInstanceOf(dev.crawler.frontier.OutcomeSuperseded.class);
        assertThat(sends.sent).containsExactly("handover 0");
        assertThat(frontier.hasQueued("http://a.sim:80")).as("a.sim is another node's").isFalse();
        assertThat(frontier.poll("http://b.sim:80")).map(CrawlRequest::url).contains("http://b.sim/1");
        frontier.released(0); // the Streams thread hears of it at last: nothing more to do
        assertThat(sends.sent).containsExactly("handover 0");
        frontier.adopted(0, List.of(new QueuedRequest(4, CrawlRequest.of("http://a.sim/4", 1, null, 0))));
        assertThat(frontier.poll("http://a.sim:80")).as("taken again").map(CrawlRequest::url).contains("http://a.sim/4");
    }

    /**
     * An outcome already sent when the process stood still, acknowledged after it, for a partition
     * taken meanwhile: its record may have reached the topic behind the next owner's. It stands
     * only if the topic holds no other node's outcome of the request.
     */
    @Test
    void anOutcomeOnItsWayAtAPauseStandsOnlyIfItIsTheRequestsOnlyOneOnTheTopic() {
        for (boolean onlyOurs : new boolean[] {true, false}) {
            ClusterFrontierTest.Held sends = new ClusterFrontierTest.Held();
            ClusterFrontier frontier = new ClusterFrontier(sends, Runnable::run, ClusterFrontier.TakeoverGrace.NONE, null);
            List<String> checked = new ArrayList<>();
            frontier.outcomeCheck(pending -> {
                checked.add(pending.url() + " " + new String(pending.line()));
                return java.util.concurrent.CompletableFuture.completedFuture(onlyOurs);
            });
            PauseFence fenceOfNode = fencedWithOneUnderWay(frontier);
            CrawlRequest underWay = frontier.poll("http://a.sim:80").orElseThrow();
            java.util.concurrent.CompletableFuture<Void> finished = frontier.finish(underWay, "line".getBytes());
            assertThat(sends.sent).as("sent before the pause").containsExactly("outcome http://a.sim:80#1");

            advance(8_000); // stood still with it on its way
            sends.acks.get(0).complete(null); // acknowledged after the resume
            fenceOfNode.tick(now.get());
            frontier.released(0); // its partition was taken
            assertThat(finished).as("decided once the hold is over").isNotDone();
            run(fenceOfNode, PauseFence.HOLD.toMillis());

            assertThat(checked).containsExactly("http://a.sim/1 line");
            if (onlyOurs) {
                assertThat(finished).isCompleted();
            } else {
                assertThat(finished.handle((v, e) -> e).join()).hasCauseInstanceOf(dev.crawler.frontier.OutcomeSuperseded.class);
            }
            assertThat(sends.sent).as("the marker follows once it is decided")
                    .containsExactly("outcome http://a.sim:80#1", "handover 0");
        }
    }

    /** An outcome acknowledged across a pause whose partition stayed stands, without asking the topic. */
    @Test
    void anOutcomeOnItsWayAtAPauseWhosePartitionStayedStands() {
        ClusterFrontierTest.Held sends = new ClusterFrontierTest.Held();
        ClusterFrontier frontier = new ClusterFrontier(sends, Runnable::run, ClusterFrontier.TakeoverGrace.NONE, null);
        frontier.outcomeCheck(pending -> {
            throw new AssertionError("asked");
        });
        PauseFence fenceOfNode = fencedWithOneUnderWay(frontier);
        CrawlRequest underWay = frontier.poll("http://a.sim:80").orElseThrow();
        java.util.concurrent.CompletableFuture<Void> finished = frontier.finish(underWay, "line".getBytes());
        advance(2_000);
        sends.acks.get(0).complete(null);
        fenceOfNode.tick(now.get());
        run(fenceOfNode, PauseFence.HOLD.toMillis());
        assertThat(finished).isCompleted();
    }
}
