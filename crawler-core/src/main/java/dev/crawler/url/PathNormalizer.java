package dev.crawler.url;

import java.util.ArrayList;
import java.util.List;

/**
 * Normalizes the path of an http(s) URL: backslashes read as slashes (as browsers do for these
 * schemes), each segment percent-normalized, then dot-segments removed as in RFC 3986 section
 * 5.2.4 ({@code ..} never climbs above the root). Since {@code %2E} is decoded first,
 * {@code %2e%2e} is a dot-segment too, as in browsers. The result always starts with "/".
 */
final class PathNormalizer {

    private PathNormalizer() {
    }

    /** @param raw the path as written: empty, or starting with "/" or "\" */
    static String normalize(String raw) {
        if (raw.isEmpty()) {
            return "/";
        }
        if (isNormal(raw)) {
            return raw;
        }
        String dotsRemoved = removeDotSegments(raw);
        return dotsRemoved != null ? dotsRemoved : normalizeSegments(raw);
    }

    /**
     * {@link #normalizeSegments} for a path whose only abnormal segments are "." and ".." (such as
     * the {@code ../../java/lang/String.html} of API docs), in one pass over the text; null when
     * some segment needs percent-encoding work or the path has a backslash.
     */
    static String removeDotSegments(String raw) {
        if (raw.charAt(0) != '/') {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int segmentStart = 1;
        for (int i = 1; i <= raw.length(); i++) {
            if (i < raw.length() && raw.charAt(i) != '/') {
                continue;
            }
            boolean last = i == raw.length();
            if (isDotSegment(raw, segmentStart, i)) {
                if (i - segmentStart == 2 && !out.isEmpty()) {
                    out.setLength(out.lastIndexOf("/"));
                }
                if (last) {
                    out.append('/');
                }
            } else if (PercentEncoding.isNormal(raw, segmentStart, i, PercentEncoding.Component.PATH_SEGMENT)) {
                out.append('/').append(raw, segmentStart, i);
            } else {
                return null;
            }
            segmentStart = i + 1;
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    /**
     * Whether {@code raw} is already normal, so {@link #normalizeSegments} would return it
     * unchanged: it starts with "/", and holds only characters a segment allows as they are (no
     * backslash, no triplet) besides its slashes, and no "." or ".." segment. Most links on real
     * pages are, and this check costs one pass with no allocation.
     */
    static boolean isNormal(String raw) {
        if (raw.charAt(0) != '/') {
            return false;
        }
        int segmentStart = 1;
        for (int i = 1; i <= raw.length(); i++) {
            if (i < raw.length() && raw.charAt(i) != '/') {
                continue;
            }
            if (isDotSegment(raw, segmentStart, i)
                    || !PercentEncoding.isNormal(raw, segmentStart, i, PercentEncoding.Component.PATH_SEGMENT)) {
                return false;
            }
            segmentStart = i + 1;
        }
        return true;
    }

    private static boolean isDotSegment(String raw, int start, int end) {
        return (end - start == 1 && raw.charAt(start) == '.')
                || (end - start == 2 && raw.charAt(start) == '.' && raw.charAt(start + 1) == '.');
    }

    /** {@link #normalize} the long way: split, normalize each segment, remove dot-segments. */
    static String normalizeSegments(String raw) {
        String[] segments = raw.replace('\\', '/').substring(1).split("/", -1);
        List<String> out = new ArrayList<>(segments.length);
        for (int i = 0; i < segments.length; i++) {
            String segment = PercentEncoding.normalize(segments[i], PercentEncoding.Component.PATH_SEGMENT);
            boolean dot = segment.equals(".");
            boolean dotDot = segment.equals("..");
            if (!dot && !dotDot) {
                out.add(segment);
                continue;
            }
            if (dotDot && !out.isEmpty()) {
                out.remove(out.size() - 1);
            }
            if (i == segments.length - 1) {
                out.add("");
            }
        }
        return "/" + String.join("/", out);
    }
}
