package dev.crawler.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The links of a page read from its full jsoup DOM: the reference {@link LinkScanner} must agree
 * with, and the path {@link LinkExtractor} takes for the pages the scanner cannot promise jsoup's
 * tree for.
 */
final class DomLinks {

    // Parsed once: a selector string would be parsed again on every page.
    private static final Evaluator LINKS = QueryParser.parse("a[href], area[href]");
    private static final Evaluator BASE = QueryParser.parse("base[href]");

    private DomLinks() {
    }

    static MarkupLinks of(Document doc) {
        List<String> hrefs = new ArrayList<>();
        for (Element link : doc.select(LINKS)) {
            if (!MarkupLinks.Builder.isNofollow(link.attr("rel"))) {
                hrefs.add(link.attr("href"));
            }
        }
        Element base = doc.selectFirst(BASE);
        return MarkupLinks.of(hrefs, Optional.ofNullable(base).map(b -> b.attr("href")), RobotsMeta.of(doc));
    }
}
