package dev.crawler.fetch.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * A coded body read as its decoded bytes, for the fetchers that read bodies as streams: raw bytes
 * are read from the framed body only when the decoder needs them, so a reader that stops at the
 * body limit also stops the inflation of a bomb. The stream ends where the coded data ends.
 */
final class DecodingInputStream extends BulkInputStream {

    private final InputStream raw;
    private final CodingDecoder decoder;
    private final byte[] chunk = new byte[8 << 10];
    private boolean rawEnded;

    DecodingInputStream(InputStream raw, CodingDecoder decoder) {
        this.raw = raw;
        this.decoder = decoder;
    }


    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            int n = decoder.decode(b, off, len);
            if (n > 0) {
                return n;
            }
            if (decoder.finished() || rawEnded) {
                return -1;
            }
            int r = raw.read(chunk);
            if (r < 0) {
                rawEnded = true;
                decoder.endOfInput();
            } else {
                decoder.feed(chunk, 0, r);
            }
        }
    }

    @Override
    public void close() throws IOException {
        decoder.close();
        raw.close();
    }
}
