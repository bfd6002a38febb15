package dev.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiBytesTest {

    @Test
    void answersAsAByteByByteLoop() {
        Random random = new Random(11);
        byte[] alphabet = {'<', '>', '=', ';', '"', 'a', 0, 1, 0x7F, (byte) 0x80, (byte) 0xBC, (byte) 0xFF, (byte) 0x3D};
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) ('a' + random.nextInt(26));
            }
            assertThat(AsciiBytes.isAscii(bytes)).isEqualTo(naiveIsAscii(bytes));
        }
    }

    @Test
    void anAsciiPageIsTheTextItsCharsetGives() {
        String html = "<p>plain &amp; ASCII <a href=x>x</a>\n".repeat(50);
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.US_ASCII,
                StandardCharsets.ISO_8859_1, Charset.forName("windows-1252")}) {
            byte[] body = html.getBytes(charset);
            assertThat(DecodedPage.readsAsciiAsIs(charset)).as(charset.name()).isTrue();
            assertThat(DecodedPage.of(body, "text/html; charset=" + charset.name()).text()).isEqualTo(new String(body, charset));
        }
        for (String name : new String[] {"UTF-16LE", "UTF-16BE", "ISO-2022-JP", "UTF-7"}) {
            if (Charset.isSupported(name)) {
                assertThat(DecodedPage.readsAsciiAsIs(Charset.forName(name))).as(name).isFalse();
            }
        }
        byte[] shifted = "\u001b$B$3$s$K$A$O\u001b(B".getBytes(StandardCharsets.US_ASCII); // ISO-2022-JP kana, all ASCII bytes
        assertThat(DecodedPage.of(shifted, "text/html; charset=ISO-2022-JP").text())
                .isEqualTo(new String(shifted, Charset.forName("ISO-2022-JP"))).isNotEqualTo(new String(shifted, StandardCharsets.US_ASCII));
    }

    private static boolean naiveIsAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
