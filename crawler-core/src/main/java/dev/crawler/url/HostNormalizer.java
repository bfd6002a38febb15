package dev.crawler.url;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * The canonical form of a URL host: percent-decoded, IDNA to ASCII (punycode), lower-cased,
 * without a trailing dot; IPv4 in any WHATWG spelling as a dotted quad; IPv6 in RFC 5952 form
 * inside brackets. A name must also be a host that {@link java.net.URI} accepts as a server
 * authority (letters, digits and inner hyphens; the last label starts with a letter), so names
 * with "_" are refused: the rest of the crawler and its HTTP client rely on java.net.URI.
 */
final class HostNormalizer {

    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    private HostNormalizer() {
    }

    static Optional<String> canonical(String raw) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.charAt(0) == '[') {
            return raw.length() > 2 && raw.endsWith("]")
                    ? IpAddresses.ipv6(raw.substring(1, raw.length() - 1)).map(h -> "[" + h + "]")
                    : Optional.empty();
        }
        Optional<String> decoded = raw.indexOf('%') >= 0 ? PercentEncoding.decodeUtf8(raw) : Optional.of(raw);
        return decoded.flatMap(HostNormalizer::toAscii).flatMap(HostNormalizer::nameOrIpv4);
    }

    private static Optional<String> toAscii(String host) {
        if (isAscii(host)) {
            return Optional.of(host.toLowerCase(Locale.ROOT));
        }
        try {
            return Optional.of(IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            // IDN throws IllegalArgumentException for names that break RFC 3490.
            return Optional.empty();
        }
    }

    private static Optional<String> nameOrIpv4(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (h.isEmpty()) {
            return Optional.empty();
        }
        if (IpAddresses.endsInNumber(h)) {
            return IpAddresses.ipv4(h);
        }
        return isDnsName(h) ? Optional.of(h) : Optional.empty();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Dot-separated labels, each valid; the last starts with a letter. */
    private static boolean isDnsName(String h) {
        if (h.length() > MAX_NAME_LENGTH) {
            return false;
        }
        int start = 0;
        while (true) {
            int dot = h.indexOf('.', start);
            int end = dot < 0 ? h.length() : dot;
            if (!isLabel(h, start, end)) {
                return false;
            }
            if (dot < 0) {
                return UrlText.isAsciiLetter(h.charAt(start));
            }
            start = dot + 1;
        }
    }

    private static boolean isLabel(String h, int start, int end) {
        if (end == start || end - start > MAX_LABEL_LENGTH || h.charAt(start) == '-' || h.charAt(end - 1) == '-') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = h.charAt(i);
            if (!UrlText.isAsciiLetter(c) && !UrlText.isAsciiDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }
}
