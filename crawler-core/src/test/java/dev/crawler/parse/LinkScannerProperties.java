package dev.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.jsoup.Jsoup;

/**
 * The scanner against jsoup on generated hostile HTML: pages stitched from fragments chosen to
 * hit the tokenizer's and tree builder's corners (comments of every shape, scripts and titles
 * holding {@code <a href>}, unclosed quotes and tags, character references, upper case, a
 * {@code <base>} after the links, several meta robots, nofollow in mixed case and whitespace,
 * tables, selects, SVG, noscript in head, NULs). Whenever the scanner answers, it must answer
 * what jsoup's DOM holds; it must answer for most pages (the coverage check), or this would prove
 * nothing.
 */
class LinkScannerProperties {

    private static final List<String> FRAGMENTS = List.of(
            // links
            "<a href=\"x\">", "<A HREF=/up>", "<a href='q?a=1&amp;b=2'>", "<a href=&lt>", "<a href=\"&#x41;&#65\">",
            "<a href=r rel=nofollow>", "<a rel=\" NoFollow\texternal\" href=n>", "<a rel=nofollowing href=f>",
            "<a href=a href=b>", "<a HREF=c Href=d>", "<area href=ar>", "<a href>", "<a href=\"unclosed",
            "<a href='", "<a href=x\u0000y>", "<a\u0000 href=z>", "<a href \u0000=w>", "<a href=\"a\" / href=b>",
            "<a/href=s>", "<a href=x/>", "<a =href=eq>", "<a \"href\"=q>", "<a href=&notin;&not=x&amp1>",
            "<a\u0001 href=ctl>", "<a href=", "<a href=\"t\"x=y>", "<a href=`v`>", "<a href=&#0;&#x110000;&#128;>",
            // base and meta
            "<base href=\"http://b.sim/d/\">", "<base href=/rel/>", "<base target=_top>", "<BASE HREF=other/>",
            "<meta name=robots content=noindex>", "<meta name=\" ROBOTS \" content=\"NoFollow,none\">",
            "<meta name=robots>", "<meta content=nofollow name=robots>", "<meta name=googlebot content=nofollow>",
            "<meta name=robots content=\"index,\tfollow\">",
            // comments, declarations
            "<!-- <a href=c1> -->", "<!--> <a href=c2>", "<!---> <a href=c3>", "<!-- a --!> <a href=c4>",
            "<!-- unclosed ", "<!---->", "<!-- -- -->", "<? <a href=pi> >", "</ <a href=bogus> >", "</>",
            "<!doctype html>", "<!DOCTYPE html PUBLIC \"a>b\">", "<![CDATA[ <a href=cd> ]]>", "<!x <a href=decl>>",
            // raw text and RCDATA
            "<script>", "<SCRIPT type=x>", "</script>", "<!--", "-->", "<script", "</script foo=\">\">",
            "</scriptx>", "<style>", "</style>", "<title>", "</title>", "</TITLE>", "<textarea>", "</textarea>",
            "<xmp>", "</xmp>", "<iframe>", "</iframe>", "<noembed>", "</noembed>", "<noframes>", "</noframes>",
            "<noscript>", "</noscript>", "<plaintext>", "</x</style>", "<script/>",
            // structure
            "<html>", "<head>", "</head>", "<body>", "</body>", "</html>", "text", " ", "\n", "&nbsp;", "&#32;",
            "<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "</a>", "<table>", "</table>", "<tr>", "<td>", "</td>",
            "<th>", "<caption>", "</caption>", "<tbody>", "</tr>", "<colgroup>", "<select>", "</select>", "<option>",
            "<input>", "<svg>", "</svg>", "<math>", "</math>", "<path d=x/>", "<g>", "</g>", "<desc>", "</desc>",
            "<foreignObject>", "<template>", "</template>", "<frameset>", "<font color=red>", "<li>", "<ul>",
            "<form>", "<button>", "<nobr>", "<image>", "<br/>", "</br>", "<link href=l>", "<img src=i>",
            "<", "< a", "<3", "&", "&amp", "\u0000", "\r\n",
            // past Latin-1 (the scanner reads these as '?'), and surrogate pairs
            "\u4e2d", "<\u4e2d", "<a href=\u2019q>", "<a \u4e2d=1 href=h>", "\uD83D\uDE00", "<a href='\uD83D\uDE00'>",
            "<\uD83D\uDE00", "<title>\u00e9\u2014</title>", "<!-- \u2014 -->", "?", "<?\u4e2d>");

    @Property(tries = 3000)
    void scannerAgreesWithJsoupWhenItAnswers(@ForAll("pages") String html) {
        Optional<MarkupLinks> scanned = LinkScanner.scan(html);
        Statistics.label("scanner answers").collect(scanned.isPresent())
                .coverage(c -> c.check(true).percentage(p -> p > 50));
        scanned.ifPresent(links -> assertThat(links).as(html).isEqualTo(DomLinks.of(Jsoup.parse(html, ""))));
    }

    @Property(tries = 1000)
    void extractionAgreesWithTheReferenceForAnyEncoding(@ForAll("pages") String html, @ForAll("encodings") String encoding,
            @ForAll boolean bom, @ForAll boolean headerCharset) {
        Charset charset = Charset.forName(encoding);
        String text = (bom ? "\uFEFF" : "") + html;
        byte[] body = text.getBytes(charset);
        String contentType = headerCharset ? "text/html; charset=" + encoding : "text/html";
        String page = "http://site.sim/dir/page.html";
        assertThat(LinkExtractor.extract(body, contentType, page)).as(html)
                .isEqualTo(LinkExtractor.Reference.extract(body, contentType, page));
    }

    @Provide
    Arbitrary<String> pages() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> encodings() {
        return Arbitraries.of(StandardCharsets.UTF_8.name(), "windows-1252", "UTF-16LE", "UTF-16BE", "KOI8-R");
    }
}
