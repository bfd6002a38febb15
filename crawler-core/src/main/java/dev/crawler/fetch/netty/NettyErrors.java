package dev.crawler.fetch.netty;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.connect.TlsFailures;
import dev.crawler.fetch.http.Messages;
import dev.crawler.fetch.http.RequestTarget;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import javax.net.ssl.SSLException;

/** Maps what the Netty pipeline throws to the kind of fetch failure it means. */
final class NettyErrors {

    private NettyErrors() {
    }

    /** The failure kind of an exception caught in the pipeline after the connection was open. */
    static FetchError classify(Throwable cause) {
        if (has(cause, SslHandshakeTimeoutException.class)) {
            return FetchError.CONNECT_TIMEOUT;
        }
        if (has(cause, SSLException.class)) {
            return FetchError.TLS;
        }
        if (has(cause, DecompressionException.class) || has(cause, TooLongFrameException.class)
                || cause instanceof DecoderException) {
            return FetchError.PROTOCOL;
        }
        return FetchError.IO;
    }

    /** The failure message for {@code cause}, naming TLS where the handshake failed. */
    static String describe(Throwable cause, RequestTarget target) {
        if (has(cause, SslHandshakeTimeoutException.class)) {
            return Messages.tlsFailed(target.host(), "timed out");
        }
        return has(cause, SSLException.class) ? TlsFailures.message(cause, target.host()) : Messages.rootMessage(cause);
    }

    /** The failure kind of a connect attempt that did not succeed. */
    static FetchError classifyConnect(Throwable cause) {
        return cause instanceof ConnectTimeoutException ? FetchError.CONNECT_TIMEOUT : FetchError.CONNECT;
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
