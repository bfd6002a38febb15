package dev.crawler.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({
        "250ms, 250",
        "2s, 2000",
        "1.5s, 1500",
        "1m, 60000",
        "1h, 3600000",
        "1m30s, 90000",
        "2, 2000",
        "0.25, 250",
        "0, 0",
        "0ms, 0",
        "' 10MS ', 10",
        ".5s, 500",
        "PT2S, 2000",
        "pt0.5s, 500",
        "1h1m1s1ms, 3661001",
    })
    void parses(String text, long millis) {
        assertThat(DurationParser.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", " ", "fast", "2 s", "s", "1.s", "10sec", "1d", "-1s", "-5", "1s2", "ms10", "1,5s", "P"})
    void refusesWithTheAcceptedForms(String text) {
        assertThatThrownBy(() -> DurationParser.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("250ms", ">= 0"));
    }

    @ParameterizedTest(name = "{0} formats as {1}")
    @CsvSource({"0, 0s", "250, 250ms", "1000, 1s", "1500, 1500ms", "60000, 1m", "90000, 90s", "3600000, 1h"})
    void formatsShortestExactForm(long millis, String text) {
        assertThat(DurationParser.format(Duration.ofMillis(millis))).isEqualTo(text);
        assertThat(DurationParser.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }
}
