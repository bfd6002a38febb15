package dev.crawler.cli.progress;

import java.util.OptionalLong;

/**
 * The most memory a crawl's process used: Java heap (what {@code -Xmx} bounds) and resident set
 * size (what the machine paid: heap, plus the JVM's own code and metadata, thread stacks, direct
 * buffers and native stores).
 *
 * @param heapBytes peak heap used
 * @param heapLimitBytes the heap's limit, -1 if none
 * @param rssBytes peak resident set size; empty where the system does not say (no /proc)
 */
public record MemoryPeaks(long heapBytes, long heapLimitBytes, OptionalLong rssBytes) {

    /** {@code peak heap 87.3 MiB (limit 256 MiB), peak RSS 201 MiB}; RSS {@code n/a} when unknown. */
    public String describe() {
        return "peak heap " + Units.bytes(heapBytes) + (heapLimitBytes > 0 ? " (limit " + Units.bytes(heapLimitBytes) + ")" : "")
                + ", peak RSS " + (rssBytes.isPresent() ? Units.bytes(rssBytes.getAsLong()) : "n/a");
    }
}
