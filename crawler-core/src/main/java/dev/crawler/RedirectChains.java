package dev.crawler;

import java.util.HashMap;
import java.util.Map;

/**
 * The redirect chains under way, to tell a redirect loop ({@code /a -> /b -> /a}) from a redirect
 * to a page simply seen before. Each followed redirect remembers where its target came from; a
 * chain is forgotten when it ends. Not thread-safe: the coordinator owns it.
 */
final class RedirectChains {

    private static final int LONGEST = 64;

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
