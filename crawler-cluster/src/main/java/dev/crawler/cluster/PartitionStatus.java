package dev.crawler.cluster;

import java.nio.ByteBuffer;

/**
 * A partition's progress as its owner saw it at one moment, on the Streams thread: how many
 * requests its hosts still have in the store (queued, or handed out and not finished), and the
 * offsets of the next link and outcome records it will apply ({@code -1}: none applied since it
 * took the partition; the group's committed offsets tell then).
 */
public record PartitionStatus(int partition, long entries, long linksNext, long outcomesNext) {

    private static final byte VERSION = 1;

    public byte[] encode() {
        return ByteBuffer.allocate(1 + 4 + 3 * 8).put(VERSION).putInt(partition).putLong(entries).putLong(linksNext)
                .putLong(outcomesNext).array();
    }

    /** @throws IllegalArgumentException if {@code bytes} are not a status of this version */
    public static PartitionStatus decode(byte[] bytes) {
        if (bytes == null || bytes.length != 29 || bytes[0] != VERSION) {
            throw new IllegalArgumentException("not a partition status (" + (bytes == null ? 0 : bytes.length) + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, 28);
        return new PartitionStatus(in.getInt(), in.getLong(), in.getLong(), in.getLong());
    }
}
