package dev.crawler.cli.run;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The most Java heap this JVM used while it was open. Heap use only grows between collections
 * (allocation) and drops at each, so its peaks are just before collections: every collector says
 * what each pool held then (its GC notification's "before" usage), and the largest sum over the
 * heap's pools is the peak. Summing the pools' own {@link MemoryPoolMXBean#getPeakUsage() peaks}
 * instead would overstate it (young and old generations peak at different times), and sampling
 * would miss the moments just before a collection.
 */
public final class HeapPeak implements AutoCloseable {

    private final AtomicLong peak = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onCollection;

    private HeapPeak() {
    }

    /** Starts watching collections from now. */
    public static HeapPeak start() {
        HeapPeak p = new HeapPeak();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(p.listener, null, null);
                p.emitters.add(emitter);
            }
        }
        p.peak.accumulateAndGet(usedNow(), Math::max);
        return p;
    }

    /** The peak so far in bytes: the largest heap use before a collection, or now if that is more. */
    public long bytes() {
        return peak.accumulateAndGet(usedNow(), Math::max);
    }

    /** The heap's limit ({@code -Xmx}, or the JVM's default), -1 if it has none. */
    public static long maxBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }

    private static long usedNow() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void onCollection(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        peak.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
    }

    /** Bytes used in the heap's pools of a collector's usage map (the others are metaspace, code cache...). */
    long heapUsed(Map<String, MemoryUsage> byPool) {
        return byPool.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ex) {
                // already gone: nothing to remove
            }
        }
        emitters.clear();
    }
}
