package dev.crawler.parse;

import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The directives of a page's {@code <meta name="robots" content="...">} elements (all of them,
 * combined): {@code nofollow}, {@code noindex}, and {@code none} meaning both.
 */
record RobotsMeta(boolean noindex, boolean nofollow) {

    static RobotsMeta of(Document doc) {
        boolean noindex = false;
        boolean nofollow = false;
        for (Element meta : doc.select("meta[name][content]")) {
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
