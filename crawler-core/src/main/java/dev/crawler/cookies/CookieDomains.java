package dev.crawler.cookies;

import dev.crawler.net.IpLiteral;

/** Domain matching (RFC 6265 §5.1.3) and the one fact about hosts it depends on. */
final class CookieDomains {

    private CookieDomains() {
    }

    /**
     * Whether {@code host} domain-matches {@code domain}: they are equal, or {@code host} is a
     * name (not an IP address) that ends with a dot and then {@code domain}. Both lower-case.
     */
    static boolean domainMatches(String host, String domain) {
        if (host.equals(domain)) {
            return true;
        }
        return host.length() > domain.length()
                && host.endsWith(domain)
                && host.charAt(host.length() - domain.length() - 1) == '.'
                && !isIpAddress(host);
    }

    /** Whether {@code host} is an IPv4 or IPv6 literal (IPv6 with or without brackets). */
    static boolean isIpAddress(String host) {
        return IpLiteral.parse(host).isPresent();
    }
}
