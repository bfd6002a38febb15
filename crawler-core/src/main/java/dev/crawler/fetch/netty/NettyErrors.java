package dev.crawler.fetch.netty;

import dev.crawler.fetch.connect.ConnectionKey;
import io.netty.handler.proxy.ProxyConnectException;
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
        if (has(cause, ProxyConnectException.class)) {
            return FetchError.PROXY;
        }
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
    static String describe(Throwable cause, RequestTarget target, ConnectionKey key) {
        if (has(cause, ProxyConnectException.class) && key != null && key.via().isPresent()) {
            return Messages.proxyRefused(key.via().get(), key.targetAuthority(), proxyAnswer(cause));
        }
        if (has(cause, SslHandshakeTimeoutException.class)) {
            return Messages.tlsFailed(target.host(), "timed out");
        }
        return has(cause, SSLException.class) ? TlsFailures.message(cause, target.host()) : Messages.rootMessage(cause);
    }

    /**
     * What the proxy answered, from a {@link ProxyConnectException}'s message, which Netty words as
     * {@code protocol, auth, proxy => destination, answer}; the whole message if it is not so worded.
     */
    private static String proxyAnswer(Throwable cause) {
        Throwable c = cause;
        while (!(c instanceof ProxyConnectException) && c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String msg = String.valueOf(c.getMessage());
        int arrow = msg.indexOf(" => ");
        int comma = arrow < 0 ? -1 : msg.indexOf(", ", arrow);
        String answer = comma < 0 ? msg : msg.substring(comma + 2);
        if (answer.contains("authMethod: UNACCEPTED")) {
            return "it asks for a login it was not given (authentication required)";
        }
        if (answer.startsWith("authStatus: ")) {
            return "it did not accept the user and password (authentication failed)";
        }
        return answer.startsWith("status: ") ? answer.substring("status: ".length()) : answer;
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
