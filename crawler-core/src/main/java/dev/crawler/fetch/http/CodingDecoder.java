package dev.crawler.fetch.http;

import dev.crawler.fetch.FetchError;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;

/**
 * Undoes one Content-Encoding (gzip, deflate, br) incrementally: raw bytes are pushed in with
 * {@link #feed}, decoded bytes pulled out with {@link #decode}, at most as many as the caller
 * asks for. The caller decides how much output it wants, so a decompression bomb costs only what
 * is pulled: the async fetcher pulls until the body limit is reached and then drops the decoder;
 * the blocking and busy-poll fetchers pull through {@link DecodingInputStream}. Every fetcher uses these same
 * decoders, so all modes accept and refuse the same bodies.
 *
 * <p>Raw bytes wait in a buffer of this class until decoded; a caller feeds more only after
 * {@link #decode} returned 0, so the buffer never holds more than one fed piece (plus an
 * incomplete gzip header, itself capped). Not thread-safe.
 */
public abstract class CodingDecoder implements AutoCloseable {

    /** Longest gzip header (with its optional name and comment) accepted. */
    static final int MAX_PENDING = 64 << 10;

    byte[] in = new byte[0];
    int start;
    int end;
    boolean fed;

    /**
     * The decoder for a Content-Encoding value, or empty for {@code identity}, no value, and codings
     * not undone here (those bodies are kept as sent). {@code br} is decoded where the brotli
     * native library is available.
     */
    public static Optional<CodingDecoder> forCoding(Optional<String> contentEncoding) {
        String coding = contentEncoding.map(c -> c.strip().toLowerCase(Locale.ROOT)).orElse("identity");
        return switch (coding) {
            case "gzip", "x-gzip" -> Optional.of(new InflatingDecoder(true));
            case "deflate", "x-deflate" -> Optional.of(new InflatingDecoder(false));
            case "br" -> BrotliSupport.available() ? Optional.of(new BrotliCodingDecoder()) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Adds raw (coded) bytes. */
    final void feed(byte[] b, int off, int len) throws FetchException {
        if (len <= 0) {
            return;
        }
        fed = true;
        if (start == end) {
            start = 0;
            end = 0;
        }
        int kept = end - start;
        if (kept > MAX_PENDING) {
            throw new FetchException(FetchError.PROTOCOL, "compressed body: header longer than " + MAX_PENDING + " bytes");
        }
        if (in.length - end < len) {
            byte[] target = in.length >= kept + len ? in : new byte[Math.max(kept + len, 8 << 10)];
            System.arraycopy(in, start, target, 0, kept);
            in = target;
            start = 0;
            end = kept;
        }
        System.arraycopy(b, off, in, end, len);
        end += len;
    }

    /** Adds the remaining bytes of {@code raw} (consuming them). */
    public final void feed(ByteBuffer raw) throws FetchException {
        byte[] copy = new byte[raw.remaining()];
        raw.get(copy);
        feed(copy, 0, copy.length);
    }

    final int available() {
        return end - start;
    }

    /**
     * Decodes into {@code out}, at most {@code len} (more than 0) bytes; returns how many, or 0 when
     * the decoder needs more raw bytes or its coded data has ended ({@link #finished()}).
     *
     * @throws FetchException PROTOCOL if the raw bytes are not valid for the coding
     */
    public abstract int decode(byte[] out, int off, int len) throws FetchException;

    /** Whether the coded data has ended (raw bytes after it are ignored). */
    abstract boolean finished();

    /**
     * No more raw bytes will come. A body that stops inside its coded data is a PROTOCOL failure;
     * an empty body is not (some servers label empty bodies as compressed).
     */
    public final void endOfInput() throws FetchException {
        if (fed && !finished()) {
            throw new FetchException(FetchError.PROTOCOL, "compressed body ends before its compressed data does");
        }
    }

    /** Frees what the decoder holds (native memory for brotli). */
    @Override
    public abstract void close();
}
