package dev.crawler.fetch.http;

import dev.crawler.fetch.FetchError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The data of a chunked body (RFC 9112, section 7.1) decoded from bytes pushed as they arrive:
 * the same rules as {@link ChunkedInputStream} (hex sizes with optional extensions, CRLF after each
 * chunk's data, trailer fields read, checked and dropped, lines held to the header limit), as a
 * state machine that never waits for input.
 */
final class PushChunkedBody {

    private enum State { SIZE, DATA, DATA_END, TRAILERS, DONE }

    private final int maxLineBytes;
    private final StringBuilder line = new StringBuilder(16);
    private final ByteArrayOutputStream trailers = new ByteArrayOutputStream();
    private State state = State.SIZE;
    private long remainingInChunk;
    private int trailerLineLength;
    private byte previousTrailerByte;

    PushChunkedBody(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Consumes bytes of {@code in} up to the end of the body, handing chunk data to {@code data};
     * bytes after the end are left in {@code in}.
     *
     * @return whether the body is complete
     */
    boolean push(ByteBuffer in, Consumer<ByteBuffer> data) throws FetchException {
        while (in.hasRemaining() && state != State.DONE) {
            switch (state) {
                case SIZE -> sizeLine(in);
                case DATA -> data(in, data);
                case DATA_END -> dataEnd(in);
                case TRAILERS -> trailers(in);
                case DONE -> throw new IllegalStateException("done");
            }
        }
        return state == State.DONE;
    }

    private void sizeLine(ByteBuffer in) throws FetchException {
        String text = readLine(in);
        if (text != null) {
            long size = ChunkedInputStream.parseSize(text);
            remainingInChunk = size;
            state = size == 0 ? State.TRAILERS : State.DATA;
        }
    }

    private void data(ByteBuffer in, Consumer<ByteBuffer> data) {
        int take = (int) Math.min(in.remaining(), remainingInChunk);
        ByteBuffer part = in.slice(in.position(), take);
        in.position(in.position() + take);
        remainingInChunk -= take;
        data.accept(part);
        if (remainingInChunk == 0) {
            state = State.DATA_END;
        }
    }

    private void dataEnd(ByteBuffer in) throws FetchException {
        String text = readLine(in);
        if (text != null) {
            if (!text.isEmpty()) {
                throw new FetchException(FetchError.PROTOCOL, "chunk data longer than its size");
            }
            state = State.SIZE;
        }
    }

    /** Trailer lines up to the blank one, then checked as header fields would be. */
    private void trailers(ByteBuffer in) throws FetchException {
        while (in.hasRemaining()) {
            byte b = in.get();
            trailers.write(b);
            trailerLineLength++;
            if (trailers.size() > maxLineBytes + 2) {
                throw new FetchException(FetchError.PROTOCOL, "response head larger than " + maxLineBytes + " bytes");
            }
            boolean blank = false;
            if (b == '\n') {
                blank = trailerLineLength == 1 || (trailerLineLength == 2 && previousTrailerByte == '\r');
                trailerLineLength = 0;
            }
            previousTrailerByte = b;
            if (blank) {
                checkTrailers();
                state = State.DONE;
                return;
            }
        }
    }

    private void checkTrailers() throws FetchException {
        try {
            HttpHead.readHeaders(new HttpHead.LineReader(new ByteArrayInputStream(trailers.toByteArray())),
                    maxLineBytes);
        } catch (FetchException e) {
            throw e;
        } catch (IOException e) {
            throw new FetchException(FetchError.PROTOCOL, Messages.rootMessage(e), e);
        }
    }

    /** The next whole line without its terminator, or null if its end has not arrived yet. */
    private String readLine(ByteBuffer in) throws FetchException {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                int n = line.length();
                String text = n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
                line.setLength(0);
                return text;
            }
            if (line.length() >= maxLineBytes) {
                throw new FetchException(FetchError.PROTOCOL, "response head larger than " + maxLineBytes + " bytes");
            }
            line.append((char) (b & 0xff));
        }
        return null;
    }
}
