package dev.crawler.cookies;

import dev.crawler.fetch.RequestExtras;
import dev.crawler.fetch.ResponseHeaders;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A crawl's cookies on top of its other request extras: each request carries the jar's cookies
 * for its URL (joined to a {@code Cookie} field the user gave, if any), and each response's
 * {@code Set-Cookie} fields go into the jar. The jar is locked for bookkeeping only, so fetcher
 * threads, event loops among them, never wait on I/O here.
 */
public final class CookieSession implements RequestExtras {

    private final RequestExtras inner;
    private final CookieJar jar;
    private final Clock clock;

    public CookieSession(RequestExtras inner, CookieJar jar, Clock clock) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.jar = Objects.requireNonNull(jar, "jar");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<Map.Entry<String, String>> headersFor(URI uri) {
        List<Map.Entry<String, String>> given = inner.headersFor(uri);
        Optional<String> cookies = jar.cookieHeader(uri, clock.instant());
        if (cookies.isEmpty()) {
            return given;
        }
        List<Map.Entry<String, String>> all = new ArrayList<>(given.size() + 1);
        String joined = cookies.get();
        for (Map.Entry<String, String> h : given) {
            if (h.getKey().equalsIgnoreCase("Cookie")) {
                joined = h.getValue() + "; " + joined;
            } else {
                all.add(h);
            }
        }
        all.add(Map.entry("Cookie", joined));
        return all;
    }

    @Override
    public void answered(URI uri, ResponseHeaders headers) {
        inner.answered(uri, headers);
        List<String> set = headers.all("Set-Cookie");
        if (!set.isEmpty()) {
            jar.receive(uri, set, clock.instant());
        }
    }

    /** What an archive records: the inner extras' own record, without cookies (the jar changes). */
    @Override
    public RequestExtras recordable() {
        return inner.recordable();
    }
}
