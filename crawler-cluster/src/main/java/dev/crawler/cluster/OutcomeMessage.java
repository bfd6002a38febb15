package dev.crawler.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The value of a record on the outcomes topic: the request numbered {@code sequence} of
 * {@code hostKey}, for {@code url}, is finished (fetched and recorded, or recorded without a
 * fetch) by the node {@code node}. Bytes: a version, the sequence (8 bytes), then the host key,
 * the URL and the node, each as a 4-byte length and UTF-8. Earlier versions are still read:
 * version 2 had 2-byte lengths, which no URL longer than 65,535 bytes fits (a link refused as a
 * trap for its length is recorded through an outcome too), and version 1 had no node either (read
 * as "").
 */
public record OutcomeMessage(String hostKey, long sequence, String url, String node) {

    private static final byte VERSION = 3;

    /** An outcome that names no node. */
    public OutcomeMessage(String hostKey, long sequence, String url) {
        this(hostKey, sequence, url, "");
    }

    public byte[] encode() {
        byte[] host = hostKey.getBytes(StandardCharsets.UTF_8);
        byte[] u = url.getBytes(StandardCharsets.UTF_8);
        byte[] n = node.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 8 + 4 + host.length + 4 + u.length + 4 + n.length).put(VERSION).putLong(sequence)
                .putInt(host.length).put(host).putInt(u.length).put(u).putInt(n.length).put(n).array();
    }

    /** @throws IllegalArgumentException if {@code bytes} are not an outcome of this version */
    public static OutcomeMessage decode(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version < 1 || version > VERSION) {
                throw new IllegalArgumentException("unknown outcome version " + version);
            }
            boolean wide = version == VERSION;
            long sequence = in.getLong();
            String host = string(in, wide);
            String url = string(in, wide);
            String node = version == 1 ? "" : string(in, wide);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the outcome");
            }
            return new OutcomeMessage(host, sequence, url, node);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated outcome (" + bytes.length + " bytes)", e);
        }
    }

    private static String string(ByteBuffer in, boolean wide) {
        int length = wide ? in.getInt() : Short.toUnsignedInt(in.getShort());
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a length of " + length + " with " + in.remaining() + " bytes left");
        }
        byte[] b = new byte[length];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
