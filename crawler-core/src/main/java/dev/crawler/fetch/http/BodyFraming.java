package dev.crawler.fetch.http;

import dev.crawler.fetch.FetchError;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * How a response body is delimited (RFC 9112, section 6.3): not at all (1xx, 204, 304), by
 * chunked transfer coding, by Content-Length, or by the server closing the connection. Several
 * Content-Length values, or one that is not a number, are a PROTOCOL failure, as in the async codec.
 *
 * @param kind which of the four
 * @param length the Content-Length for {@link Kind#LENGTH}, otherwise -1
 */
public record BodyFraming(Kind kind, long length) {

    enum Kind { NONE, CHUNKED, LENGTH, UNTIL_CLOSE }

    public static BodyFraming of(HttpHead head) throws FetchException {
        int s = head.status();
        if ((s >= 100 && s < 200) || s == 204 || s == 304) {
            return new BodyFraming(Kind.NONE, -1);
        }
        List<String> te = head.headers().all("Transfer-Encoding");
        if (!te.isEmpty()) {
            String codings = String.join(",", te).toLowerCase(Locale.ROOT);
            String last = codings.substring(codings.lastIndexOf(',') + 1).strip();
            return new BodyFraming(last.equals("chunked") ? Kind.CHUNKED : Kind.UNTIL_CLOSE, -1);
        }
        List<String> cl = head.headers().all("Content-Length");
        if (cl.isEmpty()) {
            return new BodyFraming(Kind.UNTIL_CLOSE, -1);
        }
        if (cl.size() > 1 || cl.get(0).indexOf(',') >= 0) {
            throw new FetchException(FetchError.PROTOCOL, "multiple Content-Length values: " + cl);
        }
        return new BodyFraming(Kind.LENGTH, parseLength(cl.get(0)));
    }

    private static long parseLength(String v) throws FetchException {
        String t = v.strip();
        if (t.isEmpty() || t.length() > 18 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new FetchException(FetchError.PROTOCOL, "invalid Content-Length: '" + v + "'");
        }
        return Long.parseLong(t);
    }

    /** Whether the body ends without closing the connection, so the connection may be reused. */
    public boolean delimited() {
        return kind != Kind.UNTIL_CLOSE;
    }

    /** The body, as raw (still content-coded) bytes, read from {@code in}; closing it closes nothing. */
    public InputStream open(InputStream in, int maxLineBytes) {
        return switch (kind) {
            case NONE -> new ByteArrayInputStream(new byte[0]);
            case CHUNKED -> new ChunkedInputStream(in, maxLineBytes);
            case LENGTH -> new LengthInputStream(in, length);
            case UNTIL_CLOSE -> new FilterInputStream(in) {
                @Override
                public void close() {
                    // the connection is closed by its owner
                }
            };
        };
    }

    /** Exactly {@code length} bytes; an earlier end of stream is an IO failure. */
    static final class LengthInputStream extends BulkInputStream {
        private final InputStream in;
        private long remaining;

        LengthInputStream(InputStream in, long length) {
            this.in = in;
            this.remaining = length;
        }


        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new FetchException(FetchError.IO, Messages.closedEarly());
            }
            remaining -= n;
            return n;
        }
    }
}
