package dev.crawler.fetch.http;

import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.proxy.ProxyServer;
import java.net.InetSocketAddress;

/** Failure messages that every fetcher words the same way, so that reports compare across modes. */
public final class Messages {

    private Messages() {
    }

    public static String firstByteTimeout(FetchSettings s) {
        return "no response within " + s.firstByteTimeout().toMillis() + " ms of sending the request";
    }

    public static String responseTimeout(FetchSettings s) {
        return "no complete response within " + s.responseTimeout().toMillis() + " ms";
    }

    public static String connectTimeout(FetchSettings s, InetSocketAddress to) {
        return "cannot connect to " + to + ": timed out after " + s.connectTimeout().toMillis() + " ms";
    }

    public static String cannotConnect(InetSocketAddress to, String reason) {
        return "cannot connect to " + to + ": " + reason;
    }

    /** The proxy did not take the connection (refused, unreachable, timed out). */
    public static String proxyUnreachable(ProxyServer proxy, String reason) {
        return "cannot connect to proxy " + proxy + ": " + reason
                + " (is it running? check --proxy or the *_proxy environment variables)";
    }

    /**
     * The proxy took the connection but would not carry the request to {@code target}:
     * {@code reason} is its answer, such as {@code 407 Proxy Authentication Required}.
     */
    public static String proxyRefused(ProxyServer proxy, String target, String reason) {
        String lower = reason.toLowerCase(java.util.Locale.ROOT);
        boolean login = lower.contains("407") || lower.contains("401") || lower.contains("auth");
        return "proxy " + proxy + " refused the request to " + target + ": " + reason
                + (login ? " (give the proxy's user and password in its URL: scheme://user:pass@host:port)" : "");
    }

    public static String cannotResolve(String host, String reason) {
        return "cannot resolve " + host + ": " + reason;
    }

    public static String tlsFailed(String host, String reason) {
        return "TLS handshake with " + host + " failed: " + reason;
    }

    public static String closedEarly() {
        return "connection closed before the response was complete";
    }

    public static String staleConnection() {
        return "connection closed before any response (reused keep-alive connection): the request may have"
                + " reached the server, so it is not sent again at once";
    }

    public static String desync(FetchSettings s) {
        return "bytes beyond the response arrived on a reused keep-alive connection (within "
                + s.reuseSettle().toMillis() + " ms of its end): the server is out of step with its requests,"
                + " so the response is discarded; its connections are no longer reused";
    }

    public static String fetcherClosed() {
        return "fetcher closed";
    }

    /** TLS could not be set up for this fetcher (the trust store could not be read, say). */
    public static String tlsUnavailable(Throwable t) {
        Throwable cause = t.getCause() != null ? t.getCause() : t;
        return "TLS could not be set up, so no https URL can be fetched: " + cause.getMessage()
                + " (check the Java installation's trust store, and the files given with --trust-cert)";
    }

    /** The innermost message of {@code t}, or its class name if it has none. */
    public static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return msg == null || msg.isBlank() ? root.getClass().getSimpleName() : msg;
    }
}
