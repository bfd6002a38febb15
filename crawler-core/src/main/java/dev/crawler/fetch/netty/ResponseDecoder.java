package dev.crawler.fetch.netty;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseDecoder;

/**
 * Netty's response decoder, able to tell whether bytes are left over once a response ended: a body
 * longer than its Content-Length leaves the rest behind, and a connection holding such bytes must
 * not carry another request (they would be read as its response).
 */
final class ResponseDecoder extends HttpResponseDecoder {

    ResponseDecoder(HttpDecoderConfig config) {
        super(config);
    }

    /** Whether undecoded bytes wait in the decoder's buffer. */
    boolean hasLeftover() {
        return actualReadableBytes() > 0;
    }
}
