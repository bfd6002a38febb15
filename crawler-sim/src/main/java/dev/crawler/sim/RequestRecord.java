package dev.crawler.sim;

/**
 * One request as the server saw it.
 *
 * @param arrivalNanos {@link System#nanoTime()} when the request was decoded
 * @param endNanos {@link System#nanoTime()} when the response write completed (or failed)
 * @param connectionId id of the TCP connection, unique per server; equal ids mean keep-alive reuse
 * @param host the Host header's name without port, lower-cased ("" if there was none)
 * @param path the request target: path and query
 * @param status the status sent, or 0 if the connection closed before a response could be sent
 * @param bytes body bytes written on the wire (compressed size when gzip), 0 if the write failed
 */
public record RequestRecord(long arrivalNanos, long endNanos, long connectionId, String host, String path,
        int status, long bytes) {

    /** {@code endNanos - arrivalNanos}. */
    public long durationNanos() {
        return endNanos - arrivalNanos;
    }

    /** The record as one tab-separated line (no newline); tabs, newlines and backslashes in text are escaped. */
    public String toTsv() {
        return arrivalNanos + "\t" + endNanos + "\t" + connectionId + "\t" + escape(host) + "\t" + escape(path)
                + "\t" + status + "\t" + bytes;
    }

    /** Parses a line written by {@link #toTsv()}. */
    public static RequestRecord parseTsv(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 7) {
            throw new IllegalArgumentException("expected 7 tab-separated fields, got " + f.length + ": " + line);
        }
        return new RequestRecord(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), unescape(f[3]),
                unescape(f[4]), Integer.parseInt(f[5]), Long.parseLong(f[6]));
    }

    /** The header line of a TSV log. */
    public static String tsvHeader() {
        return "#arrivalNanos\tendNanos\tconnectionId\thost\tpath\tstatus\tbytes";
    }

    private static String escape(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
