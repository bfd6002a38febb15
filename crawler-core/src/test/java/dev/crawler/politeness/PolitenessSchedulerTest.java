package dev.crawler.politeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolitenessSchedulerTest {

    private static final long MS = 1_000_000L;
    private final PolitenessScheduler scheduler =
            new PolitenessScheduler(new PolitenessPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(5)));

    @Test
    void aHostWithWorkIsReadyAtOnce() {
        scheduler.workArrived("a", 0);
        assertThat(scheduler.nextReady(0)).contains("a");
        assertThat(scheduler.nextReady(0)).isEmpty();
    }

    @Test
    void requestStartsToOneHostAreAtLeastTheDelayApart() {
        scheduler.workArrived("a", 0);
        scheduler.nextReady(0).orElseThrow();
        scheduler.started("a", 0, true).sent(0);
        assertThat(scheduler.nextReady(100 * MS)).isEmpty();
        assertThat(scheduler.nextWakeup()).as("the delay plus a margin of a tenth").hasValue(110 * MS);
        assertThat(scheduler.nextReady(110 * MS)).contains("a");
    }

    @Test
    void noMoreThanPerHostConnectionsInFlight() {
        scheduler.workArrived("a", 0);
        scheduler.nextReady(0).orElseThrow();
        PolitenessScheduler.Start first = scheduler.started("a", 0, true);
        first.sent(0);
        scheduler.nextReady(110 * MS).orElseThrow();
        scheduler.started("a", 110 * MS, true).sent(110 * MS);
        assertThat(scheduler.inFlight("a")).isEqualTo(2);
        assertThat(scheduler.nextReady(10_000 * MS)).as("both slots busy").isEmpty();
        first.finished(10_000 * MS);
        assertThat(scheduler.nextReady(10_000 * MS)).contains("a");
    }

    @Test
    void hostsAreServedInOrderOfTheirNextAllowedTime() {
        scheduler.workArrived("a", 0);
        scheduler.workArrived("b", 0);
        assertThat(scheduler.nextReady(0)).contains("a");
        scheduler.started("a", 0, true).sent(0);
        assertThat(scheduler.nextReady(0)).contains("b");
        scheduler.started("b", 50 * MS, true).sent(50 * MS);
        assertThat(scheduler.nextReady(120 * MS)).contains("a");
        assertThat(scheduler.nextReady(120 * MS)).isEmpty();
        assertThat(scheduler.nextReady(160 * MS)).contains("b");
    }

    @Test
    void amongHostsWhoseTimeHasComeTheLeastDoneGoesFirst() {
        Map<String, Long> backlog = new HashMap<>(Map.of("a", 4L, "b", 4L));
        PolitenessScheduler ranked = ranked(backlog);
        ranked.workArrived("a", 0);
        ranked.workArrived("b", 0);
        assertThat(ranked.nextReady(0)).as("nothing started yet: in turn").contains("a");
        ranked.started("a", 0, true).finished(0);
        assertThat(ranked.nextReady(0)).as("b has done 0 of 4, a 1 of 5").contains("b");
        ranked.started("b", 0, true).finished(0);
        backlog.put("b", 1L);
        assertThat(ranked.nextReady(0)).as("a has done 1 of 5, b 1 of 2").contains("a");
        assertThat(ranked.nextReady(0)).contains("b");
    }

    @Test
    void aDueHostWhoseBacklogGrowsIsRankedAgain() {
        Map<String, Long> backlog = new HashMap<>(Map.of("a", 3L, "b", 3L, "c", 3L));
        PolitenessScheduler ranked = ranked(backlog);
        for (String h : List.of("a", "b", "c")) {
            ranked.workArrived(h, 0);
        }
        for (String h : List.of("a", "b", "c")) {
            assertThat(ranked.nextReady(0)).contains(h);
            ranked.started(h, 0, true).finished(0);
        }
        assertThat(ranked.nextReady(0)).as("each has done 1 of 4: in turn").contains("a");
        backlog.put("c", 30L);
        ranked.backlogChanged("c");
        assertThat(ranked.nextReady(0)).as("c's links arrived while it waited: 1 of 31").contains("c");
        assertThat(ranked.nextReady(0)).contains("b");
    }

    private static PolitenessScheduler ranked(Map<String, Long> backlog) {
        return new PolitenessScheduler(new PolitenessPolicy(1, Duration.ZERO, Duration.ofSeconds(5)), backlog::get);
    }

    @Test
    void aPausedDueHostIsNotHandedOutUntilResumed() {
        scheduler.workArrived("a", 0);
        scheduler.workArrived("b", 0);
        assertThat(scheduler.nextReady(0)).contains("a");
        scheduler.skip("a", true); // a is now due in the second queue
        scheduler.pause("a");
        assertThat(scheduler.nextReady(0)).contains("b");
        assertThat(scheduler.nextReady(0)).isEmpty();
        scheduler.resume("a");
        assertThat(scheduler.nextReady(0)).contains("a");
    }

    @Test
    void aHostWithoutWorkIsNotHandedOut() {
        scheduler.workArrived("a", 0);
        scheduler.nextReady(0).orElseThrow();
        scheduler.started("a", 0, false).finished(0);
        assertThat(scheduler.nextReady(Long.MAX_VALUE / 2)).isEmpty();
        assertThat(scheduler.nextWakeup()).isEmpty();
    }

    @Test
    void aPausedHostWaitsUntilResumed() {
        scheduler.workArrived("a", 0);
        scheduler.nextReady(0).orElseThrow();
        scheduler.started("a", 0, true).sent(0);
        scheduler.pause("a");
        assertThat(scheduler.nextReady(1_000 * MS)).isEmpty();
        scheduler.resume("a");
        assertThat(scheduler.nextReady(1_000 * MS)).contains("a");
    }

    @Test
    void crawlDelayRaisesTheDelayUpToTheCap() {
        scheduler.workArrived("a", 0);
        scheduler.crawlDelay("a", Duration.ofSeconds(60), 0);
        scheduler.nextReady(0).orElseThrow();
        scheduler.started("a", 0, true).sent(0);
        assertThat(scheduler.nextWakeup()).hasValue(5_050 * MS);
    }

    @Test
    void aCrawlDelayCountsFromTheRobotsTxtRequestAlreadyWritten() {
        scheduler.workArrived("a", 0);
        scheduler.nextReady(0).orElseThrow();
        PolitenessScheduler.Start robots = scheduler.started("a", 0, true);
        robots.sent(10 * MS);
        robots.finished(20 * MS);
        scheduler.crawlDelay("a", Duration.ofSeconds(2), 20 * MS);
        assertThat(scheduler.nextReady(1_000 * MS)).as("not the default 100 ms after robots.txt").isEmpty();
        assertThat(scheduler.nextReady(2_059 * MS)).isEmpty();
        assertThat(scheduler.nextReady(2_060 * MS)).as("2 s and its 50 ms margin after the write").contains("a");
    }

    @Test
    void theOriginsOfOneSiteKeepTheLongestDelayAnyOfThemAskedFor() {
        PolitenessScheduler shared = new PolitenessScheduler(
                new PolitenessPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(5)), h -> 0,
                h -> h.substring(h.indexOf("://") + 3, h.lastIndexOf(':')));
        shared.workArrived("http://h:80", 0);
        shared.workArrived("https://h:443", 0);
        shared.crawlDelay("http://h:80", Duration.ofSeconds(1), 0);
        String first = shared.nextReady(0).orElseThrow();
        shared.started(first, 0, true).sent(0);
        assertThat(shared.nextReady(500 * MS)).as("both origins keep the Crawl-delay http was given").isEmpty();
        assertThat(shared.nextReady(1_050 * MS)).isPresent();
    }

    @Test
    void aHopToAnotherHostWaitsForThatHostAndHoldsItUntilWritten() {
        scheduler.workArrived("b", 0);
        scheduler.nextReady(0).orElseThrow();
        PolitenessScheduler.Start first = scheduler.started("b", 0, true);
        first.sent(0);
        first.finished(20 * MS);
        assertThat(scheduler.hopAllowedAt("b", 50 * MS)).as("b's own spacing").isEqualTo(110 * MS);
        PolitenessScheduler.Start hop = scheduler.startHop("b", 110 * MS);
        assertThat(scheduler.nextReady(300 * MS)).as("b is held while the hop is not on the wire").isEmpty();
        hop.sent(300 * MS);
        assertThat(scheduler.nextReady(409 * MS)).isEmpty();
        assertThat(scheduler.nextReady(410 * MS)).as("spaced from the hop's write").contains("b");
        hop.finished(420 * MS);
        assertThatThrownBy(() -> hop.finished(430 * MS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void backOffPushesTheNextStartLater() {
        scheduler.workArrived("a", 0);
        scheduler.backOff("a", 2_000 * MS, 0);
        assertThat(scheduler.nextReady(1_999 * MS)).isEmpty();
        assertThat(scheduler.nextReady(2_000 * MS)).contains("a");
    }

    @Test
    void aStartIsFinishedOnceOnly() {
        scheduler.workArrived("a", 0);
        scheduler.nextReady(0).orElseThrow();
        PolitenessScheduler.Start start = scheduler.started("a", 0, true);
        start.finished(0);
        assertThatThrownBy(() -> start.finished(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("finished twice");
        assertThat(scheduler.inFlight("a")).isZero();
    }

    @Test
    void theDelayRunsFromWhenTheRequestWasWrittenNotFromWhenItWasHandedOut() {
        scheduler.workArrived("a", 0);
        scheduler.nextReady(0).orElseThrow();
        PolitenessScheduler.Start start = scheduler.started("a", 0, true);
        assertThat(scheduler.nextReady(500 * MS)).as("not on the wire yet: the next start waits").isEmpty();
        start.sent(600 * MS); // the connection took 600 ms to open
        assertThat(scheduler.nextReady(650 * MS)).isEmpty();
        assertThat(scheduler.nextReady(709 * MS)).isEmpty();
        assertThat(scheduler.nextReady(710 * MS)).contains("a");
    }

    @Test
    void aRequestThatEndsUnsentCountsAsSentWhenItEnds() {
        scheduler.workArrived("a", 0);
        scheduler.nextReady(0).orElseThrow();
        scheduler.started("a", 0, true).finished(300 * MS); // connection refused, say
        assertThat(scheduler.nextReady(409 * MS)).isEmpty();
        assertThat(scheduler.nextReady(410 * MS)).contains("a");
    }

    @Test
    void theOriginsOfOneHostShareTheirSpacing() {
        PolitenessScheduler bySite = new PolitenessScheduler(new PolitenessPolicy(2, Duration.ofMillis(100),
                Duration.ofSeconds(5)), h -> 1, h -> h.substring(h.indexOf("://") + 3));
        bySite.workArrived("http://h", 0);
        bySite.workArrived("https://h", 0);
        assertThat(bySite.nextReady(0)).contains("http://h");
        bySite.started("http://h", 0, true).sent(5 * MS);
        assertThat(bySite.nextReady(50 * MS)).as("https://h waits for the spacing of h").isEmpty();
        assertThat(bySite.nextReady(115 * MS)).contains("https://h");
    }

    @Test
    void theMarginIsATenthOfTheDelayAtLeastFiveAtMostFiftyMilliseconds() {
        assertThat(PolitenessPolicy.spacing(Duration.ZERO)).isEqualTo(Duration.ZERO);
        assertThat(PolitenessPolicy.spacing(Duration.ofMillis(10))).isEqualTo(Duration.ofMillis(15));
        assertThat(PolitenessPolicy.spacing(Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(110));
        assertThat(PolitenessPolicy.spacing(Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(2050));
    }

    @Test
    void policyRejectsNonsense() {
        assertThatThrownBy(() -> new PolitenessPolicy(0, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("perHostConnections");
        assertThatThrownBy(() -> new PolitenessPolicy(1, Duration.ofMillis(-1), Duration.ZERO))
                .hasMessageContaining("delay");
    }

    @Test
    void aHostIsActiveWhileAnyRequestToItIsInFlight() {
        scheduler.workArrived("a", 0);
        scheduler.workArrived("b", 0);
        scheduler.nextReady(0).orElseThrow();
        PolitenessScheduler.Start a1 = scheduler.started("a", 0, true);
        scheduler.nextReady(0).orElseThrow();
        PolitenessScheduler.Start b1 = scheduler.started("b", 0, true);
        assertThat(scheduler.activeHosts()).isEqualTo(2);
        a1.sent(0);
        scheduler.nextReady(110 * MS).orElseThrow();
        PolitenessScheduler.Start a2 = scheduler.started("a", 110 * MS, true);
        assertThat(scheduler.activeHosts()).as("a second request to a counts a once").isEqualTo(2);
        a1.finished(120 * MS);
        assertThat(scheduler.activeHosts()).as("a still has one in flight").isEqualTo(2);
        b1.finished(120 * MS);
        assertThat(scheduler.activeHosts()).isEqualTo(1);
        a2.finished(130 * MS);
        assertThat(scheduler.activeHosts()).isZero();
        PolitenessScheduler.Start robots = scheduler.startHop("c", 130 * MS);
        assertThat(scheduler.activeHosts()).as("a robots.txt or redirect hop is a request too").isEqualTo(1);
        robots.finished(140 * MS);
        assertThat(scheduler.activeHosts()).isZero();
    }

    @Test
    void aHostWithWorkBacksOffUntilItsPauseEnds() {
        scheduler.workArrived("a", 0);
        scheduler.workArrived("b", 0);
        scheduler.nextReady(0).orElseThrow();
        scheduler.started("a", 0, true).finished(10 * MS);
        scheduler.backOff("a", 2_000 * MS, 10 * MS); // a Retry-After, or a retry's back-off
        assertThat(scheduler.backingOffHosts(10 * MS)).isEqualTo(1);
        assertThat(scheduler.nextReady(1_999 * MS)).as("b is not backing off").contains("b");
        assertThat(scheduler.backingOffHosts(1_999 * MS)).isEqualTo(1);
        assertThat(scheduler.backingOffHosts(2_000 * MS)).as("its pause is over").isZero();
        assertThat(scheduler.nextReady(2_000 * MS)).contains("a");
        assertThat(scheduler.backingOffHosts(2_000 * MS)).isZero();
    }

    @Test
    void waitingForTheNextSlotOfTheDelayIsNotBackingOff() {
        scheduler.workArrived("a", 0);
        scheduler.nextReady(0).orElseThrow();
        scheduler.started("a", 0, true).finished(10 * MS);
        assertThat(scheduler.waitingHosts()).isEqualTo(1);
        assertThat(scheduler.backingOffHosts(50 * MS)).isZero();
        scheduler.backOff("a", 80 * MS, 50 * MS);
        assertThat(scheduler.backingOffHosts(50 * MS)).as("a pause that ends before its next slot holds nothing")
                .isZero();
        scheduler.backOff("a", 200 * MS, 50 * MS);
        assertThat(scheduler.backingOffHosts(50 * MS)).isEqualTo(1);
    }

    @Test
    void aHostWithNothingQueuedIsNotBackingOff() {
        scheduler.workArrived("a", 0);
        scheduler.nextReady(0).orElseThrow();
        scheduler.started("a", 0, false).finished(10 * MS);
        scheduler.backOff("a", 2_000 * MS, 10 * MS);
        assertThat(scheduler.backingOffHosts(10 * MS)).isZero();
        scheduler.workArrived("a", 20 * MS); // its URL is back in the queue, to try again
        assertThat(scheduler.backingOffHosts(20 * MS)).isEqualTo(1);
    }

    @Test
    void aDelayWidenedBy429Or503IsBackingOffUntilItNarrowsBack() {
        scheduler.workArrived("a", 0);
        scheduler.nextReady(0).orElseThrow();
        PolitenessScheduler.Start first = scheduler.started("a", 0, true);
        first.sent(0);
        first.finished(10 * MS);
        scheduler.slowedDown("a", 10 * MS); // 100 ms doubled
        assertThat(scheduler.backingOffHosts(100 * MS)).isEqualTo(1);
        assertThat(scheduler.nextReady(100 * MS)).isEmpty();
        scheduler.answered("a", 100 * MS);
        scheduler.answered("a", 100 * MS);
        assertThat(scheduler.backingOffHosts(100 * MS)).as("still wider than 100 ms").isEqualTo(1);
        scheduler.answered("a", 100 * MS);
        assertThat(scheduler.backingOffHosts(100 * MS)).as("narrowed back to its delay").isZero();
        assertThat(scheduler.nextReady(219 * MS)).as("the slot already set stays").isEmpty();
        assertThat(scheduler.nextReady(220 * MS)).contains("a");
    }
}
