package dev.crawler.parse;

import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The directives of a page's {@code <meta name="robots" content="...">} elements (all of them,
 * combined): {@code nofollow}, {@code noindex}, and {@code none} meaning both.
 */
record RobotsMeta(boolean noindex, boolean nofollow) {

    private static final Evaluator META = QueryParser.parse("meta[name][content]");

    static RobotsMeta of(Document doc) {
        boolean noindex = false;
        boolean nofollow = false;
        for (Element meta : doc.select(META)) {
            if (!meta.attr("name").trim().equalsIgnoreCase("robots")) {
                continue;
            }
            for (String directive : meta.attr("content").toLowerCase(Locale.ROOT).split("[,\\s]+")) {
                noindex |= directive.equals("noindex") || directive.equals("none");
                nofollow |= directive.equals("nofollow") || directive.equals("none");
            }
        }
        return new RobotsMeta(noindex, nofollow);
    }
}
