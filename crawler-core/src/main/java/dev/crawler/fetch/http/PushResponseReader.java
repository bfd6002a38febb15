package dev.crawler.fetch.http;

import dev.crawler.fetch.FetchError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Reads one HTTP/1.x response from bytes pushed as they arrive on a non-blocking socket, for the
 * busy-poll fetcher: it never waits, it only says whether it needs more. The head is collected up
 * to its blank line and parsed by {@link HttpHead} with the same limits as the other fetchers
 * (interim 1xx heads are skipped); the body is framed by {@link BodyFraming} (none, Content-Length,
 * chunked, or until the server closes) and its raw, still content-coded bytes are kept up to a raw
 * limit, past which reading stops and the response is {@linkplain #cut() cut}.
 */
public final class PushResponseReader {

    /** Whether the response is complete. */
    public enum Progress { NEED_MORE, DONE }

    private enum Stage { HEAD, BODY, DONE }

    private final int maxHeaderBytes;
    private final BodyAccumulator raw;
    private final ByteArrayOutputStream headBytes = new ByteArrayOutputStream(512);
    private int lineStart;
    private byte previous;
    private boolean headStarted;
    private Stage stage = Stage.HEAD;
    private HttpHead head;
    private BodyFraming framing;
    private long remaining;
    private PushChunkedBody chunked;
    private boolean receivedAny;
    private boolean leftover;

    /**
     * @param maxHeaderBytes the limit of the status line and of the header section
     * @param rawLimit most raw body bytes kept; past it the response is cut
     */
    public PushResponseReader(int maxHeaderBytes, long rawLimit) {
        this.maxHeaderBytes = maxHeaderBytes;
        this.raw = new BodyAccumulator(rawLimit);
    }

    /** Consumes every byte of {@code in}; bytes after the end of the response are noted, not kept. */
    public Progress push(ByteBuffer in) throws FetchException {
        if (in.hasRemaining()) {
            receivedAny = true;
        }
        while (in.hasRemaining() && stage != Stage.DONE) {
            if (stage == Stage.HEAD) {
                readHead(in);
            } else {
                readBody(in);
            }
        }
        if (in.hasRemaining()) {
            leftover = true;
            in.position(in.limit());
        }
        return stage == Stage.DONE ? Progress.DONE : Progress.NEED_MORE;
    }

    /** The server closed the connection: complete for a body read until close, else an IO failure. */
    public Progress endOfStream() throws FetchException {
        if (stage == Stage.BODY && framing.kind() == BodyFraming.Kind.UNTIL_CLOSE) {
            stage = Stage.DONE;
            return Progress.DONE;
        }
        if (stage == Stage.DONE) {
            return Progress.DONE;
        }
        throw new FetchException(FetchError.IO, Messages.closedEarly());
    }

    private void readHead(ByteBuffer in) throws FetchException {
        while (in.hasRemaining()) {
            byte b = in.get();
            headBytes.write(b);
            if (headBytes.size() > 2 * maxHeaderBytes + 4) {
                throw new FetchException(FetchError.PROTOCOL, "response head larger than " + maxHeaderBytes + " bytes");
            }
            boolean blankLine = false;
            if (b == '\n') {
                int lineLength = headBytes.size() - lineStart; // with its LF (and CR, if any)
                lineStart = headBytes.size();
                blankLine = lineLength == 1 || (lineLength == 2 && previous == '\r');
            } else if (b != '\r') {
                headStarted = true;
            }
            previous = b;
            if (blankLine && headStarted) { // blank lines before the status line are left to HttpHead
                headComplete();
                return;
            }
        }
    }

    private void headComplete() throws FetchException {
        byte[] bytes = headBytes.toByteArray();
        headBytes.reset();
        lineStart = 0;
        headStarted = false;
        try {
            head = HttpHead.read(new ByteArrayInputStream(bytes), maxHeaderBytes);
        } catch (FetchException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new FetchException(FetchError.PROTOCOL, Messages.rootMessage(e), e);
        }
        if (head.informational()) {
            return; // an interim response; the real head follows
        }
        framing = BodyFraming.of(head);
        switch (framing.kind()) {
            case NONE -> stage = Stage.DONE;
            case LENGTH -> {
                remaining = framing.length();
                stage = remaining == 0 ? Stage.DONE : Stage.BODY;
            }
            case CHUNKED -> {
                chunked = new PushChunkedBody(maxHeaderBytes);
                stage = Stage.BODY;
            }
            case UNTIL_CLOSE -> stage = Stage.BODY;
        }
    }

    private void readBody(ByteBuffer in) throws FetchException {
        switch (framing.kind()) {
            case LENGTH -> {
                int take = (int) Math.min(in.remaining(), remaining);
                keep(slice(in, take));
                remaining -= take;
                if (remaining == 0) {
                    stage = Stage.DONE;
                }
            }
            case CHUNKED -> {
                if (chunked.push(in, this::keep)) {
                    stage = Stage.DONE;
                }
            }
            default -> keep(slice(in, in.remaining()));
        }
    }

    private static ByteBuffer slice(ByteBuffer in, int length) {
        ByteBuffer part = in.slice(in.position(), length);
        in.position(in.position() + length);
        return part;
    }

    private void keep(ByteBuffer data) {
        if (!raw.append(data)) {
            stage = Stage.DONE; // cut: the connection is not reused
        }
    }

    /** Whether any byte of the response arrived. */
    public boolean receivedAny() {
        return receivedAny;
    }

    /** The final head; valid once the head is complete. */
    public HttpHead head() {
        return head;
    }

    /** The raw (content-coded) body bytes kept. */
    public byte[] rawBody() {
        return raw.toByteArray();
    }

    /** Whether reading stopped at the raw limit, before the end of the body. */
    boolean cut() {
        return raw.truncated();
    }

    /** Whether bytes arrived after the end of the response. */
    public boolean surplus() {
        return leftover;
    }

    /** Whether the connection may carry another request: body delimited, read whole, nothing after it. */
    public boolean cleanEnd() {
        return stage == Stage.DONE && framing != null && framing.delimited() && !cut() && !leftover;
    }
}
