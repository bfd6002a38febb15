package dev.crawler.url;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Percent-encoding normalization of one URL component (RFC 3986 section 6.2.2.2): triplets get
 * upper-case hex, triplets of unreserved characters are decoded ({@code %41} becomes {@code A}),
 * characters not allowed in the component are encoded as UTF-8 triplets, a {@code %} that starts
 * no valid triplet becomes {@code %25}, and allowed characters (reserved ones included) stay as
 * they are.
 */
final class PercentEncoding {

    /** The components whose allowed characters differ. */
    enum Component {
        /** A path segment: pchar. */
        PATH_SEGMENT,
        /** The query: pchar, "/" and "?". */
        QUERY
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * {@link #allowed} for every ASCII character, by component: the checks run for every character
     * of every link, and a table is cheaper than the comparisons under the quick compiler.
     */
    private static final boolean[][] ALLOWED = new boolean[Component.values().length][0x80];

    static {
        for (Component component : Component.values()) {
            for (char c = 0; c < 0x80; c++) {
                ALLOWED[component.ordinal()][c] = allowed(c, component);
            }
        }
    }

    private PercentEncoding() {
    }

    static String normalize(String s, Component component) {
        return isNormal(s, component) ? s : normalizeAll(s, component);
    }

    /**
     * Whether {@code s} has only characters the component allows as they are, and no triplet, so
     * normalizing leaves it unchanged: the common case, checked without building a new string.
     */
    static boolean isNormal(String s, Component component) {
        return isNormal(s, 0, s.length(), component);
    }

    /** {@link #isNormal(String, Component)} of the characters from {@code from} to {@code to}. */
    static boolean isNormal(String s, int from, int to, Component component) {
        boolean[] allowed = ALLOWED[component.ordinal()];
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || !allowed[c]) {
                return false;
            }
        }
        return true;
    }

    /** {@link #normalize} the long way, character by character. */
    static String normalizeAll(String s, Component component) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%') {
                i = triplet(s, i, out);
            } else if (c < 0x80 && allowed(c, component)) {
                out.append(c);
                i++;
            } else {
                int cp = s.codePointAt(i);
                encodeUtf8(Character.isSurrogate((char) cp) ? 0xFFFD : cp, out);
                i += Character.charCount(cp);
            }
        }
        return out.toString();
    }

    /**
     * Decodes every triplet of {@code s} and reads the result as strict UTF-8; empty if the bytes
     * are not UTF-8. Used for host names, which browsers percent-decode before IDNA.
     */
    static Optional<String> decodeUtf8(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(utf8.length);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '%' && i + 2 < utf8.length && hex(utf8[i + 1]) >= 0 && hex(utf8[i + 2]) >= 0) {
                bytes.put((byte) (hex(utf8[i + 1]) * 16 + hex(utf8[i + 2])));
                i += 2;
            } else {
                bytes.put(utf8[i]);
            }
        }
        bytes.flip();
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static int hex(byte b) {
        return UrlText.hexValue((char) (b & 0xFF));
    }

    /** Appends the normalized form of the {@code %} at {@code i}; returns the next index. */
    private static int triplet(String s, int i, StringBuilder out) {
        int hi = i + 1 < s.length() ? UrlText.hexValue(s.charAt(i + 1)) : -1;
        int lo = i + 2 < s.length() ? UrlText.hexValue(s.charAt(i + 2)) : -1;
        if (hi < 0 || lo < 0) {
            out.append("%25");
            return i + 1;
        }
        int value = hi * 16 + lo;
        if (isUnreserved(value)) {
            out.append((char) value);
        } else {
            appendTriplet(value, out);
        }
        return i + 3;
    }

    private static boolean allowed(char c, Component component) {
        if (isUnreserved(c)) {
            return true;
        }
        return switch (c) {
            case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@' -> true;
            case '/', '?' -> component == Component.QUERY;
            default -> false;
        };
    }

    private static void encodeUtf8(int cp, StringBuilder out) {
        byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            appendTriplet(b & 0xFF, out);
        }
    }

    private static void appendTriplet(int value, StringBuilder out) {
        out.append('%').append(HEX[value >> 4]).append(HEX[value & 0xF]);
    }
}
