package dev.crawler.cookies;

import crawlercommons.domains.EffectiveTldFinder;

/**
 * Public suffixes ({@code com}, {@code co.uk}, {@code github.io}): names under which anyone may
 * register a domain, so a cookie for one would go to every site under it. The list is
 * crawler-commons' copy of the Public Suffix List, private section included (as browsers use it),
 * wildcard and exception rules honoured. A single label ({@code com}, {@code sim},
 * {@code localhost}) is always a public suffix: that is the list's default rule {@code *}.
 * Names under a top-level domain the list does not know ({@code b.test} in {@code a.b.test}) are
 * not.
 */
final class PublicSuffixes {

    private PublicSuffixes() {
    }

    /** Whether {@code domain} (lower-case, no leading dot) is a public suffix. */
    static boolean isPublicSuffix(String domain) {
        if (domain.indexOf('.') < 0) {
            return true;
        }
        EffectiveTldFinder.EffectiveTLD suffix = EffectiveTldFinder.getEffectiveTLD(domain);
        return suffix != null && !suffix.isException() && suffix.getDomain().equals(domain);
    }
}
