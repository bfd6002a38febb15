package dev.crawler.fetch.http;

/**
 * Checks, byte by byte, that a response opens like an HTTP/1.x status line ({@code HTTP/}, after
 * any blank lines), so that an HTTP/0.9-style reply (a bare body, no status line) or another
 * protocol is refused at once, with the same words in every fetcher. Not thread-safe.
 */
public final class StatusLineStart {

    private static final String PREFIX = "HTTP/";

    private int matched;
    private final StringBuilder seen = new StringBuilder();
    private boolean failed;

    /** Feeds the next response byte; false once the response cannot be HTTP/1.x. */
    public boolean accept(int b) {
        if (matched == PREFIX.length() || failed) {
            return !failed;
        }
        if (matched == 0 && (b == '\r' || b == '\n')) {
            return true;
        }
        seen.append((char) (b & 0xff));
        if (b == PREFIX.charAt(matched)) {
            matched++;
            return true;
        }
        failed = true;
        return false;
    }

    /** Whether the whole prefix has been seen. */
    public boolean complete() {
        return matched == PREFIX.length();
    }

    /** The failure message for a response that does not open with a status line. */
    String refusal() {
        return refusal(seen.toString());
    }

    public static String refusal(String start) {
        String shown = start.length() > 16 ? start.substring(0, 16) : start;
        return "not an HTTP/1.x response (no status line; an HTTP/0.9-style reply?): it starts with '"
                + shown.replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }
}
