package dev.crawler.cookies;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cookies of one crawl (RFC 6265 §5): what responses set ({@link #receive}) is sent back with
 * later requests ({@link #cookieHeader}). Set-Cookie values that are malformed, too large, for
 * another domain or for a public suffix are dropped without a word: they never throw. The jar
 * keeps at most {@link CookieLimits} cookies. Session cookies live as long as the jar.
 *
 * <p>Thread-safe: fetchers on several threads share one jar. Time is passed in by the caller.
 */
public final class CookieJar {

    /** In a Cookie header: the longest path first, then the oldest (RFC 6265 §5.4 step 2). */
    private static final Comparator<Cookie> HEADER_ORDER =
            Comparator.comparingInt((Cookie c) -> c.path().length()).reversed().thenComparing(Cookie::creation);

    private final Object lock = new Object();
    private final CookieStore store;

    /** An empty jar with the {@linkplain CookieLimits#defaults() default limits}. */
    public CookieJar() {
        this(CookieLimits.defaults());
    }

    /** An empty jar that keeps at most {@code limits} cookies. */
    public CookieJar(CookieLimits limits) {
        this.store = new CookieStore(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Stores the cookies that {@code setCookieValues} (the values of a response's Set-Cookie
     * headers, in order) set for a request to {@code requestUri}, received at {@code now}; a
     * cookie that has expired deletes the one it would replace, and every cookie expired by
     * {@code now} is removed. Values that set nothing are
     * ignored, as is a URI that is not http or https or has no host.
     */
    public void receive(URI requestUri, List<String> setCookieValues, Instant now) {
        Objects.requireNonNull(setCookieValues, "setCookieValues");
        Objects.requireNonNull(now, "now");
        Optional<CookieRequest> request = CookieRequest.of(requestUri);
        if (request.isEmpty()) {
            return;
        }
        synchronized (lock) {
            store.removeExpired(now);
            for (String value : setCookieValues) {
                SetCookieParser.parse(value)
                        .flatMap(setCookie -> CookieAcceptance.accept(setCookie, request.get(), now))
                        .ifPresent(cookie -> store.put(cookie, now));
            }
        }
    }

    /**
     * The value of the Cookie header for a request to {@code requestUri} at {@code now}
     * ({@code a=b; c=d}), or empty if no cookie goes with it. The cookies sent count as used now.
     */
    public Optional<String> cookieHeader(URI requestUri, Instant now) {
        Objects.requireNonNull(now, "now");
        Optional<CookieRequest> request = CookieRequest.of(requestUri);
        if (request.isEmpty()) {
            return Optional.empty();
        }
        List<Cookie> sent;
        synchronized (lock) {
            sent = store.matching(request.get(), now);
            store.touch(sent, now);
        }
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(sent.stream().sorted(HEADER_ORDER).map(Cookie::headerPair).collect(Collectors.joining("; ")));
    }

    /** How many cookies the jar holds, counting those that expired since it last looked. */
    public int size() {
        synchronized (lock) {
            return store.size();
        }
    }

    /** The cookies that have not expired by {@code now}, oldest first. */
    public List<Cookie> cookies(Instant now) {
        synchronized (lock) {
            return List.copyOf(store.all(now));
        }
    }
}
