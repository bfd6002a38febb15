package dev.crawler.cluster;

import java.nio.charset.StandardCharsets;

/**
 * A record on the outcomes topic that a node sends, to one partition, once it has let that
 * partition go and every request of it that it was fetching has its outcome sent: the node is
 * done with the partition's hosts. It follows those outcomes on the same partition, so the new
 * owner, reading it, has applied them all and may fetch from the hosts at once instead of waiting
 * out its takeover grace. Bytes: {@link #TYPE}, then the sending node's id in UTF-8 (for logs).
 */
record HandoverMarker(String node) {

    /** The first byte, which no {@link OutcomeMessage} starts with. */
    static final byte TYPE = 'H';

    byte[] encode() {
        byte[] id = node.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[1 + id.length];
        out[0] = TYPE;
        System.arraycopy(id, 0, out, 1, id.length);
        return out;
    }

    static boolean is(byte[] value) {
        return value != null && value.length > 0 && value[0] == TYPE;
    }

    static HandoverMarker decode(byte[] value) {
        if (!is(value)) {
            throw new IllegalArgumentException("not a handover marker");
        }
        return new HandoverMarker(new String(value, 1, value.length - 1, StandardCharsets.UTF_8));
    }
}
