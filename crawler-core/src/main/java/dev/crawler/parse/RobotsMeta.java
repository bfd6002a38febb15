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

    /** No directive. */
    static final RobotsMeta NONE = new RobotsMeta(false, false);

    private static final Evaluator META = QueryParser.parse("meta[name][content]");

    /** The directives of every {@code meta[name][content]} of a jsoup document. */
    static RobotsMeta of(Document doc) {
        RobotsMeta robots = NONE;
        for (Element meta : doc.select(META)) {
            robots = robots.with(meta.attr("name"), meta.attr("content"));
        }
        return robots;
    }

    /** These directives and those of one more meta element (ignored unless it is named robots). */
    RobotsMeta with(String name, String content) {
        if (!name.trim().equalsIgnoreCase("robots")) {
            return this;
        }
        boolean noindex = this.noindex;
        boolean nofollow = this.nofollow;
        for (String directive : content.toLowerCase(Locale.ROOT).split("[,\\s]+")) {
            noindex |= directive.equals("noindex") || directive.equals("none");
            nofollow |= directive.equals("nofollow") || directive.equals("none");
        }
        return new RobotsMeta(noindex, nofollow);
    }
}
