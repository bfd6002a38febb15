package dev.crawler.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizeParserTest {

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({
        "0, 0",
        "512, 512",
        "512b, 512",
        "1k, 1024",
        "1KB, 1024",
        "1KiB, 1024",
        "64KB, 65536",
        "10MB, 10485760",
        "10 MiB, 10485760",
        "1.5MB, 1572864",
        "2g, 2147483648",
        "1TB, 1099511627776",
        "' 7 kb ', 7168",
    })
    void parses(String text, long bytes) {
        assertThat(SizeParser.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", "big", "10XB", "MB", "-1", "-1MB", "10 M B", "1ib", "10MBs", "99999999999TB"})
    void refuses(String text) {
        assertThatThrownBy(() -> SizeParser.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text.trim() + "'");
    }

    @ParameterizedTest(name = "{0} formats as {1}")
    @CsvSource({"1000, 1000", "1024, 1KB", "65536, 64KB", "10485760, 10MB", "1073741824, 1GB"})
    void formatsShortestExactForm(long bytes, String text) {
        assertThat(SizeParser.format(bytes)).isEqualTo(text);
        assertThat(SizeParser.parse(text)).isEqualTo(bytes);
    }
}
