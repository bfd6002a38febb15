package dev.crawler.frontier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a store keeps for a queued request, and the keys it keeps them under. A value is
 * {@code version, depth, redirects, url, referrer}: small integers as varints, strings as a varint
 * length and UTF-8 (a length of 0 with a flag for a missing referrer). The host key is not stored
 * in the value: it is the key's prefix. Public for the cluster mode, which sends requests in the
 * same form between nodes; not for library users.
 */
public final class RequestCodec {

    private static final byte VERSION = 1;

    private RequestCodec() {
    }

    /** The bytes of {@code r}, its host key left out. */
    public static byte[] encode(CrawlRequest r) {
        byte[] url = r.url().getBytes(StandardCharsets.UTF_8);
        byte[] referrer = r.referrer() == null ? null : r.referrer().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(1 + 5 * 4 + url.length + (referrer == null ? 0 : referrer.length));
        out.put(VERSION);
        putVarint(out, r.depth());
        putVarint(out, r.redirects());
        putVarint(out, url.length);
        out.put(url);
        if (referrer == null) {
            putVarint(out, 0);
        } else {
            putVarint(out, referrer.length + 1);
            out.put(referrer);
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    /**
     * The request {@link #encode} made these bytes of.
     *
     * @throws IllegalArgumentException if they are not such bytes
     */
    public static CrawlRequest decode(String hostKey, byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown queue entry version " + version);
            }
            int depth = varint(in);
            int redirects = varint(in);
            String url = string(in, varint(in));
            int referrerLength = varint(in);
            String referrer = referrerLength == 0 ? null : string(in, referrerLength - 1);
            return new CrawlRequest(url, hostKey, depth, referrer, redirects);
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated queue entry (" + bytes.length + " bytes)", e);
        }
    }

    /** {@code hostKey}, a NUL byte, and the sequence number big-endian, so keys sort by host, then sequence. */
    public static byte[] queueKey(String hostKey, long sequence) {
        byte[] host = hostKey.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(host.length + 9).put(host).put((byte) 0).putLong(sequence).array();
    }

    /** The first key after every queue key of {@code hostKey}. */
    public static byte[] queueKeyLimit(String hostKey) {
        byte[] host = hostKey.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(host.length + 1).put(host).put((byte) 1).array();
    }

    public static long sequenceOf(byte[] queueKey) {
        return ByteBuffer.wrap(queueKey, queueKey.length - 8, 8).getLong();
    }

    static byte[] longKey(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    static long longOf(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
    }

    private static void putVarint(ByteBuffer out, int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.put((byte) v);
    }

    private static int varint(ByteBuffer in) {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = in.get();
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed varint in queue entry");
    }

    private static String string(ByteBuffer in, int length) {
        String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }
}
