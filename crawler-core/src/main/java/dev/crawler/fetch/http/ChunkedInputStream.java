package dev.crawler.fetch.http;

import dev.crawler.fetch.FetchError;
import java.io.IOException;
import java.io.InputStream;

/**
 * The data of a chunked body (RFC 9112, section 7.1): chunk sizes in hex with optional extensions,
 * then the last chunk and trailer fields, which are read and dropped. A bad size line is a
 * PROTOCOL failure; chunk-size lines and the trailer section are held to the header limit.
 */
final class ChunkedInputStream extends BulkInputStream {

    private final InputStream in;
    private final HttpHead.LineReader lines;
    private final int maxLineBytes;
    private long remainingInChunk;
    private boolean finished;

    ChunkedInputStream(InputStream in, int maxLineBytes) {
        this.in = in;
        this.lines = new HttpHead.LineReader(in);
        this.maxLineBytes = maxLineBytes;
    }


    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (remainingInChunk == 0 && !nextChunk()) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remainingInChunk));
        if (n < 0) {
            throw new FetchException(FetchError.IO, Messages.closedEarly());
        }
        remainingInChunk -= n;
        if (remainingInChunk == 0) {
            expectCrlf();
        }
        return n;
    }

    /** Reads the next size line; false at the last chunk (after its trailers). */
    private boolean nextChunk() throws IOException {
        if (finished) {
            return false;
        }
        long size = parseSize(requireLine());
        if (size == 0) {
            HttpHead.readHeaders(lines, maxLineBytes); // trailers, dropped
            finished = true;
            return false;
        }
        remainingInChunk = size;
        return true;
    }

    private String requireLine() throws IOException {
        String line = lines.read(maxLineBytes);
        if (line == null) {
            throw new FetchException(FetchError.IO, Messages.closedEarly());
        }
        return line;
    }

    private void expectCrlf() throws IOException {
        if (!requireLine().isEmpty()) {
            throw new FetchException(FetchError.PROTOCOL, "chunk data longer than its size");
        }
    }

    static long parseSize(String line) throws FetchException {
        int semi = line.indexOf(';');
        String hex = (semi >= 0 ? line.substring(0, semi) : line).strip();
        if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(ChunkedInputStream::isHex)) {
            throw new FetchException(FetchError.PROTOCOL, "invalid chunk size: '" + line + "'");
        }
        return Long.parseLong(hex, 16);
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    @Override
    public void close() {
        // the connection is closed by its owner
    }
}
