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
}
