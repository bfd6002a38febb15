package dev.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One edge case a row: the hrefs the scanner reads (joined by {@code |}), which are also what
 * jsoup's DOM holds, checked on every row; and the pages the scanner hands to jsoup on purpose.
 * In the inputs, {@code \0} stands for NUL; in the expected hrefs, {@code <empty>} for "".
 */
class LinkScannerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', quoteCharacter = '^', value = {
        // comments, bogus comments, doctype, CDATA
        "<!-- <a href=no> --><a href=yes>                      ~ yes",
        "<!--><a href=yes>                                     ~ yes",
        "<!---><a href=yes>                                    ~ yes",
        "<!-- x --!><a href=yes>                               ~ yes",
        "<!-- x --><a href=yes><!-- <a href=no>                ~ yes",
        "<? <a href=no> ><a href=yes>                          ~ yes",
        "</ <a href=no> ><a href=yes>                          ~ yes",
        "<!x <a href=no>><a href=yes>                          ~ yes",
        "<!DOCTYPE html PUBLIC \"a>\"<a href=yes>                ~ yes",
        "<![CDATA[ <a href=no> ]]><a href=yes>                 ~ yes",
        // raw text, RCDATA, script data, plaintext
        "<script>document.write('<a href=no>')</script><a href=yes> ~ yes",
        "<style><a href=no></style ><a href=yes>               ~ yes",
        "<xmp><a href=no></xmp><iframe><a href=no></iframe><a href=yes> ~ yes",
        "<noembed><a href=no></noembed><noframes><a href=no></noframes><a href=yes> ~ yes",
        "<title><a href=no></title><textarea><a href=no></textarea><a href=yes> ~ yes",
        "<style></x</style><a href=no></style><a href=yes>     ~ yes",
        "<script></script foo=\">\"><a href=yes>                 ~ yes",
        "<head><script><!--<script></script><a href=no></script><a href=yes> ~ yes",
        "<body><script><!--<script></script><a href=yes>       ~ yes",
        "<a href=yes><plaintext><a href=no>                    ~ yes",
        "<title>a<b>c</title><a href=yes>                      ~ yes",
        "<table><script><!--<script></script><a href=no></script></table><a href=yes> ~ yes",
        "<body><noscript><a href=yes></noscript>               ~ yes",
        "<head><noscript><a href=no></noscript></head><a href=yes> ~ yes",
        // attributes
        "<A HREF=yes>                                          ~ yes",
        "<a href=first href=second><a HREF=one Href=two>       ~ first|one",
        "<a href='x&amp;y&lt;z&#x41;&#65;&notit;'>             ~ x&y<zAA&notit;",
        "<a href=a&amp=b&amp1>                                 ~ a&amp=b&amp1",
        "<a href=\"unclosed><a href=no>                         ~ ",
        "<a href=\"x\" rel=\"External\tNoFollow\"><a href=y rel=nofollowing> ~ y",
        "<a/href=s><a href=t/><a href=\"q\"x=y>                  ~ s|t/|q",
        "<a href=x\\0y><a href \\0=no><a\\0 href=also-no>          ~ x\uFFFDy",
        "<a href>                                              ~ <empty>",
        "<a href=                                              ~ <empty>",
        "<a href=x                                             ~ ",
        "<area href=map><a name=anchor>                        ~ map",
        // tree builder: select, tables, foreign content
        "<select><a href=no><option><a href=no></select><a href=yes> ~ yes",
        "<select><style></select><a href=yes>                  ~ yes",
        "<table><tr><td><a href=cell></td></tr></table><a href=after> ~ cell|after",
        "<table><caption><a href=caption></caption><tr><th><a href=th> ~ caption|th",
        "<svg><path d=x/><title>t</title></svg><a href=yes>    ~ yes",
        // characters past Latin-1, which the scanner's byte view reads as '?'
        "<p>中<中<a href=yes></p>                      ~ yes",
        "<a href=中文 title=’>x</a><’ <a href='‘q’'> ~ 中文|‘q’",
        "<a 中=no href=yes><中中><a h’ref=no>      ~ yes",
        "<p>\uD83D\uDE00\uD83D\uDE00<a href='\uD83D\uDE00x'>a</a><a href=y>b</a> ~ \uD83D\uDE00x|y",
    })
    void readsWhatJsoupsDomHolds(String html, String expected) {
        String page = html.replace("\\0", "\u0000");
        List<String> hrefs = expected == null ? List.of() : Arrays.asList(expected.replace("<empty>", "").split("\\|", -1));
        MarkupLinks dom = DomLinks.of(Jsoup.parse(page, ""));
        assertThat(dom.hrefs()).as("jsoup's DOM").isEqualTo(hrefs);
        assertThat(LinkScanner.scan(page)).as("scanner").contains(dom);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '~', value = {
        "<base href=/b1/><base href=/b2/><a href=x>          ~ /b1/",
        "<base target=_top><base href=second>               ~ second",
        "<a href=x><base href=late>                         ~ late",
        "<head><noscript><base href=no></noscript><base href=yes> ~ yes",
    })
    void baseIsTheFirstBaseWithAnHref(String html, String base) {
        assertThat(LinkScanner.scan(html).flatMap(MarkupLinks::baseHref)).contains(base);
        assertThat(DomLinks.of(Jsoup.parse(html, "")).baseHref()).contains(base);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '~', value = {
        "<meta name=robots content=noindex><meta name=ROBOTS content=' NoFollow '> ~ true  ~ true",
        "<meta name=' robots ' content='index,none'>                              ~ true  ~ true",
        "<meta name=robots><meta content=nofollow><meta name=googlebot content=none> ~ false ~ false",
        "<head><noscript><meta name=robots content=noindex></noscript>           ~ true  ~ false",
        "<select><meta name=robots content=noindex></select>                     ~ false ~ false",
        "<table><meta name=robots content=nofollow></table>                      ~ false ~ true",
    })
    void combinesEveryMetaRobots(String html, boolean noindex, boolean nofollow) {
        RobotsMeta expected = new RobotsMeta(noindex, nofollow);
        assertThat(LinkScanner.scan(html).map(MarkupLinks::robots)).contains(expected);
        assertThat(DomLinks.of(Jsoup.parse(html, "")).robots()).isEqualTo(expected);
    }

    /** Pages whose jsoup tree the scanner does not promise: it hands them to jsoup. */
    @ParameterizedTest
    @ValueSource(strings = {
        "<table><tr><td>1</td></tr><a href=fostered></table>", // moved before the table by jsoup
        "<table><base href=/b/></table>",
        "<template><a href=t></template>",
        "<a href=x></a><frameset>",
        "<svg><a href=in-svg></a></svg>",
        "<svg><foreignObject><p><a href=x></p></foreignObject></svg>",
        "<svg></div>",
        "<title>no end tag <a href=x>", // jsoup's break-out depends on its read buffer
        "<title>x<p></Title><a href=x>", // jsoup looks ahead for </title or </TITLE only
        "<table><td><select></td><a href=x>",
    })
    void handsToJsoupWhatItCannotPromise(String html) {
        assertThat(LinkScanner.scan(html)).isEqualTo(Optional.empty());
    }

    @org.junit.jupiter.api.Test
    void handsDeepTablesToJsoup() {
        String deep = "<span>".repeat(InsertionModes.MAX_DEPTH_ESTIMATE + 1) + "<table><td><a href=x>";
        assertThat(LinkScanner.scan(deep)).isEmpty();
        assertThat(LinkScanner.scan("<span>".repeat(50) + "<table><td><a href=x>")).isPresent();
        String nested = "<table><tr><td>".repeat(200) + "<a href=deep>" + "</td></tr></table>".repeat(200);
        assertThat(LinkScanner.scan(nested)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void readsTagsWithAnyNumberOfAttributesAsJsoupDoes() {
        String many = " x".repeat(200_000);
        String hrefFirst = "<a href=first" + many + "><a" + many + " href=dropped-after-512-attributes>";
        MarkupLinks dom = DomLinks.of(Jsoup.parse(hrefFirst, ""));
        assertThat(dom.hrefs()).containsExactly("first");
        assertThat(LinkScanner.scan(hrefFirst)).contains(dom);
    }
}
