package dev.crawler.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Collects a decoded body up to a limit and never holds more: bytes past the limit are dropped
 * and the body is marked truncated. Memory grows with what is kept, never with what is sent, so
 * a decompression bomb costs at most the limit.
 */
final class BodyAccumulator {

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;
    private static final int INITIAL = 8 << 10;

    private final int limit;
    private byte[] buf;
    private int size;
    private boolean truncated;

    BodyAccumulator(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        this.limit = (int) Math.min(limit, MAX_ARRAY);
        this.buf = new byte[Math.min(this.limit, INITIAL)];
    }

    /** Appends what fits; returns false once anything had to be dropped. */
    boolean append(byte[] src, int off, int len) {
        int take = Math.min(len, limit - size);
        ensure(size + take);
        System.arraycopy(src, off, buf, size, take);
        size += take;
        return keep(take < len);
    }

    /** Appends what fits of {@code src}'s remaining bytes (consuming them all); false once full. */
    boolean append(ByteBuffer src) {
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
    void readFrom(InputStream in) throws IOException {
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

    boolean truncated() {
        return truncated;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
