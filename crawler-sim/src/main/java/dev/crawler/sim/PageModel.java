package dev.crawler.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The structure of a content page, before it is rendered to HTML.
 *
 * @param host 1-based host number
 * @param page page index on that host (0 = root)
 * @param baseHref value of {@code <base href>}, or null
 * @param metaNofollow whether the page carries {@code <meta name="robots" content="nofollow">}
 * @param links the page's own links (structural and random), in the order they are written
 * @param navigation the site-wide links around them ({@link SiteNavigation#NONE} in the plain layout)
 * @param decoys hrefs written where no HTML parser sees a link (in scripts, styles, comments, escaped
 *     text): a correct crawler never requests them
 * @param bytes the size the page is padded to (it is larger when its content alone is)
 */
record PageModel(int host, int page, String baseHref, boolean metaNofollow, List<Link> links,
        SiteNavigation navigation, List<String> decoys, int bytes) {

    PageModel {
        links = List.copyOf(links);
        decoys = List.copyOf(decoys);
    }

    /** A page of the plain layout: its own links only, {@code bytes} long. */
    PageModel(int host, int page, String baseHref, boolean metaNofollow, List<Link> links, int bytes) {
        this(host, page, baseHref, metaNofollow, links, SiteNavigation.NONE, List.of(), bytes);
    }

    /** Every link a parser sees: the navigation's and the page's own. */
    List<Link> allLinks() {
        if (navigation.equals(SiteNavigation.NONE)) {
            return links;
        }
        List<Link> all = new ArrayList<>(navigation.all());
        all.addAll(links);
        return all;
    }
}
