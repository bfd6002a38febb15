package dev.crawler.sim.hostile;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One URL of a hostile web and what a correct crawl does with it.
 *
 * @param behaviour what the server does there, such as {@code silent} or {@code redirect-loop}
 * @param url the URL as linked
 * @param expected the outcome a correct crawl records for it (see {@link #outcome}), as a regular
 *     expression; for {@link Kind#NEVER_REQUESTED} it may match "none" when no index line is due
 * @param kind whether it is a case, a canary that must be fetched, or a URL the server must never see
 */
public record HostileCase(String behaviour, String url, Pattern expected, Kind kind) {

    /** The role of a URL in the hostile web. */
    public enum Kind {
        /** A hostile behaviour: it gets exactly one index line, with the expected outcome. */
        CASE,
        /** A plain page between the cases: it must be fetched with status 200. */
        CANARY,
        /** A URL the crawler must never request: robots.txt forbids it or only a smuggled response links it. */
        NEVER_REQUESTED
    }

    public HostileCase {
        Objects.requireNonNull(behaviour, "behaviour");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * An index line's outcome in one word: its error code (the text before the first colon) when
     * it has an error, otherwise {@code status N}; {@code none} when there is no line.
     */
    public static String outcome(Integer status, String error) {
        if (error != null && !error.isEmpty()) {
            int colon = error.indexOf(':');
            return colon < 0 ? error : error.substring(0, colon);
        }
        return status == null ? "none" : "status " + status;
    }

    /** Whether {@code outcome} is what a correct crawl records here. */
    public boolean expects(String outcome) {
        return expected.matcher(outcome).matches();
    }
}
