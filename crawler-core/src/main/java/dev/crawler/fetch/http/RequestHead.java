package dev.crawler.fetch.http;

import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.proxy.ProxyServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The request line and headers every fetcher sends, built in one place so that all modes send
 * the same bytes: {@code GET} with Host, User-Agent, Accept, Accept-Encoding (gzip, deflate, and br
 * where brotli is available) and
 * Connection ({@code keep-alive}, or {@code close} when keep-alive is off).
 *
 * @param path the request target: origin form ({@code /path?query}), or absolute form through a proxy
 * @param headers header fields in the order they are sent
 */
public record RequestHead(String path, List<Map.Entry<String, String>> headers) {

    static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    /** The codings every fetcher decodes ({@link CodingDecoder}); loading this class loads brotli. */
    public static final String ACCEPT_ENCODING = BrotliSupport.available() ? "gzip, deflate, br" : "gzip, deflate";

    public RequestHead {
        headers = List.copyOf(headers);
    }

    /**
     * Fails fast on settings that would corrupt the request head (a User-Agent with a line break or
     * other control character); fetchers check this when they are built.
     */
    public static FetchSettings requireValid(FetchSettings settings) {
        String ua = settings.userAgent();
        if (ua.isBlank() || ua.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c > 0xff)) {
            throw new IllegalArgumentException("userAgent must be non-blank printable ISO-8859-1 text without"
                    + " line breaks, was '" + ua + "'");
        }
        return settings;
    }

    static RequestHead get(RequestTarget target, FetchSettings settings) {
        return get(target, settings, settings.keepAlive());
    }

    /** The head asking for keep-alive only if {@code keepAlive} (false for an origin not trusted with it). */
    public static RequestHead get(RequestTarget target, FetchSettings settings, boolean keepAlive) {
        return new RequestHead(target.path(), List.of(
                Map.entry("Host", target.hostHeader()),
                Map.entry("User-Agent", settings.userAgent()),
                Map.entry("Accept", ACCEPT),
                Map.entry("Accept-Encoding", ACCEPT_ENCODING),
                Map.entry("Connection", keepAlive ? "keep-alive" : "close")));
    }

    /**
     * This head as an HTTP proxy takes it for plain http: the request target in absolute form
     * ({@code http://host:port/path}) and, if the proxy asks for a login, {@code Proxy-Authorization}.
     */
    public RequestHead forwardedBy(ProxyServer proxy, RequestTarget target) {
        List<Map.Entry<String, String>> all = new ArrayList<>(headers);
        proxy.credentials().ifPresent(c -> all.add(Map.entry("Proxy-Authorization", c.basicAuthorization())));
        return new RequestHead(target.absoluteForm(), all);
    }

    /** The request head as it goes on the wire (ISO-8859-1, CRLF line ends, blank line last). */
    public byte[] encode() {
        StringBuilder sb = new StringBuilder(256).append("GET ").append(path).append(" HTTP/1.1\r\n");
        for (Map.Entry<String, String> h : headers) {
            sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
