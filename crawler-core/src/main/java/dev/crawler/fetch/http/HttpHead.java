package dev.crawler.fetch.http;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.ResponseHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A response status line and headers, read from a blocking stream with the same limits the async
 * codec applies: the status line and the header section may each be at most
 * {@code maxHeaderBytes}; anything malformed or over the limit is a PROTOCOL failure.
 *
 * @param minorVersion the {@code x} of {@code HTTP/1.x}
 * @param status the status code
 * @param headers the headers as sent
 */
public record HttpHead(int minorVersion, int status, ResponseHeaders headers) {

    /**
     * Reads one head. A stream that ends before the first byte is an IO failure (the server closed
     * the connection, possibly an idle keep-alive one); one that ends later, or holds no valid
     * HTTP/1.x head, is a PROTOCOL failure.
     */
    public static HttpHead read(InputStream in, int maxHeaderBytes) throws IOException {
        LineReader lines = new LineReader(in);
        String statusLine = readStatusLine(lines, maxHeaderBytes);
        HttpHead head = parseStatusLine(statusLine);
        return new HttpHead(head.minorVersion, head.status, readHeaders(lines, maxHeaderBytes));
    }

    /**
     * The status line, after any blank lines (as Netty skips them). A response that does not open
     * with {@code HTTP/} is refused as soon as that is clear, even if the server then closes.
     */
    private static String readStatusLine(LineReader lines, int maxHeaderBytes) throws IOException {
        for (int blank = 0; ; blank++) {
            String line = lines.read(maxHeaderBytes, true);
            if (line == null) {
                throw new FetchException(FetchError.IO, Messages.closedEarly());
            }
            if (!"HTTP/".startsWith(line.substring(0, Math.min(5, line.length())))) {
                throw new FetchException(FetchError.PROTOCOL, StatusLineStart.refusal(line));
            }
            if (!line.isEmpty() || blank >= 8) {
                if (lines.endedEarly()) {
                    throw new FetchException(FetchError.IO, Messages.closedEarly());
                }
                return line;
            }
        }
    }

    static HttpHead parseStatusLine(String line) throws FetchException {
        // HTTP/1.x SP 3DIGIT [SP reason], the status from 100 to 999
        if (line.length() < 12 || !line.startsWith("HTTP/1.") || !Character.isDigit(line.charAt(7))
                || line.charAt(8) != ' ' || !threeDigits(line, 9)
                || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new FetchException(FetchError.PROTOCOL, "malformed status line: " + quote(line));
        }
        int status = Integer.parseInt(line.substring(9, 12));
        if (status < 100) {
            throw new FetchException(FetchError.PROTOCOL, "malformed status line: " + quote(line));
        }
        return new HttpHead(line.charAt(7) - '0', status, ResponseHeaders.empty());
    }

    private static boolean threeDigits(String s, int at) {
        return Character.isDigit(s.charAt(at)) && Character.isDigit(s.charAt(at + 1))
                && Character.isDigit(s.charAt(at + 2));
    }

    /** Reads header lines up to the blank line, unfolding continuation lines. */
    static ResponseHeaders readHeaders(LineReader lines, int maxHeaderBytes) throws IOException {
        List<String[]> fields = new ArrayList<>();
        int budget = maxHeaderBytes;
        while (true) {
            String line = lines.read(budget);
            if (line == null) {
                throw new FetchException(FetchError.IO, Messages.closedEarly());
            }
            budget -= line.length() + 2;
            if (line.isEmpty()) {
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !fields.isEmpty()) {
                String[] last = fields.get(fields.size() - 1);
                last[1] = (last[1] + " " + line.strip()).strip();
                continue;
            }
            fields.add(field(line));
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>(fields.size());
        fields.forEach(f -> entries.add(Map.entry(f[0], f[1])));
        return new ResponseHeaders(entries);
    }

    private static String[] field(String line) throws FetchException {
        int colon = line.indexOf(':');
        String name = colon <= 0 ? "" : line.substring(0, colon).stripTrailing();
        if (name.isEmpty() || !name.chars().allMatch(HttpHead::isTokenChar)) {
            throw new FetchException(FetchError.PROTOCOL, "malformed header line: " + quote(line));
        }
        return new String[] {name, line.substring(colon + 1).strip()};
    }

    private static boolean isTokenChar(int c) {
        return c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    /** HTTP/1.1 unless {@code Connection: close}; HTTP/1.0 only with {@code Connection: keep-alive}. */
    public boolean keepAlive() {
        boolean close = false;
        boolean keep = false;
        for (String v : headers.all("Connection")) {
            for (String token : v.toLowerCase(Locale.ROOT).split(",")) {
                close |= token.strip().equals("close");
                keep |= token.strip().equals("keep-alive");
            }
        }
        return !close && (minorVersion >= 1 || keep);
    }

    /** 1xx other than 101: an interim response, the real one follows. */
    public boolean informational() {
        return status >= 100 && status < 200 && status != 101;
    }

    private static String quote(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    /** Reads CRLF- (or LF-) terminated ISO-8859-1 lines, refusing lines over a limit. */
    static final class LineReader {
        private final InputStream in;
        private boolean endedEarly;

        LineReader(InputStream in) {
            this.in = in;
        }

        /** The next line without its terminator; null if the stream ended before any byte. */
        String read(int limit) throws IOException {
            return read(limit, false);
        }

        /**
         * The next line; with {@code partial}, a line cut off by the end of the stream is returned
         * as it is (and {@link #endedEarly()} tells), else that is an IO failure. The first five
         * bytes of a partial read are enough to tell a status line from something else.
         */
        String read(int limit, boolean partial) throws IOException {
            StringBuilder sb = new StringBuilder(64);
            while (true) {
                if (partial && sb.length() == 5 && !sb.toString().equals("HTTP/")) {
                    while (sb.length() < 16 && in.available() > 0) { // a little more to show, without waiting
                        int b = in.read();
                        if (b < 0 || b == '\n') {
                            break;
                        }
                        sb.append((char) b);
                    }
                    return sb.toString();
                }
                int b = in.read();
                if (b < 0) {
                    if (sb.isEmpty()) {
                        return null;
                    }
                    if (partial) {
                        endedEarly = true;
                        return sb.toString();
                    }
                    throw new FetchException(FetchError.IO, Messages.closedEarly());
                }
                if (b == '\n') {
                    int n = sb.length();
                    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
                }
                if (sb.length() >= limit) {
                    throw new FetchException(FetchError.PROTOCOL, "response head larger than " + limit + " bytes");
                }
                sb.append((char) b);
            }
        }

        /** Whether the last partial read was cut off by the end of the stream. */
        boolean endedEarly() {
            return endedEarly;
        }
    }
}
