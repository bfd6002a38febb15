package dev.crawler.cluster;

import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.HostNote;
import dev.crawler.frontier.RequestCodec;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One partition's share of the frontier, applied from the links and outcomes topics into its
 * store, on a Kafka Streams thread. The store holds three kinds of keys, by their first byte:
 * <ul>
 *   <li>{@code Q}, a host key, NUL, a sequence number: a queued request (removed when its outcome
 *       comes);</li>
 *   <li>{@code H}, a host key: the host's next sequence number;</li>
 *   <li>{@code S}, a URL: seen, queued ({@code 1}) or done ({@code 2}). The owner of the URL's
 *       host is the one place that decides whether it is new.</li>
 *   <li>{@code N}, a host key, NUL, a note's key: the host's latest {@link HostNote} under that
 *       key (its robots.txt rules, say), handed to whichever node holds the partition.</li>
 * </ul>
 *
 * <p>Applying a record twice changes nothing, because Kafka delivers at least once: after a
 * crash, or when a partition moves, records already applied are applied again, and a late outcome
 * from a node that lost the partition may come after the new owner handed the same URL out. A
 * link is applied in three writes, in this order: the queue entry, the host's next sequence, the
 * seen mark. The store's changelog keeps them in that order and a crash leaves a prefix of them, so
 * a link found unmarked is queued again under the same sequence number (the same entry, written
 * again), or, if the counter had moved on, is found as the host's last entry and only marked. An
 * outcome removes its entry and marks its URL done; both are no-ops the second time.
 */
