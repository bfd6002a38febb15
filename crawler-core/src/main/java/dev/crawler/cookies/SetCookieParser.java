package dev.crawler.cookies;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a Set-Cookie header value by the algorithm of RFC 6265 §5.2: the name and value before
 * the first {@code ;}, then attributes, each {@code name=value} or a bare name, matched without
 * regard to case; unknown attributes (SameSite among them) and malformed ones are skipped.
 * A value with no {@code =} in its first part, an empty name, control characters in the name or
 * value, or a name and value longer than {@link #MAX_NAME_VALUE_BYTES} together is no cookie;
 * an attribute value longer than {@link #MAX_ATTRIBUTE_VALUE_BYTES} is skipped, as browsers do.
 */
final class SetCookieParser {

    /** The most bytes (UTF-8) of name and value together that a cookie may have. */
    static final int MAX_NAME_VALUE_BYTES = 4096;
    /** The most bytes (UTF-8) one attribute's value may have. */
    static final int MAX_ATTRIBUTE_VALUE_BYTES = 1024;

    private SetCookieParser() {
    }

    /** The cookie {@code header} sets, or empty if it sets none. */
    static Optional<SetCookie> parse(String header) {
        int semicolon = header.indexOf(';');
        String nameValue = semicolon < 0 ? header : header.substring(0, semicolon);
        int equals = nameValue.indexOf('=');
        if (equals < 0) {
            return Optional.empty();
        }
        String name = trim(nameValue.substring(0, equals));
        String value = trim(nameValue.substring(equals + 1));
        if (name.isEmpty() || hasControl(name) || hasControl(value)
                || utf8Length(name) + utf8Length(value) > MAX_NAME_VALUE_BYTES) {
            return Optional.empty();
        }
        Attributes attributes = new Attributes();
        if (semicolon >= 0) {
            for (String av : header.substring(semicolon + 1).split(";", -1)) {
                attributes.take(av);
            }
        }
        return Optional.of(new SetCookie(name, value, attributes.expires, attributes.maxAge, attributes.domain,
                attributes.path, attributes.secure, attributes.httpOnly));
    }

    /** Removes leading and trailing WSP (space and horizontal tab). */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    /** Control characters (tab included: it would break the tab-separated cookies.txt). */
    static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The attributes as they are read; a later valid one replaces an earlier one. */
    private static final class Attributes {
        Optional<Instant> expires = Optional.empty();
        Optional<Long> maxAge = Optional.empty();
        Optional<String> domain = Optional.empty();
        Optional<String> path = Optional.empty();
        boolean secure;
        boolean httpOnly;

        void take(String av) {
            int equals = av.indexOf('=');
            String name = trim(equals < 0 ? av : av.substring(0, equals)).toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "" : trim(av.substring(equals + 1));
            if (utf8Length(value) > MAX_ATTRIBUTE_VALUE_BYTES) {
                return;
            }
            switch (name) {
                case "expires" -> CookieDate.parse(value).ifPresent(date -> expires = Optional.of(date));
                case "max-age" -> parseMaxAge(value).ifPresent(seconds -> maxAge = Optional.of(seconds));
                case "domain" -> takeDomain(value);
                case "path" -> path = isPath(value) ? Optional.of(value) : Optional.empty();
                case "secure" -> secure = true;
                case "httponly" -> httpOnly = true;
                default -> {
                    // SameSite, Priority, Partitioned and the unknown mean nothing to a crawler
                }
            }
        }

        /** A Path that starts with {@code /} and holds no control character; others mean the default path. */
        private static boolean isPath(String value) {
            return value.startsWith("/") && !hasControl(value);
        }

        private void takeDomain(String value) {
            if (value.isEmpty()) {
                return;
            }
            String bare = value.startsWith(".") ? value.substring(1) : value;
            domain = Optional.of(bare.toLowerCase(Locale.ROOT));
        }

        /** Max-Age: an optional {@code -} and digits; ignored otherwise. Huge values saturate. */
        private static Optional<Long> parseMaxAge(String value) {
            int digitsFrom = value.startsWith("-") ? 1 : 0;
            if (value.length() == digitsFrom) {
                return Optional.empty();
            }
            for (int i = digitsFrom; i < value.length(); i++) {
                if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                    return Optional.empty();
                }
            }
            try {
                return Optional.of(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return Optional.of(digitsFrom == 1 ? Long.MIN_VALUE : Long.MAX_VALUE); // too many digits
            }
        }
    }
}
