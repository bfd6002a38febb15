package dev.crawler.bench.frontier;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the heap in use every 5 ms during a benchmark, garbage included, and keeps the most.
 * (The live set is measured separately, after a full collection: a collector such as G1 lets the
 * heap fill up to its limit before it collects, so this peak mostly shows the limit was not passed.)
 */
final class HeapWatch implements AutoCloseable {

    private final AtomicLong peakUsed = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapWatch() {
        sampler = Thread.ofPlatform().daemon().name("heap-watch").unstarted(this::sample);
    }

    static HeapWatch start() {
        HeapWatch w = new HeapWatch();
        w.sampler.start();
        return w;
    }

    long peakUsed() {
        return peakUsed.get();
    }

    private void sample() {
        while (running) {
            peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
