package dev.crawler.filter;

import crawlercommons.domains.EffectiveTldFinder;
import dev.crawler.url.IpAddresses;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which hosts a crawl may enter, relative to the host of a seed. */
public enum Scope {

    /** Only the seed's own host ({@code www.example.com} does not admit {@code example.com}). */
    HOST {
        @Override
        public boolean allows(String seedHost, String candidateHost) {
            return seedHost != null && candidateHost != null && seedHost.equalsIgnoreCase(candidateHost);
        }
    },

    /**
     * Any host of the seed's registered domain (public suffix list, private suffixes included, so
     * {@code a.blogspot.com} and {@code b.blogspot.com} are different sites); a host with no known
     * public suffix, or an IP address, is its own domain.
     */
    DOMAIN {
        @Override
        public boolean allows(String seedHost, String candidateHost) {
            return seedHost != null && candidateHost != null
                    && registeredDomain(seedHost).equals(registeredDomain(candidateHost));
        }
    },

    /** Every host. */
    ANY {
        @Override
        public boolean allows(String seedHost, String candidateHost) {
            return true;
        }
    };

    /** Whether a link to {@code candidateHost} is in scope of a seed on {@code seedHost}. */
    public abstract boolean allows(String seedHost, String candidateHost);

    /**
     * The scope named {@code text}, case-insensitive ({@code host}, {@code domain}, {@code any}).
     *
     * @throws IllegalArgumentException naming the valid values if {@code text} names none
     */
    public static Scope parse(String text) {
        String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (Scope scope : values()) {
            if (scope.name().equals(name)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + text + "'; valid values: "
                + Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")));
    }

    /** The registered domain of {@code host} ({@code www.bbc.co.uk} gives {@code bbc.co.uk}). */
    static String registeredDomain(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") || IpAddresses.endsInNumber(h)) {
            return h;
        }
        String domain = EffectiveTldFinder.getAssignedDomain(h, true, false);
        return domain == null ? h : domain;
    }
}
