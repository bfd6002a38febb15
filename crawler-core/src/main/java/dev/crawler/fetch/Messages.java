package dev.crawler.fetch;

import java.net.InetSocketAddress;

/** Failure messages that every fetcher words the same way, so that reports compare across modes. */
final class Messages {

    private Messages() {
    }

    static String firstByteTimeout(FetchSettings s) {
        return "no response within " + s.firstByteTimeout().toMillis() + " ms of sending the request";
    }

    static String responseTimeout(FetchSettings s) {
        return "no complete response within " + s.responseTimeout().toMillis() + " ms";
    }

    static String connectTimeout(FetchSettings s, InetSocketAddress to) {
        return "cannot connect to " + to + ": timed out after " + s.connectTimeout().toMillis() + " ms";
    }

    static String cannotConnect(InetSocketAddress to, String reason) {
        return "cannot connect to " + to + ": " + reason;
    }

    static String cannotResolve(String host, String reason) {
        return "cannot resolve " + host + ": " + reason;
    }

    static String tlsFailed(String host, String reason) {
        return "TLS handshake with " + host + " failed: " + reason;
    }

    static String closedEarly() {
        return "connection closed before the response was complete";
    }

    static String staleConnection() {
        return "connection closed before any response (reused keep-alive connection): the request may have"
                + " reached the server, so it is not sent again at once";
    }

    static String desync(FetchSettings s) {
        return "bytes beyond the response arrived on a reused keep-alive connection (within "
                + s.reuseSettle().toMillis() + " ms of its end): the server is out of step with its requests,"
                + " so the response is discarded; its connections are no longer reused";
    }

    static String fetcherClosed() {
        return "fetcher closed";
    }

    /** The innermost message of {@code t}, or its class name if it has none. */
    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return msg == null || msg.isBlank() ? root.getClass().getSimpleName() : msg;
    }
}
