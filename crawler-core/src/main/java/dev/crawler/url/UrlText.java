package dev.crawler.url;

/** Character-level helpers shared by the URL parser: cleaning input and finding a scheme. */
final class UrlText {

    private UrlText() {
    }

    /**
     * Removes what browsers ignore: leading and trailing C0 controls and spaces, and every tab,
     * line feed and carriage return inside.
     */
    static String clean(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) <= ' ') {
            end--;
        }
        StringBuilder out = null;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            boolean drop = c == '\t' || c == '\n' || c == '\r';
            if (drop && out == null) {
                out = new StringBuilder(end - start).append(s, start, i);
            } else if (!drop && out != null) {
                out.append(c);
            }
        }
        return out != null ? out.toString() : s.substring(start, end);
    }

    /** The index of the colon ending a scheme ({@code ALPHA *(ALPHA / DIGIT / + - .)}), or -1. */
    static int schemeEnd(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The value of a hex digit, or -1. */
    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
