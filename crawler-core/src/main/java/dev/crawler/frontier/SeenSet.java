package dev.crawler.frontier;

/**
 * A set of 64-bit URL fingerprints in one open-addressing table with linear probing: 8 bytes per
 * slot and no object per entry. The table is kept between half and three-quarters full (it grows
 * by half when it reaches three-quarters), so it costs 10.7 to 16 bytes of heap per URL, and 27
 * bytes for a moment while it grows. Slots are found by multiplying a mixed fingerprint by the
 * table length (Lemire's range reduction), so the length need not be a power of two. The value 0
 * is stored out of band. Not thread-safe.
 */
final class SeenSet {

    private static final long EMPTY = 0L;
    private static final int MIN_CAPACITY = 16;
    /** Largest Java array of longs, give or take the VM's header words. */
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 16;

    private long[] table;
    private int size;
    private boolean containsZero;

    public SeenSet() {
        this(1 << 12);
    }

    /** A set with room for {@code expected} fingerprints before it first grows. */
    public SeenSet(long expected) {
        long cap = Math.max(MIN_CAPACITY, expected * 4 / 3 + 1);
        if (cap > MAX_CAPACITY) {
            throw new IllegalArgumentException("a seen set holds at most " + (MAX_CAPACITY / 4 * 3) + " fingerprints");
        }
        table = new long[(int) cap];
    }

    /** Adds {@code fingerprint}; true if it was not present. */
    public boolean add(long fingerprint) {
        if (fingerprint == EMPTY) {
            boolean added = !containsZero;
            containsZero = true;
            return added;
        }
        if ((size + 1L) * 4 > table.length * 3L) {
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
        long[] t = table;
        for (int i = slot(fingerprint, t.length); ; i = next(i, t.length)) {
            long v = t[i];
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
        for (int i = slot(fingerprint, t.length); ; i = next(i, t.length)) {
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
        if (table.length == MAX_CAPACITY) {
            throw new IllegalStateException("seen set is full: " + size + " fingerprints");
        }
        long[] bigger = new long[(int) Math.min(MAX_CAPACITY, table.length + (long) table.length / 2)];
        long[] old = table;
        table = null; // lets the old table go as soon as it is copied
        for (long v : old) {
            if (v != EMPTY) {
                insert(bigger, v);
            }
        }
        table = bigger;
    }

    private static int next(int i, int length) {
        return i + 1 == length ? 0 : i + 1;
    }

    /** A slot in {@code [0, length)}: the high word of a mixed fingerprint times the length. */
    private static int slot(long fingerprint, int length) {
        long h = fingerprint * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return (int) Math.unsignedMultiplyHigh(h, length);
    }
}
