package dev.crawler.fetch.http;

import dev.crawler.fetch.ResponseHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Collects a decoded body up to a limit and never holds more: bytes past the limit are dropped
 * and the body is marked truncated. Memory grows with what is kept, never with what is sent, so
 * a decompression bomb costs at most the limit.
 */
public final class BodyAccumulator {

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;
    private static final int INITIAL = 8 << 10;
    /**
     * The most a declared length reserves before the bytes arrive, so that a server announcing a
     * huge body it never sends costs no more than this per request.
     */
    static final int MAX_RESERVED = 256 << 10;

    private final int limit;
    private byte[] buf;
    private int size;
    private boolean truncated;

    public BodyAccumulator(long limit) {
        this(limit, -1);
    }

    /**
     * @param expected the body's length as the response declares it (Content-Length of a body
     *     without a content coding), or -1 if unknown: the buffer starts at that size (up to
     *     {@link #MAX_RESERVED}), so a body of the declared length is copied once, into it
     */
    BodyAccumulator(long limit, long expected) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        this.limit = (int) Math.min(limit, MAX_ARRAY);
        long initial = expected >= 0 ? Math.min(expected, MAX_RESERVED) : INITIAL;
        this.buf = new byte[(int) Math.min(this.limit, initial)];
    }

    /**
     * An accumulator for the body of a response with these headers: sized up front to a single
     * valid Content-Length when the body has no content coding (so the declared length is the
     * length kept), at the default start size otherwise.
     */
    public static BodyAccumulator forResponse(long limit, ResponseHeaders headers) {
        return new BodyAccumulator(limit, headers.first("Content-Encoding").isPresent() ? -1 : declaredLength(headers));
    }

    /** The one Content-Length value as a number, or -1 if there is none, several, or it is not one. */
    private static long declaredLength(ResponseHeaders headers) {
        List<String> values = headers.all("Content-Length");
        if (values.size() != 1) {
            return -1;
        }
        String v = values.get(0).trim();
        if (v.isEmpty() || v.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Appends what fits; returns false once anything had to be dropped. */
    public boolean append(byte[] src, int off, int len) {
        int take = Math.min(len, limit - size);
        ensure(size + take);
        System.arraycopy(src, off, buf, size, take);
        size += take;
        return keep(take < len);
    }

    /** Appends what fits of {@code src}'s remaining bytes (consuming them all); false once full. */
    public boolean append(ByteBuffer src) {
        int len = src.remaining();
        int take = Math.min(len, limit - size);
        ensure(size + take);
        src.get(buf, size, take);
        size += take;
        src.position(src.limit());
        return keep(take < len);
    }

    /**
     * Reads {@code in} to its end or until one byte more than the limit has been seen, whichever
     * comes first; the extra byte only proves truncation and is not kept.
     */
    public void readFrom(InputStream in) throws IOException {
        byte[] chunk = new byte[8 << 10];
        while (!truncated) {
            int n = in.read(chunk, 0, (int) Math.min(chunk.length, (long) limit - size + 1));
            if (n < 0) {
                return;
            }
            append(chunk, 0, n);
        }
    }

    private boolean keep(boolean dropped) {
        truncated |= dropped;
        return !truncated;
    }

    private void ensure(int needed) {
        if (needed > buf.length) {
            long grown = Math.max(needed, Math.min((long) buf.length * 2, limit));
            buf = Arrays.copyOf(buf, (int) grown);
        }
    }

    public boolean truncated() {
        return truncated;
    }

    int size() {
        return size;
    }

    /** The body; the buffer itself when it is exactly full (no copy), which the caller then owns. */
    byte[] toByteArray() {
        return size == buf.length ? buf : Arrays.copyOf(buf, size);
    }
}
