package dev.crawler.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapPeakTest {

    @Test
    void onlyTheHeapsPoolsCountInACollectorsUsage() {
        Map<String, MemoryUsage> byPool = new HashMap<>();
        long heap = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            long used = p.getType() == MemoryType.HEAP ? 1_000 : 1_000_000;
            heap += p.getType() == MemoryType.HEAP ? used : 0;
            byPool.put(p.getName(), new MemoryUsage(0, used, used, -1));
        }
        try (HeapPeak peak = HeapPeak.start()) {
            assertThat(heap).as("the JVM has heap pools").isPositive();
            assertThat(peak.heapUsed(byPool)).isEqualTo(heap);
        }
    }

    @Test
    void aLargeArrayCollectedAwayStillCountsInThePeak() throws InterruptedException {
        try (HeapPeak peak = HeapPeak.start()) {
            byte[] big = new byte[64 << 20];
            big[big.length - 1] = 1;
            long withArray = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            big = null;
            System.gc();
            // the collector's notification comes on a JMX thread: wait for it, bounded
            for (int i = 0; i < 500 && peak.bytes() < withArray; i++) {
                Thread.sleep(10);
            }
            assertThat(withArray).isGreaterThan(64 << 20);
            assertThat(peak.bytes()).isGreaterThanOrEqualTo(withArray);
            assertThat(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed())
                    .as("the array is gone, the peak remembers it").isLessThan(peak.bytes());
        }
        assertThat(HeapPeak.maxBytes()).isNotZero();
    }
}
