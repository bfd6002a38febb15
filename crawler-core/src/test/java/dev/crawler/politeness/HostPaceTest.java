package dev.crawler.politeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The delay to a host follows its response times (adaptive) and rate limiting (widen, narrow), within bounds. */
class HostPaceTest {

    private static final long MS = 1_000_000L;

    private static PolitenessScheduler scheduler(double factor) {
        return new PolitenessScheduler(new PolitenessPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(2))
                .withAdaptiveFactor(factor));
    }

    /** One request to {@code host}, written at {@code at} and ended {@code took} later. */
    private static void request(PolitenessScheduler s, String host, long at, long took) {
        start(s, host, at, at).finished(at + took);
    }

    /** A request to {@code host} handed out at {@code at} and written at {@code writtenAt}. */
    private static PolitenessScheduler.Start start(PolitenessScheduler s, String host, long at, long writtenAt) {
        s.workArrived(host, at);
        s.nextReady(at).orElseThrow();
        PolitenessScheduler.Start start = s.started(host, at, true);
        start.sent(writtenAt);
        return start;
    }

    @Test
    void theDelayIsAtLeastTheFactorTimesTheRecentResponseTime() {
        PolitenessScheduler s = scheduler(3);
        request(s, "a", 0, 200 * MS);
        assertThat(s.delayNanos("a")).as("3 x 200 ms and a margin of 50").isEqualTo(650 * MS);
        assertThat(s.nextWakeup()).as("counted from the write").hasValue(650 * MS);
        request(s, "a", 1000 * MS, 400 * MS);
        assertThat(s.delayNanos("a")).as("3 x (200 + 400) / 2").isEqualTo(950 * MS);
    }

    @Test
    void theResponseTimeEndsWhenTheServerIsDoneNotWhenTheConnectionHasSettled() {
        PolitenessScheduler s = scheduler(3);
        PolitenessScheduler.Start start = start(s, "a", 0, 0);
        start.answered(200 * MS);
        start.finished(225 * MS); // the settle window passed
        assertThat(s.delayNanos("a")).as("3 x 200 ms and a margin of 50").isEqualTo(650 * MS);
    }

    @Test
    void aFastHostKeepsTheConfiguredDelay() {
        PolitenessScheduler s = scheduler(3);
        request(s, "a", 0, 10 * MS);
        assertThat(s.delayNanos("a")).isEqualTo(110 * MS);
    }

    @Test
    void anAdaptedDelayIsCappedByMaxCrawlDelay() {
        PolitenessScheduler s = scheduler(10);
        request(s, "a", 0, 1000 * MS);
        assertThat(s.delayNanos("a")).isEqualTo(2050 * MS);
    }

    @Test
    void withoutTheFactorResponseTimesChangeNothing() {
        PolitenessScheduler s = scheduler(0);
        request(s, "a", 0, 1000 * MS);
        assertThat(s.delayNanos("a")).isEqualTo(110 * MS);
    }

    @Test
    void rateLimitingDoublesTheDelayUpToTheCapAndSuccessesNarrowItBack() {
        PolitenessScheduler s = scheduler(0);
        s.workArrived("a", 0);
        s.slowedDown("a", 0);
        assertThat(s.delayNanos("a")).as("twice 100 ms, and a margin of 20").isEqualTo(220 * MS);
        s.slowedDown("a", 0);
        s.slowedDown("a", 0);
        assertThat(s.delayNanos("a")).isEqualTo(850 * MS);
        s.slowedDown("a", 0);
        s.slowedDown("a", 0);
        assertThat(s.delayNanos("a")).as("capped at maxCrawlDelay").isEqualTo(2050 * MS);
        s.answered("a", 0);
        assertThat(s.delayNanos("a")).isEqualTo(1550 * MS);
        long last = s.delayNanos("a");
        for (int i = 0; i < 20; i++) {
            s.answered("a", 0);
            assertThat(s.delayNanos("a")).isLessThanOrEqualTo(last);
            last = s.delayNanos("a");
        }
        assertThat(last).as("back to the configured delay").isEqualTo(110 * MS);
    }

    @Test
    void aWidenedDelayCountsFromTheLatestWrite() {
        PolitenessScheduler s = scheduler(0);
        start(s, "a", 0, 10 * MS).finished(20 * MS);
        s.slowedDown("a", 20 * MS);
        assertThat(s.nextReady(200 * MS)).isEmpty();
        assertThat(s.nextWakeup()).as("10 ms, then 200 and a margin of 20").hasValue(230 * MS);
    }

    @Test
    void policyRejectsANegativeFactorAndPerIpLimits() {
        PolitenessPolicy p = new PolitenessPolicy(1, Duration.ZERO, Duration.ZERO);
        assertThatThrownBy(() -> p.withAdaptiveFactor(-1)).hasMessageContaining("adaptiveFactor");
        assertThatThrownBy(() -> p.withAdaptiveFactor(Double.NaN)).hasMessageContaining("adaptiveFactor");
        assertThatThrownBy(() -> p.withPerIp(-1, Duration.ZERO)).hasMessageContaining("perIpConnections");
        assertThatThrownBy(() -> p.withPerIp(0, Duration.ofMillis(-1))).hasMessageContaining("perIpDelay");
        assertThat(p.perIp()).isFalse();
        assertThat(p.withPerIp(0, Duration.ofMillis(1)).perIp()).isTrue();
    }
}
