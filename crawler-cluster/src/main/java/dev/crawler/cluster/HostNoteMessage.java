package dev.crawler.cluster;

import dev.crawler.frontier.HostNote;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A record on the outcomes topic that keeps a {@link HostNote} in the store of its host's
 * partition, for whichever node holds the partition next. It travels with the host's outcomes, in
 * the order they were sent. Bytes: {@link #TYPE}, the host key and the note's key, each as a
 * 4-byte length and UTF-8, then the note's value.
 */
final class HostNoteMessage {

    /** The first byte, which no {@link OutcomeMessage} nor {@link HandoverMarker} starts with. */
    static final byte TYPE = 'N';

    private HostNoteMessage() {
    }

    static byte[] encode(HostNote note) {
        byte[] host = note.hostKey().getBytes(StandardCharsets.UTF_8);
        byte[] key = note.key().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 4 + host.length + 4 + key.length + note.value().length).put(TYPE)
                .putInt(host.length).put(host).putInt(key.length).put(key).put(note.value()).array();
    }

    static boolean is(byte[] value) {
        return value != null && value.length > 0 && value[0] == TYPE;
    }

    /** @throws IllegalArgumentException if {@code bytes} are not a note */
    static HostNote decode(byte[] bytes) {
        if (!is(bytes)) {
            throw new IllegalArgumentException("not a host note");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
            String host = string(in);
            String key = string(in);
            byte[] value = new byte[in.remaining()];
            in.get(value);
            return new HostNote(host, key, value);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated host note (" + bytes.length + " bytes)", e);
        }
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a length of " + length + " with " + in.remaining() + " bytes left");
        }
        byte[] b = new byte[length];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
