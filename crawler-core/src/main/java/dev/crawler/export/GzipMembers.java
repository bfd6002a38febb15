package dev.crawler.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Walks the gzip members of a file (RFC 1952) to find where the last complete one ends. A WARC
 * file compressed per record is one member per record, so that offset is the end of the last
 * record written whole: everything after it is a record cut off by a crash.
 */
final class GzipMembers {

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final FileChannel ch;
    private final long size;
    private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    private long bufStart;

    private GzipMembers(FileChannel ch) throws IOException {
        this.ch = ch;
        this.size = ch.size();
        this.buf.limit(0);
    }

    /** The offset just past the last complete member (0 if there is none). */
    static long endOfCompleteMembers(FileChannel ch) throws IOException {
        GzipMembers m = new GzipMembers(ch);
        long end = 0;
        while (end < m.size) {
            long next = m.memberEnd(end);
            if (next < 0) {
                break;
            }
            end = next;
        }
        return end;
    }

    /** The end of the member starting at {@code start}, or -1 if it is not complete and well formed. */
    private long memberEnd(long start) throws IOException {
        long p = start;
        if (byteAt(p) != 0x1f || byteAt(p + 1) != 0x8b || byteAt(p + 2) != 8) {
            return -1;
        }
        int flags = byteAt(p + 3);
        if (flags < 0) {
            return -1;
        }
        p += 10;
        if ((flags & FEXTRA) != 0) {
            int lo = byteAt(p);
            int hi = byteAt(p + 1);
            if (lo < 0 || hi < 0) {
                return -1;
            }
            p += 2 + lo + (hi << 8);
        }
        for (int field : new int[] {FNAME, FCOMMENT}) {
            if ((flags & field) != 0) {
                int b;
                while ((b = byteAt(p++)) > 0) {
                    // skip the zero-terminated string
                }
                if (b < 0) {
                    return -1;
                }
            }
        }
        if ((flags & FHCRC) != 0) {
            p += 2;
        }
        long dataEnd = inflateFrom(p);
        return dataEnd < 0 || dataEnd + 8 > size ? -1 : dataEnd + 8;
    }

    /** Inflates the deflate stream at {@code start}; returns where it ends, or -1 if it is cut off or corrupt. */
    private long inflateFrom(long start) throws IOException {
        Inflater inflater = new Inflater(true);
        byte[] in = new byte[64 * 1024];
        byte[] out = new byte[64 * 1024];
        long p = start;
        try {
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    int n = read(p, in);
                    if (n <= 0) {
                        return -1;
                    }
                    inflater.setInput(in, 0, n);
                    p += n;
                }
                inflater.inflate(out);
                if (inflater.needsDictionary()) {
                    return -1;
                }
            }
            return p - inflater.getRemaining();
        } catch (DataFormatException e) {
            return -1;
        } finally {
            inflater.end();
        }
    }

    private int read(long at, byte[] into) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(into);
        int total = 0;
        while (b.hasRemaining()) {
            int n = ch.read(b, at + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** The unsigned byte at {@code at}, or -1 past the end. */
    private int byteAt(long at) throws IOException {
        if (at >= size) {
            return -1;
        }
        if (at < bufStart || at >= bufStart + buf.limit()) {
            bufStart = at;
            buf.clear();
            while (buf.hasRemaining() && ch.read(buf, bufStart + buf.position()) > 0) {
                // fill
            }
            buf.flip();
        }
        return buf.get((int) (at - bufStart)) & 0xff;
    }
}
