package dev.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlDetectorTest {

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            text/html                        | anything                  | true
            TEXT/HTML; charset=utf-8         | anything                  | true
            application/xhtml+xml            | anything                  | true
            ` text/html `                    | anything                  | true
            text/plain                       | <html><body>              | false
            application/octet-stream         | <!DOCTYPE html>           | false
            application/json                 | {}                        | false
            text/htmlx                       | <html>                    | false
            ``                               | <!DOCTYPE html><p>        | true
            ``                               | `  \t<HTML lang=en>`      | true
            ``                               | <html>                    | true
            ``                               | <head><title>             | true
            ``                               | <body>                    | true
            ``                               | <htmlx>                   | false
            ``                               | <?xml version="1.0"?>     | false
            ``                               | plain text                | false
            ``                               | ``                        | false
            """)
    void decides(String mediaType, String body, boolean expected) {
        String type = mediaType.isEmpty() ? null : mediaType;
        assertThat(HtmlDetector.isHtml(type, body.replace("\\t", "\t").getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void sniffsPastAByteOrderMarkAndSurvivesNull() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<', 'h', 't', 'm', 'l', '>'};
        assertThat(HtmlDetector.isHtml(null, bom)).isTrue();
        assertThat(HtmlDetector.isHtml(null, null)).isFalse();
        assertThat(HtmlDetector.isHtml("  ", new byte[0])).isFalse();
    }
}
