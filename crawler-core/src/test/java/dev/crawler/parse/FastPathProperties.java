package dev.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.parser.Parser;

/** The per-link fast path of attribute decoding gives exactly what jsoup gives. */
class FastPathProperties {

    /** Attribute values built from plain text and character references, common and odd. */
    @Provide
    Arbitrary<String> attributeValues() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab/?=#;x&").ofMaxLength(4),
                Arbitraries.of("&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&amp", "&ampx;", "&AMP;", "&amp=",
                        "&#38;", "&#x26;", "&#X2F;", "&#47;", "&#0047;", "&#x;", "&#;", "&#32;", "&#127;", "&#128;",
                        "&#x80;", "&#0;", "&#xD800;", "&#1114112;", "&#9999999;", "&#x1F600;", "&#٣٨;", "&#xＦ;",
                        "&copy;", "&copy", "&notin;", "&not", "&eacute;", "&", "&;"),
                Arbitraries.integers().between(0, 0x2FFFF).map(cp -> "&#" + cp + ";"),
                Arbitraries.integers().between(0, 0x2FFFF).map(cp -> "&#x" + Integer.toHexString(cp) + ";"));
        return piece.list().ofMaxSize(8).map(l -> String.join("", l));
    }

    @Property(tries = 5000)
    void attributeValuesDecodeAsJsoupDecodesThem(@ForAll("attributeValues") String value) {
        String expected = value.indexOf('&') >= 0 ? Parser.unescapeEntities(value, true) : value;
        assertThat(TagToken.decodeValue(value)).isEqualTo(expected);
    }
}
