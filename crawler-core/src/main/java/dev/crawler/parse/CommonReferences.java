package dev.crawler.parse;

import java.util.Optional;

/**
 * Decodes an attribute value whose character references are all of the few plain forms that
 * hrefs carry (found on real pages: {@code &amp;} in query strings, {@code &#47;} or
 * {@code &#x2F;} for a character), without the cost of jsoup's tokenizer, which is built anew
 * for every value it decodes. Each form decodes the same in every position in an attribute value
 * (they end with {@code ;}, so the HTML rule for legacy names without one does not apply), to
 * printable ASCII (so no replacement or Windows-1252 remapping applies either), which is what
 * jsoup gives for them. Any other {@code &} sends the whole value back to jsoup.
 */
final class CommonReferences {

    /** The longest numeric reference taken here: {@code &#x} or {@code &#}, up to 6 digits, {@code ;}. */
    private static final int MAX_DIGITS = 6;

    private CommonReferences() {
    }

    /** {@code value} with its references decoded, or empty if one is not of the forms taken here. */
    static Optional<String> decode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int end = value.indexOf(';', i + 1);
            if (end < 0) {
                return Optional.empty();
            }
            int decoded = decodeOne(value, i + 1, end);
            if (decoded < 0) {
                return Optional.empty();
            }
            out.append((char) decoded);
            i = end + 1;
        }
        return Optional.of(out.toString());
    }

    /** The character of the reference between {@code &} and {@code ;} ({@code from} to {@code end}), or -1. */
    private static int decodeOne(String s, int from, int end) {
        int len = end - from;
        if (len >= 2 && len <= 4 && s.charAt(from) != '#') {
            return switch (s.substring(from, end)) {
                case "amp" -> '&';
                case "lt" -> '<';
                case "gt" -> '>';
                case "quot" -> '"';
                default -> -1;
            };
        }
        if (len < 2 || s.charAt(from) != '#') {
            return -1;
        }
        boolean hex = s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X';
        int digitsFrom = from + (hex ? 2 : 1);
        int digits = end - digitsFrom;
        if (digits < 1 || digits > MAX_DIGITS) {
            return -1;
        }
        int code = 0;
        for (int k = digitsFrom; k < end; k++) {
            int d = Character.digit(s.charAt(k), hex ? 16 : 10);
            if (d < 0 || s.charAt(k) > 'f') { // ASCII digits only, as the HTML tokenizer reads them
                return -1;
            }
            code = code * (hex ? 16 : 10) + d;
        }
        return code >= 0x21 && code <= 0x7E ? code : -1;
    }
}
