package dev.crawler.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The value of a record on the outcomes topic: the request numbered {@code sequence} of
 * {@code hostKey}, for {@code url}, is finished (fetched and recorded, or recorded without a
 * fetch). Bytes: a version, the sequence (8 bytes), then the host key and the URL, each as a
 * 2-byte length and UTF-8.
 */
public record OutcomeMessage(String hostKey, long sequence, String url) {

    private static final byte VERSION = 1;

    public byte[] encode() {
        byte[] host = hostKey.getBytes(StandardCharsets.UTF_8);
        byte[] u = url.getBytes(StandardCharsets.UTF_8);
        if (host.length > 0xFFFF || u.length > 0xFFFF) {
            throw new IllegalArgumentException("host key or URL longer than 65,535 bytes");
        }
        return ByteBuffer.allocate(1 + 8 + 2 + host.length + 2 + u.length).put(VERSION).putLong(sequence)
                .putShort((short) host.length).put(host).putShort((short) u.length).put(u).array();
    }

    /** @throws IllegalArgumentException if {@code bytes} are not an outcome of this version */
    public static OutcomeMessage decode(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown outcome version " + version);
            }
            long sequence = in.getLong();
            String host = string(in);
            String url = string(in);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the outcome");
            }
            return new OutcomeMessage(host, sequence, url);
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
