package dev.crawler.parse;

import java.nio.charset.Charset;

/**
 * A response body as text: decoded once with the charset {@link CharsetDetector} picks, a leading
 * byte order mark dropped (jsoup would otherwise see U+FEFF as text before the first tag).
 */
record DecodedPage(String text, Charset charset) {

    static DecodedPage of(byte[] body, String contentTypeHeader) {
        byte[] bytes = body == null ? new byte[0] : body;
        Charset charset = CharsetDetector.detect(bytes, contentTypeHeader);
        String text = new String(bytes, charset);
        return new DecodedPage(!text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text, charset);
    }
}
