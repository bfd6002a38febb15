package dev.crawler.fetch.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Undoes the Content-Encoding of a body read as a stream (the blocking and busy-poll fetchers):
 * gzip (x-gzip), deflate (x-deflate, zlib-wrapped or raw) and brotli (br), with the same
 * {@link CodingDecoder}s the async fetcher pushes bytes through. Other codings pass through
 * undecoded. Decoding is pulled by the reader, so a bomb inflates only as far as the body limit
 * reads.
 */
public final class ContentDecoding {

    private ContentDecoding() {
    }

    public static InputStream decode(InputStream body, Optional<String> contentEncoding) throws IOException {
        Optional<CodingDecoder> decoder = CodingDecoder.forCoding(contentEncoding);
        return decoder.isPresent() ? new DecodingInputStream(body, decoder.get()) : body;
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
