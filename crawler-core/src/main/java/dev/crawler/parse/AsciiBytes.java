package dev.crawler.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte-array checks that read eight bytes at a time. The quick compiler a command-line crawl runs
 * with compiles a loop as written, a byte per turn; reading a long per turn checks a 30 KB page
 * 4.7 times as fast (2026-12-05, C1). A search for a byte this way was no faster on real pages,
 * where a {@code <} comes every 30 bytes or so, and is not kept.
 */
final class AsciiBytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

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
}