final class FrontierProcessor implements Processor<String, byte[], String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(FrontierProcessor.class);
    static final byte QUEUED = 1;
    static final byte DONE = 2;
    private static final byte QUEUE = 'Q';
    private static final byte HOST = 'H';
    private static final byte SEEN = 'S';
    private static final byte NOTE = 'N';

    private final CrawlTopics topics;
    private final HostWork work;
    /** How often the partition's status goes to the status topic. */
    static final Duration STATUS_EVERY = Duration.ofMillis(250);

    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<Bytes, byte[]> store;
    private int partition;
    /** Queue entries in the store: counted when the partition is taken, then kept by each change. */
    private long entries;
    private long linksNext = -1;
    private long outcomesNext = -1;
    /** Whether a status with this owner's own offsets went out since it took the partition. */
    private boolean statusSinceInit;

    FrontierProcessor(CrawlTopics topics, HostWork work) {
        this.topics = topics;
        this.work = work;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(FrontierTopology.STORE);
        this.partition = context.taskId().partition();
        List<QueuedRequest> queued = queued();
        entries = queued.size();
        notes().forEach(note -> work.noted(partition, note));
        work.adopted(partition, queued);
        context.schedule(STATUS_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> publishStatus());
    }

    /** This partition's progress, now, to the status topic (see {@link PartitionStatus}). */
    private void publishStatus() {
        statusSinceInit = linksNext >= 0 || outcomesNext >= 0;
        PartitionStatus status = new PartitionStatus(partition, entries, linksNext, outcomesNext);
        context.forward(new Record<>(Integer.toString(partition), status.encode(), context.currentSystemTimeMs()));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Optional<RecordMetadata> meta = context.recordMetadata();
        String topic = meta.map(RecordMetadata::topic).orElse("");
        long offset = meta.map(RecordMetadata::offset).orElse(-1L);
        try {
            if (record.value() == null) {
                throw new IllegalArgumentException("a record without a value");
            }
            if (topic.equals(topics.links())) {
                linksNext = offset + 1;
                link(record.value());
            } else if (topic.equals(topics.outcomes())) {
                outcomesNext = offset + 1;
                if (HostNoteMessage.is(record.value())) {
                    HostNote note = HostNoteMessage.decode(record.value());
                    store.put(noteKey(note.hostKey(), note.key()), note.value());
                    work.noted(partition, note);
                } else if (HandoverMarker.is(record.value())) {
                    log.debug("partition {} handed over by {}", partition, HandoverMarker.decode(record.value()).node());
                    work.handedOver(partition);
                } else {
                    outcome(OutcomeMessage.decode(record.value()));
                }
            }
        } catch (RuntimeException e) {
            // a record no node of this version wrote (no value, bytes of another format, a URL no
            // node would send): skipped, so that it cannot stop the partition on every node in turn
            log.warn("skipping a malformed record on {} (partition {}): {}", topic, partition, e.toString());
        }
        if (!statusSinceInit) {
            // at once, not at the next punctuation: this status then reaches the topic before the
            // offsets of the record are committed (a commit flushes the task's output first), so
            // a status with no offsets (-1) is never read alongside offsets committed after it
            publishStatus();
        }
    }

    @Override
    public void close() {
        work.released(partition);
    }

    private void link(byte[] value) {
        CrawlRequest decoded = RequestCodec.decode("", value);
        String url = decoded.url();
        String hostKey = CrawlRequest.hostKeyOf(url);
        if (store.get(seenKey(url)) != null) {
            return; // a duplicate, or this record applied before
        }
        CrawlRequest request = new CrawlRequest(url, hostKey, decoded.depth(), decoded.referrer(), decoded.redirects());
        long next = nextSequence(hostKey);
        if (next > 0 && sameRequest(hostKey, next - 1, url)) {
            store.put(seenKey(url), new byte[] {QUEUED}); // applied before up to its last write
            return;
        }
        byte[] encoded = RequestCodec.encode(request);
        Bytes entry = queueKey(hostKey, next);
        if (store.get(entry) == null) {
            entries++; // else written before a crash, and counted when the partition was taken
        }
        store.put(entry, encoded);
        store.put(hostKey(hostKey), ByteBuffer.allocate(8).putLong(next + 1).array());
        store.put(seenKey(url), new byte[] {QUEUED});
        work.queued(partition, new QueuedRequest(next, request));
    }

    private void outcome(OutcomeMessage m) {
        Bytes entry = queueKey(m.hostKey(), m.sequence());
        byte[] queued = store.get(entry);
        if (queued != null && RequestCodec.decode(m.hostKey(), queued).url().equals(m.url())) {
            store.delete(entry); // only the entry of this very URL: a number is never a proof alone
            entries--;
            work.finished(partition, m.hostKey(), m.sequence());
        }
        Bytes seen = seenKey(m.url());
        byte[] state = store.get(seen);
        if (state == null || state[0] != DONE) {
            store.put(seen, new byte[] {DONE});
        }
    }

    /** Every queued request of this partition, each host's in sequence order. */
    private List<QueuedRequest> queued() {
        List<QueuedRequest> out = new ArrayList<>();
        scan(QUEUE, (rest, value) -> {
            String hostKey = new String(rest, 0, rest.length - 9, StandardCharsets.UTF_8);
            try {
                out.add(new QueuedRequest(RequestCodec.sequenceOf(rest), RequestCodec.decode(hostKey, value)));
            } catch (IllegalArgumentException e) {
                log.warn("skipping a damaged queue entry of {} (partition {}): {}", hostKey, partition, e.getMessage());
            }
        });
        return out;
    }

    /** Every note of this partition's hosts in the store. */
    private List<HostNote> notes() {
        List<HostNote> out = new ArrayList<>();
        scan(NOTE, (rest, value) -> {
            int nul = indexOf(rest, (byte) 0);
            if (nul >= 0) {
                out.add(new HostNote(new String(rest, 0, nul, StandardCharsets.UTF_8),
                        new String(rest, nul + 1, rest.length - nul - 1, StandardCharsets.UTF_8), value));
            }
        });
        return out;
    }

    /** Each entry of the store whose key starts with {@code kind}, in key order: the rest of its key, and its value. */
    private void scan(byte kind, java.util.function.BiConsumer<byte[], byte[]> each) {
        try (KeyValueIterator<Bytes, byte[]> it = store.range(Bytes.wrap(new byte[] {kind}),
                Bytes.wrap(new byte[] {(byte) (kind + 1)}))) {
            while (it.hasNext()) {
                var kv = it.next();
                byte[] key = kv.key.get();
                if (key.length > 0 && key[0] == kind) { // the range's upper end is inclusive
                    each.accept(Arrays.copyOfRange(key, 1, key.length), kv.value);
                }
            }
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    static Bytes noteKey(String hostKey, String key) {
        byte[] host = hostKey.getBytes(StandardCharsets.UTF_8);
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] rest = new byte[host.length + 1 + k.length];
        System.arraycopy(host, 0, rest, 0, host.length);
        System.arraycopy(k, 0, rest, host.length + 1, k.length);
        return prefixed(NOTE, rest);
    }

    private long nextSequence(String hostKey) {
        byte[] v = store.get(hostKey(hostKey));
        return v == null ? 0 : ByteBuffer.wrap(v).getLong();
    }

    private boolean sameRequest(String hostKey, long sequence, String url) {
        byte[] v = store.get(queueKey(hostKey, sequence));
        return v != null && RequestCodec.decode(hostKey, v).url().equals(url);
    }

    static Bytes queueKey(String hostKey, long sequence) {
        return prefixed(QUEUE, RequestCodec.queueKey(hostKey, sequence));
    }

    static Bytes hostKey(String hostKey) {
        return prefixed(HOST, hostKey.getBytes(StandardCharsets.UTF_8));
    }

    static Bytes seenKey(String url) {
        return prefixed(SEEN, url.getBytes(StandardCharsets.UTF_8));
    }

    private static Bytes prefixed(byte kind, byte[] rest) {
        byte[] key = new byte[rest.length + 1];
        key[0] = kind;
        System.arraycopy(rest, 0, key, 1, rest.length);
        return Bytes.wrap(key);
    }
}
