package dev.crawler.fetch.http;

import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import dev.crawler.fetch.FetchError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * brotli (RFC 7932) through brotli4j's push decoder: raw bytes go into its input buffer, decoded
 * bytes are taken from its output only as far as the caller pulls. Native memory: the decoder's
 * window (at most 16 MiB, 4 MiB as usually sent), freed on {@link #close()}.
 */
final class BrotliCodingDecoder extends CodingDecoder {

    private static final int INPUT_BUFFER = 16 << 10;

    private final DecoderJNI.Wrapper decoder;
    private ByteBuffer pulled;
    private boolean done;
    private boolean closed;

    BrotliCodingDecoder() {
        try {
            decoder = new DecoderJNI.Wrapper(INPUT_BUFFER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a brotli decoder: " + e.getMessage(), e);
        }
    }

    @Override
    public int decode(byte[] out, int off, int len) throws FetchException {
        while (true) {
            if (pulled != null && pulled.hasRemaining()) {
                int n = Math.min(len, pulled.remaining());
                pulled.get(out, off, n);
                return n;
            }
            pulled = null;
            switch (decoder.getStatus()) {
                case DONE -> {
                    if (decoder.hasOutput()) {
                        pulled = decoder.pull();
                    } else {
                        done = true;
                        start = end;
                        return 0;
                    }
                }
                case NEEDS_MORE_OUTPUT -> pulled = decoder.pull();
                case OK -> decoder.push(0);
                case NEEDS_MORE_INPUT -> {
                    if (decoder.hasOutput()) {
                        pulled = decoder.pull();
                    } else if (available() == 0) {
                        return 0;
                    } else {
                        ByteBuffer input = decoder.getInputBuffer();
                        input.clear();
                        int n = Math.min(available(), input.remaining());
                        input.put(in, start, n);
                        start += n;
                        decoder.push(n);
                    }
                }
                default -> throw new FetchException(FetchError.PROTOCOL, "invalid brotli body");
            }
        }
    }

    @Override
    boolean finished() {
        return done;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            decoder.destroy();
        }
    }
}
