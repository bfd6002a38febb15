package dev.crawler.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property tests of link resolution: {@link NormalizedUrl#resolve} keeps the base's parsed host
 * for references without an authority and parses only their path and query; whatever the
 * reference, the result must be what a full parse of the absolute URL gives, the absolute URL
 * being built by plain string rules (RFC 3986 section 5.2 merge, before dot-segment removal).
 */
class ResolveProperties {

    @Property(tries = 3000)
    void resolvingEqualsParsingTheAbsoluteUrl(@ForAll("bases") String baseText, @ForAll("references") String ref) {
        NormalizedUrl base = NormalizedUrl.parse(baseText).orElseThrow();
        Optional<NormalizedUrl> resolved = base.resolve(ref);
        assertThat(resolved.map(NormalizedUrl::toString)).isEqualTo(byConcatenation(base, ref));
        resolved.ifPresent(u -> assertThat(NormalizedUrl.parse(u.toString())).contains(u));
    }

    @Provide
    Arbitrary<String> bases() {
        return Arbitraries.of("http://a.sim/", "http://a.sim/dir/page.html", "https://b.sim:8443/x/y/?q=1",
                "http://[::1]:8080/a/b", "http://10.0.0.1/%7Euser/", "http://c.sim/a/b/c/d?x#f");
    }

    @Provide
    Arbitrary<String> references() {
        Arbitrary<String> pieces = Arbitraries.of("/", "\\", "//", "?", "#", ".", "..", "./", "../", "%2e", "%2F",
                "%", "a", "B", "é", " ", "\t", ":", "@", "http:", "HTTPS:", "mailto:", "x.sim", "=", "&", "~", "%7e",
                "index.html", ";p");
        return pieces.list().ofMaxSize(8).map(l -> String.join("", l));
    }

    /** The reference made absolute by string rules alone, then fully parsed. */
    private static Optional<String> byConcatenation(NormalizedUrl base, String reference) {
        String ref = UrlText.clean(reference);
        int colon = UrlText.schemeEnd(ref);
        if (colon >= 0) {
            String rest = ref.substring(colon + 1);
            if (!ref.substring(0, colon).equalsIgnoreCase(base.scheme()) || twoSlashes(rest)) {
                return UrlNormalizer.normalize(ref);
            }
            ref = rest;
        }
        String absolute;
        if (ref.isEmpty() || ref.charAt(0) == '#') {
            absolute = base.toString();
        } else if (UrlText.isSlash(ref.charAt(0))) {
            absolute = twoSlashes(ref) ? base.scheme() + ":" + ref : base.origin() + ref;
        } else if (ref.charAt(0) == '?') {
            absolute = base.origin() + base.path() + ref;
        } else {
            absolute = base.origin() + base.path().substring(0, base.path().lastIndexOf('/') + 1) + ref;
        }
        return UrlNormalizer.normalize(absolute);
    }

    private static boolean twoSlashes(String s) {
        return s.length() > 1 && UrlText.isSlash(s.charAt(0)) && UrlText.isSlash(s.charAt(1));
    }
}
