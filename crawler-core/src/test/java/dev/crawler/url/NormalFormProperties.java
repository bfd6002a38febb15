package dev.crawler.url;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast paths of path and percent-encoding normalization: a string they let through unchanged
 * is one the long way would leave unchanged too (the converse need not hold: {@code %2F} is
 * normal but takes the long way), and normalizing gives the long way's result for any input. The inputs are drawn from the characters that matter (slashes of both kinds,
 * dots, '%' and hex digits, reserved and disallowed ASCII, non-ASCII), so dot-segments, triplets
 * and characters to encode come up often.
 */
class NormalFormProperties {

    @Property(tries = 3000)
    void pathFastPathAgreesWithTheLongWay(@ForAll("paths") String raw) {
        String longWay = PathNormalizer.normalizeSegments(raw);
        assertThat(PathNormalizer.normalize(raw)).isEqualTo(longWay);
        if (PathNormalizer.isNormal(raw)) {
            assertThat(longWay).isEqualTo(raw);
        }
        String dotsRemoved = PathNormalizer.removeDotSegments(raw);
        if (dotsRemoved != null) {
            assertThat(dotsRemoved).isEqualTo(longWay);
        }
    }

    @Property(tries = 3000)
    void percentFastPathAgreesWithTheLongWay(@ForAll("components") String s) {
        for (PercentEncoding.Component c : PercentEncoding.Component.values()) {
            String longWay = PercentEncoding.normalizeAll(s, c);
            assertThat(PercentEncoding.normalize(s, c)).isEqualTo(longWay);
            if (PercentEncoding.isNormal(s, c)) {
                assertThat(longWay).as("%s", c).isEqualTo(s);
            }
        }
    }

    /** Paths of dots, slashes and plain letters only: the one-pass dot removal always answers. */
    @Property(tries = 3000)
    void dotSegmentsAreRemovedAsTheLongWayDoes(@ForAll("dottedPaths") String raw) {
        assertThat(PathNormalizer.removeDotSegments(raw)).isNotNull().isEqualTo(PathNormalizer.normalizeSegments(raw));
        assertThat(PathNormalizer.normalize(raw)).isEqualTo(PathNormalizer.normalizeSegments(raw));
    }

    @Provide
    Arbitrary<String> dottedPaths() {
        return Arbitraries.strings().withChars("//..ab").ofMinLength(0).ofMaxLength(16).map(s -> "/" + s);
    }

    @Provide
    Arbitrary<String> paths() {
        return components().map(s -> "/" + s);
    }

    @Provide
    Arbitrary<String> components() {
        return Arbitraries.strings().withChars("//\\..%%aAfF09-_~!$&'()*+,;=:@?# \"<>^`{|}\u00e9\u4e2d")
                .ofMinLength(0).ofMaxLength(24);
    }
}
