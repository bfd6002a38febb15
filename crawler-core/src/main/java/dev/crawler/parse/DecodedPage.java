package dev.crawler.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A response body as text: decoded once with the charset {@link CharsetDetector} picks, a leading
 * byte order mark dropped (jsoup would otherwise see U+FEFF as text before the first tag).
 */
record DecodedPage(String text, Charset charset) {

    static DecodedPage of(byte[] body, String contentTypeHeader) {
        byte[] bytes = body == null ? new byte[0] : body;
        Charset charset = CharsetDetector.detect(bytes, contentTypeHeader);
        String text = readsAsciiAsIs(charset) && AsciiBytes.isAscii(bytes)
                ? new String(bytes, StandardCharsets.ISO_8859_1) // the same text, copied without decoding
                : new String(bytes, charset);
        return new DecodedPage(!text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text, charset);
    }

    /**
     * Whether the charset reads every byte below 0x80 as that ASCII character, whatever surrounds it
     * (not so UTF-16, nor ISO-2022-JP and UTF-7, whose ASCII bytes can shift into other characters).
     */
    static boolean readsAsciiAsIs(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)
                || charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(CharsetDetector.WINDOWS_1252);
    }
}
