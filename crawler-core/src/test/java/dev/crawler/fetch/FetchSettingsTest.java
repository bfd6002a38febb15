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
    void theTimeoutWithersChangeOnlyTheirTimeouts() {
        FetchSettings s = FetchSettings.defaults("bot/1").withReuseSettle(Duration.ofMillis(80))
                .withMinTransferRate(64, Duration.ofSeconds(3));
        FetchSettings both = s.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(9));
        assertThat(both).isEqualTo(new FetchSettings(s.userAgent(), s.connectTimeout(), Duration.ofSeconds(2),
                Duration.ofSeconds(9), s.maxBodyBytes(), s.maxHeaderBytes(), s.keepAlive(), s.addressPolicy(),
                s.overrides(), 64, Duration.ofSeconds(3), s.trustedCertificates(), Duration.ofMillis(80)));
        assertThat(s.withFirstByteTimeout(Duration.ofSeconds(2))).isEqualTo(both.withResponseTimeout(s.responseTimeout()));
        assertThat(s.withResponseTimeout(Duration.ofSeconds(9))).isEqualTo(both.withFirstByteTimeout(s.firstByteTimeout()));
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
