package dev.crawler.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes the Content-Encoding of a body as the blocking fetcher reads it, the codings the async
 * fetcher's decompressor handles: gzip (x-gzip) and deflate (x-deflate, zlib-wrapped or raw, told
 * apart by the first two bytes, as Netty does). Other codings pass through undecoded. Decoding is
 * pulled by the reader, so a bomb inflates only as far as the body limit reads.
 */
final class ContentDecoding {

    private ContentDecoding() {
    }

    static InputStream decode(InputStream body, Optional<String> contentEncoding) throws IOException {
        String coding = contentEncoding.map(c -> c.strip().toLowerCase(Locale.ROOT)).orElse("identity");
        return switch (coding) {
            case "gzip", "x-gzip" -> gzip(body);
            case "deflate", "x-deflate" -> deflate(body);
            default -> body;
        };
    }

    private static InputStream gzip(InputStream body) throws IOException {
        PushbackInputStream in = new PushbackInputStream(body, 1);
        int first = in.read();
        if (first < 0) {
            return InputStream.nullInputStream(); // an empty body claimed to be gzip
        }
        in.unread(first);
        return new GZIPInputStream(in, 8 << 10);
    }

    private static InputStream deflate(InputStream body) throws IOException {
        PushbackInputStream in = new PushbackInputStream(body, 2);
        byte[] head = in.readNBytes(2);
        if (head.length == 0) {
            return InputStream.nullInputStream();
        }
        in.unread(head);
        Inflater inflater = new Inflater(!looksLikeZlib(head));
        return new InflaterInputStream(in, inflater, 8 << 10) {
            @Override
            public void close() throws IOException {
                inflater.end();
                super.close();
            }
        };
    }

    /** A zlib header: compression method 8 and a header checksum divisible by 31. */
    static boolean looksLikeZlib(byte[] head) {
        if (head.length < 2) {
            return false;
        }
        int cmf = head[0] & 0xff;
        int flg = head[1] & 0xff;
        return (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
    }
}
