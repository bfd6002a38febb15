package dev.crawler.engine;

import dev.crawler.fetch.FetchResult;
import dev.crawler.frontier.CrawlRequest;
import dev.crawler.url.UrlNormalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The redirect chains under way, and the rules a redirect must pass to be followed: a Location
 * that resolves to an http(s) URL, at most {@value #MAX_REDIRECTS} redirects in a row, and no loop
 * ({@code /a -> /b -> /a}, told apart from a redirect to a page simply seen before). Each followed
 * redirect remembers where its target came from; a chain is forgotten when it ends. Not
 * thread-safe: the coordinator owns it.
 */
final class RedirectChains {

    static final int MAX_REDIRECTS = 10;
    private static final int LONGEST = 64;
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");

    /** What to do with a redirect: follow it to {@code target}, or not, for the reason {@code why}. */
    sealed interface Decision {
    }

    /** @param target the normalized URL to queue (scope and traps still have their say) */
    record Follow(String target) implements Decision {
    }

    /** @param why the redirect's index error ({@code bad_redirect: ...}, {@code redirect_loop: ...}) */
    record Refuse(String why) implements Decision {
    }

    /** Whether the redirect response {@code r} to {@code from} may be followed, as far as redirects go. */
    Decision judge(CrawlRequest from, FetchResult.Response r) {
        Optional<String> location = r.headers().first("Location").filter(l -> !l.isBlank());
        if (location.isEmpty()) {
            return new Refuse("bad_redirect: status " + r.status() + " without a Location header");
        }
        Optional<String> target = UrlNormalizer.resolve(from.url(), location.get());
        if (target.isEmpty()) {
            return new Refuse(badLocation(location.get()));
        }
        if (from.redirects() + 1 > MAX_REDIRECTS) {
            return new Refuse("too_many_redirects: more than " + MAX_REDIRECTS + " redirects in a row; not following "
                    + target.get());
        }
        if (isLoop(from.url(), target.get())) {
            return new Refuse("redirect_loop: " + target.get() + " was already requested in this chain of redirects");
        }
        return new Follow(target.get());
    }

    /** Why a Location that does not resolve to an http(s) URL is not followed. */
    static String badLocation(String location) {
        String shown = location.length() > 200 ? location.substring(0, 200) + "..." : location;
        Matcher m = SCHEME.matcher(location.strip());
        if (m.lookingAt()) {
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "bad_redirect: Location '" + shown + "' uses the " + scheme
                        + ": scheme; only http and https are followed";
            }
        }
        return "bad_redirect: unusable Location '" + shown + "'";
    }

    private final Map<String, String> cameFrom = new HashMap<>();

    /** Whether {@code target} is already in the chain that led to {@code from} (or is {@code from}). */
    boolean isLoop(String from, String target) {
        String u = from;
        for (int i = 0; u != null && i < LONGEST; i++) {
            if (u.equals(target)) {
                return true;
            }
            u = cameFrom.get(u);
        }
        return false;
    }

    /** {@code from} redirected to {@code target}, which was queued. */
    void followed(String from, String target) {
        cameFrom.put(target, from);
    }

    /** The chain through {@code url} ended there (its outcome is final and leads nowhere queued). */
    void ended(String url) {
        String u = url;
        for (int i = 0; u != null && i < LONGEST; i++) {
            u = cameFrom.remove(u);
        }
    }
}
