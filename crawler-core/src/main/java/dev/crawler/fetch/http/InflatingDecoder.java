package dev.crawler.fetch.http;

import dev.crawler.fetch.FetchError;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * gzip (RFC 1952: header, deflate data, CRC-32 and length trailer, members one after another) and
 * deflate (zlib-wrapped as RFC 9110 says, or raw as some servers send it, told apart by the first
 * two bytes as browsers and Netty do), inflated only as far as the caller pulls.
 */
final class InflatingDecoder extends CodingDecoder {

    private enum Stage { SNIFF, HEADER, BODY, TRAILER, MEMBER_END, DONE }

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final boolean gzip;
    private final CRC32 crc = new CRC32();
    private Inflater inflater;
    private Stage stage;
    private long memberSize;

    InflatingDecoder(boolean gzip) {
        this.gzip = gzip;
        this.stage = gzip ? Stage.HEADER : Stage.SNIFF;
    }

    @Override
    public int decode(byte[] out, int off, int len) throws FetchException {
        while (true) {
            switch (stage) {
                case SNIFF -> {
                    if (available() < 2) {
                        return 0;
                    }
                    inflater = new Inflater(!ContentDecoding.looksLikeZlib(new byte[] {in[start], in[start + 1]}));
                    stage = Stage.BODY;
                }
                case HEADER -> {
                    int length = gzipHeaderLength();
                    if (length < 0) {
                        return 0;
                    }
                    start += length;
                    if (inflater == null) {
                        inflater = new Inflater(true);
                    } else {
                        inflater.reset();
                    }
                    crc.reset();
                    memberSize = 0;
                    stage = Stage.BODY;
                }
                case BODY -> {
                    int n = inflate(out, off, len);
                    if (n > 0) {
                        return n;
                    }
                    if (inflater.finished()) {
                        stage = gzip ? Stage.TRAILER : Stage.DONE;
                    } else {
                        return 0; // needs input
                    }
                }
                case TRAILER -> {
                    if (available() < 8) {
                        return 0;
                    }
                    checkTrailer();
                    start += 8;
                    stage = Stage.MEMBER_END;
                }
                case MEMBER_END -> {
                    if (available() == 0) {
                        return 0;
                    }
                    // another member follows, or trailing garbage that is ignored (as gunzip does)
                    stage = (in[start] & 0xff) == 0x1f ? Stage.HEADER : Stage.DONE;
                }
                case DONE -> {
                    start = end;
                    return 0;
                }
            }
        }
    }

    private int inflate(byte[] out, int off, int len) throws FetchException {
        if (available() == 0 && inflater.needsInput()) {
            return 0;
        }
        inflater.setInput(in, start, available()); // always: the pending bytes may have moved
        int n;
        try {
            n = inflater.inflate(out, off, len);
        } catch (DataFormatException e) {
            throw new FetchException(FetchError.PROTOCOL, "invalid " + (gzip ? "gzip" : "deflate") + " body: "
                    + Messages.rootMessage(e));
        }
        start = end - inflater.getRemaining();
        if (n == 0 && inflater.needsDictionary()) {
            throw new FetchException(FetchError.PROTOCOL, "invalid deflate body: it needs a preset dictionary");
        }
        if (gzip && n > 0) {
            crc.update(out, off, n);
            memberSize += n;
        }
        return n;
    }

    private void checkTrailer() throws FetchException {
        long storedCrc = le32(start);
        long storedSize = le32(start + 4);
        if (storedCrc != crc.getValue() || storedSize != (memberSize & 0xffffffffL)) {
            throw new FetchException(FetchError.PROTOCOL, "invalid gzip body: checksum or length does not match");
        }
    }

    /** The length of the gzip member header at {@code start}, or -1 if not all of it is here. */
    private int gzipHeaderLength() throws FetchException {
        if (available() >= 1 && (in[start] & 0xff) != 0x1f
                || available() >= 2 && (in[start + 1] & 0xff) != 0x8b
                || available() >= 3 && in[start + 2] != 8) {
            throw new FetchException(FetchError.PROTOCOL, "invalid gzip body: not in gzip format");
        }
        if (available() < 10) {
            return -1;
        }
        int flags = in[start + 3] & 0xff;
        int p = start + 10;
        if ((flags & FEXTRA) != 0) {
            if (end - p < 2) {
                return -1;
            }
            p += 2 + ((in[p] & 0xff) | (in[p + 1] & 0xff) << 8);
        }
        if ((flags & FNAME) != 0) {
            p = afterZero(p);
        }
        if ((flags & FCOMMENT) != 0 && p >= 0) {
            p = afterZero(p);
        }
        if ((flags & FHCRC) != 0 && p >= 0) {
            p += 2;
        }
        return p < 0 || p > end ? -1 : p - start;
    }

    private int afterZero(int from) {
        for (int i = from; i < end; i++) {
            if (in[i] == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private long le32(int at) {
        return (in[at] & 0xffL) | (in[at + 1] & 0xffL) << 8 | (in[at + 2] & 0xffL) << 16 | (in[at + 3] & 0xffL) << 24;
    }

    @Override
    boolean finished() {
        return stage == Stage.DONE || stage == Stage.MEMBER_END;
    }

    @Override
    public void close() {
        if (inflater != null) {
            inflater.end();
        }
    }
}
