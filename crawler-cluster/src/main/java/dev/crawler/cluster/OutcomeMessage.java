package dev.crawler.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The value of a record on the outcomes topic: the request numbered {@code sequence} of
 * {@code hostKey}, for {@code url}, is finished (fetched and recorded, or recorded without a
 * fetch) by the node {@code node}. Bytes: a version, the sequence (8 bytes), then the host key,
 * the URL and the node, each as a 2-byte length and UTF-8 (version 1 had no node: read as "").
 */
public record OutcomeMessage(String hostKey, long sequence, String url, String node) {

    private static final byte VERSION = 2;

    /** An outcome that names no node. */
    public OutcomeMessage(String hostKey, long sequence, String url) {
        this(hostKey, sequence, url, "");
    }

    public byte[] encode() {
        byte[] host = hostKey.getBytes(StandardCharsets.UTF_8);
        byte[] u = url.getBytes(StandardCharsets.UTF_8);
        byte[] n = node.getBytes(StandardCharsets.UTF_8);
        if (host.length > 0xFFFF || u.length > 0xFFFF || n.length > 0xFFFF) {
            throw new IllegalArgumentException("host key, URL or node id longer than 65,535 bytes");
        }
        return ByteBuffer.allocate(1 + 8 + 2 + host.length + 2 + u.length + 2 + n.length).put(VERSION).putLong(sequence)
                .putShort((short) host.length).put(host).putShort((short) u.length).put(u)
                .putShort((short) n.length).put(n).array();
    }

    /** @throws IllegalArgumentException if {@code bytes} are not an outcome of this version */
    public static OutcomeMessage decode(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version != 1 && version != VERSION) {
                throw new IllegalArgumentException("unknown outcome version " + version);
            }
            long sequence = in.getLong();
            String host = string(in);
            String url = string(in);
            String node = version == 1 ? "" : string(in);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the outcome");
            }
            return new OutcomeMessage(host, sequence, url, node);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated outcome (" + bytes.length + " bytes)", e);
        }
    }

    private static String string(ByteBuffer in) {
        byte[] b = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
