package dev.crawler.sim;

import java.util.List;

/**
 * The structure of a content page, before it is rendered to HTML.
 *
 * @param host 1-based host number
 * @param page page index on that host (0 = root)
 * @param baseHref value of {@code <base href>}, or null
 * @param metaNofollow whether the page carries {@code <meta name="robots" content="nofollow">}
 * @param links the links, in document order
 */
record PageModel(int host, int page, String baseHref, boolean metaNofollow, List<Link> links) {

    PageModel {
        links = List.copyOf(links);
    }
}
