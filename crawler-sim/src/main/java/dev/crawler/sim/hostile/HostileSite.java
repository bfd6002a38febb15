package dev.crawler.sim.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds a hostile web on one {@link RawHttpServer}: host names that all resolve to its address,
 * the responder behind each URL, and the {@link HostileCase} list a crawl is checked against.
 */
final class HostileSite {

    private final RawHttpServer server;
    private final Set<String> hosts = new LinkedHashSet<>();
    private final List<HostileCase> cases = new ArrayList<>();

    HostileSite(RawHttpServer server) {
        this.server = server;
    }

    RawHttpServer server() {
        return server;
    }

    String url(String host, String path) {
        return server.url(host, path);
    }

    /** Serves {@code path} on {@code host} without recording a case (robots.txt, redirect targets). */
    HostileSite serve(String host, String path, RawHttpServer.Responder responder) {
        hosts.add(host);
        server.route(host, path, responder);
        return this;
    }

    /** Serves {@code path} on {@code host} and records what a correct crawl makes of it. */
    HostileCase add(HostileCase.Kind kind, String behaviour, String host, String path, String expected,
            RawHttpServer.Responder responder) {
        serve(host, path, responder);
        HostileCase c = new HostileCase(behaviour, url(host, path), Pattern.compile(expected), kind);
        cases.add(c);
        return c;
    }

    List<HostileCase> cases() {
        return List.copyOf(cases);
    }

    List<String> hosts() {
        return List.copyOf(hosts);
    }

    /** Every host name, mapped to the server's address. */
    Map<String, String> resolveMap() {
        Map<String, String> map = new LinkedHashMap<>();
        hosts.forEach(h -> map.put(h, server.address().getHostAddress()));
        return map;
    }

    /** An HTML page that links every href, one per line. */
    static String links(String title, List<String> hrefs) {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><title>").append(title)
                .append("</title></head><body><h1>").append(title).append("</h1>\n");
        for (String h : hrefs) {
            html.append("<p><a href=\"").append(h).append("\">").append(h).append("</a></p>\n");
        }
        return html.append("</body></html>\n").toString();
    }
}
