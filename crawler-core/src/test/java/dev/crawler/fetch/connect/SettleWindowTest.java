package dev.crawler.fetch.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SettleWindowTest {

    private static final Duration CAP = Duration.ofMillis(25);

    private static long ms(double millis) {
        return (long) (millis * 1_000_000);
    }

    @Test
    void aQuickServerIsWatchedForTheFloorOnly() {
        SettleWindow w = new SettleWindow();
        w.replied(ms(0.2));
        w.replied(ms(0.3));
        // sent at 0, last byte at 0.5 ms: two replies' worth is over by 0.6 ms, so the floor rules
        assertThat(w.holdNanos(0, ms(0.5), CAP)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(SettleWindow.FLOOR_MILLIS));
    }

    @Test
    void theHoldLastsUntilTwoOfTheSlowestRepliesHavePassedSinceTheRequest() {
        SettleWindow w = new SettleWindow();
        w.replied(ms(8));
        w.replied(ms(1));
        assertThat(w.slowestReplyNanos()).isEqualTo(ms(8));
        // sent at 10 ms, ended at 15 ms: held until 10 + 16 = 26 ms
        assertThat(w.holdNanos(ms(10), ms(15), CAP)).isEqualTo(ms(11));
    }

    @Test
    void anUnaskedResponseThatCameLateIsHeldForTheWholeCap() {
        SettleWindow w = new SettleWindow();
        w.replied(ms(0.3));
        w.replied(ms(300)); // the bytes read as this request's answer came 300 ms after it
        assertThat(w.holdNanos(0, ms(300.1), CAP)).isEqualTo(CAP.toNanos());
    }

    @Test
    void theHoldNeverExceedsTheUsersWindowEvenBelowTheFloor() {
        SettleWindow w = new SettleWindow();
        w.replied(ms(50));
        assertThat(w.holdNanos(0, ms(60), CAP)).isEqualTo(CAP.toNanos());
        assertThat(w.holdNanos(0, ms(60), Duration.ofMillis(1))).isEqualTo(ms(1));
    }

    @Test
    void aSlowReplyCountsOnlyWhileItIsRecent() {
        SettleWindow w = new SettleWindow();
        w.replied(ms(20)); // a server still warming up
        for (int i = 1; i < SettleWindow.RECENT; i++) {
            w.replied(ms(0.3));
        }
        assertThat(w.slowestReplyNanos()).isEqualTo(ms(20));
        w.replied(ms(0.3));
        assertThat(w.slowestReplyNanos()).isEqualTo(ms(0.3));
    }

    @Test
    void negativeRepliesFromClockOrderingCountAsNone() {
        SettleWindow w = new SettleWindow();
        w.replied(-5);
        assertThat(w.slowestReplyNanos()).isZero();
    }
}
