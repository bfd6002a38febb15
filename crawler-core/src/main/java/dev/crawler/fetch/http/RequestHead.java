package dev.crawler.fetch.http;

import dev.crawler.fetch.FetchSettings;
import dev.crawler.fetch.RequestExtras;
import dev.crawler.fetch.proxy.ProxyServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The request line and headers every fetcher sends, built in one place so that all modes send
 * the same bytes: {@code GET} with Host, User-Agent, Accept, Accept-Encoding (gzip, deflate, and br
 * where brotli is available) and
 * Connection ({@code keep-alive}, or {@code close} when keep-alive is off), then the settings'
 * {@linkplain RequestExtras extras} (the user's fields, a login, cookies).
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
        return get(URI.create(target.absoluteForm()), target, settings, settings.keepAlive());
    }

    /**
     * The head of the GET of {@code uri} ({@code target} taken apart from it), asking for
     * keep-alive only if {@code keepAlive} (false for an origin not trusted with it), with the
     * settings' {@linkplain FetchSettings#extras() extras}.
     */
    public static RequestHead get(URI uri, RequestTarget target, FetchSettings settings, boolean keepAlive) {
        return get(uri, target, settings, keepAlive, settings.extras());
    }

    /**
     * The same with {@code extras} instead of the settings' own; a field of theirs named like one
     * of the crawler's replaces its value in place, the others follow.
     */
    public static RequestHead get(URI uri, RequestTarget target, FetchSettings settings, boolean keepAlive,
            RequestExtras extras) {
        List<Map.Entry<String, String>> more = extras.headersFor(uri);
        List<Map.Entry<String, String>> fields = new ArrayList<>(5 + more.size());
        fields.add(Map.entry("Host", target.hostHeader()));
        fields.add(Map.entry("User-Agent", settings.userAgent()));
        fields.add(Map.entry("Accept", ACCEPT));
        fields.add(Map.entry("Accept-Encoding", ACCEPT_ENCODING));
        fields.add(Map.entry("Connection", keepAlive ? "keep-alive" : "close"));
        for (Map.Entry<String, String> extra : more) {
            int same = indexOf(fields, extra.getKey());
            if (same >= 0) {
                fields.set(same, Map.entry(fields.get(same).getKey(), extra.getValue()));
            } else {
                fields.add(extra);
            }
        }
        return new RequestHead(target.path(), fields);
    }

    private static int indexOf(List<Map.Entry<String, String>> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).getKey().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
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
