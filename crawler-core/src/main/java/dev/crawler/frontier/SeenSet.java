package dev.crawler.frontier;

import java.util.Arrays;

/**
 * A set of 64-bit URL fingerprints in one open-addressing table: 8 bytes per slot, kept at most
 * two-thirds full, so about 12 bytes per URL on the heap and no object per entry. The value 0 is
 * stored out of band. Not thread-safe.
 */
public final class SeenSet {

    private static final long EMPTY = 0L;

    private long[] table;
    private int size;
    private boolean containsZero;

    public SeenSet() {
        this(1 << 12);
    }

    public SeenSet(int initialCapacity) {
        int cap = Integer.highestOneBit(Math.max(16, initialCapacity) - 1) << 1;
        table = new long[cap];
    }

    /** Adds {@code fingerprint}; true if it was not present. */
    public boolean add(long fingerprint) {
        if (fingerprint == EMPTY) {
            boolean added = !containsZero;
            containsZero = true;
            return added;
        }
        if ((size + 1) * 3L > table.length * 2L) {
            grow();
        }
        if (insert(table, fingerprint)) {
            size++;
            return true;
        }
        return false;
    }

    public boolean contains(long fingerprint) {
        if (fingerprint == EMPTY) {
            return containsZero;
        }
        int mask = table.length - 1;
        for (int i = slot(fingerprint, mask); ; i = (i + 1) & mask) {
            long v = table[i];
            if (v == fingerprint) {
                return true;
            }
            if (v == EMPTY) {
                return false;
            }
        }
    }

    public long size() {
        return size + (containsZero ? 1 : 0);
    }

    /** Bytes held by the table, for memory reports. */
    public long tableBytes() {
        return table.length * 8L;
    }

    private static boolean insert(long[] t, long fingerprint) {
        int mask = t.length - 1;
        for (int i = slot(fingerprint, mask); ; i = (i + 1) & mask) {
            long v = t[i];
            if (v == fingerprint) {
                return false;
            }
            if (v == EMPTY) {
                t[i] = fingerprint;
                return true;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (long v : table) {
            if (v != EMPTY) {
                insert(bigger, v);
            }
        }
        Arrays.fill(table, EMPTY);
        table = bigger;
    }

    private static int slot(long fingerprint, int mask) {
        long h = fingerprint * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
