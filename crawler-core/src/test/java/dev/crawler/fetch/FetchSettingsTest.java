package dev.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetchSettingsTest {

    @Test
    void reuseSettleDefaultsTo25MillisAndSurvivesTheOtherWithers() {
        FetchSettings s = FetchSettings.defaults("bot/1");
        assertThat(s.reuseSettle()).isEqualTo(Duration.ofMillis(25));
        FetchSettings longer = s.withReuseSettle(Duration.ofMillis(80)).withMaxBodyBytes(1000)
                .withMinTransferRate(0, Duration.ofSeconds(1));
        assertThat(longer.reuseSettle()).isEqualTo(Duration.ofMillis(80));
    }

    @Test
    void zeroTurnsTheSettleOff() {
        assertThat(FetchSettings.defaults("bot/1").withReuseSettle(Duration.ZERO).reuseSettle()).isZero();
    }

    @Test
    void aNegativeSettleIsRefused() {
        assertThatThrownBy(() -> FetchSettings.defaults("bot/1").withReuseSettle(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reuseSettle");
    }
}
