package dev.crawler.fetch.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The minimum transfer rate on a clock the test moves: no sleeping. */
class TransferRateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aTrickleFailsAtTheEndOfTheFirstWindow() {
        TransferRate rate = new TransferRate(1024, 10 * SECOND);
        rate.received(1, 0);
        for (long t = 1; t < 10; t++) {
            rate.received(1, t * SECOND);
            assertThat(rate.check(t * SECOND)).isEmpty();
        }
        assertThat(rate.check(10 * SECOND)).hasValueSatisfying(m -> assertThat(m).contains("1024 bytes/s", "10 bytes"));
    }

    @Test
    void eachWindowIsJudgedOnItsOwn() {
        TransferRate rate = new TransferRate(100, SECOND);
        rate.received(150, 0);
        assertThat(rate.check(SECOND)).isEmpty();
        rate.received(99, SECOND + 1);
        assertThat(rate.check(2 * SECOND)).isPresent();
    }

    @Test
    void aSilentWindowAfterAGoodOneFailsToo() {
        TransferRate rate = new TransferRate(100, SECOND);
        rate.received(1000, 0);
        assertThat(rate.check(3 * SECOND)).as("windows 2 and 3 got nothing").isPresent();
    }

    @Test
    void nothingIsJudgedBeforeTheFirstByteOrWhenOff() {
        assertThat(new TransferRate(1024, SECOND).check(100 * SECOND)).isEmpty();
        TransferRate off = new TransferRate(0, SECOND);
        off.received(1, 0);
        assertThat(off.enabled()).isFalse();
        assertThat(off.check(100 * SECOND)).isEmpty();
    }
}
