package dev.crawler.bench.run;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What this JVM costs right now, read from the JDK's management beans and, on Linux, from
 * {@code /proc/self/status}: CPU time (user + system) of the whole process, heap in use, live
 * Java threads, threads of the operating system (GC and compiler threads included, virtual
 * threads not), open file descriptors, and resident memory now and at its peak ({@code VmHWM}).
 * Values that cannot be read here are -1.
 */
final class ProcessGauges {

    private static final Path STATUS = Path.of("/proc/self/status");

    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** CPU time of the process so far, user plus system, in nanoseconds. */
    long cpuNanos() {
        return os.getProcessCpuTime();
    }

    long heapUsedBytes() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Live platform threads seen by the JVM (virtual threads are not counted). */
    int liveThreads() {
        return threads.getThreadCount();
    }

    /** The most live threads since the last {@link #resetPeakThreads()}. */
    int peakThreads() {
        return threads.getPeakThreadCount();
    }

    void resetPeakThreads() {
        threads.resetPeakThreadCount();
    }

    long openFileDescriptors() {
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
    }

    /** Threads of the process as the kernel counts them, or -1. */
    long osThreads() {
        return status("Threads:", 1);
    }

    /** Resident set size at its peak over the process's life, in bytes, or -1. */
    long peakRssBytes() {
        return status("VmHWM:", 1024);
    }

    /** A number from a {@code /proc/self/status} line, times {@code unit}, or -1. */
    private static long status(String field, long unit) {
        try {
            List<String> lines = Files.readAllLines(STATUS);
            for (String line : lines) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * unit;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
