package dev.crawler.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The navigation boilerplate of one host: a header, a sidebar and a footer of links that every
 * page of the host carries, the same links in the same order, as documentation and news sites
 * have. For a crawler they are mostly duplicates: after the first page of a host, nothing in them
 * is new, and the seen set must say so cheaply.
 *
 * <p>Every href is root-relative or absolute, so it means the same on every page; on the one page
 * with a {@code <base href>} they resolve against that base, as on the real web. The targets:
 * <ul>
 * <li>header (up to {@value #HEADER}): the root, then pages spread evenly over the host;
 * <li>footer (up to {@value #FOOTER}): a page, the root with a two-parameter query
 *     ({@code /?view=print&lang=en}), a search disallowed by robots.txt
 *     ({@code /search?q=site&lang=en}), the next host's root, {@code #top}, the last page;
 * <li>sidebar (the rest): pages drawn at random for the host, one in twelve with a two-parameter
 *     query ({@code ?lang=en&sort=asc}), one in twelve on another host.
 * </ul>
 *
 * @param header the links of the header, in order
 * @param sidebar the links of the sidebar, in order
 * @param footer the links of the footer, in order
 */
record SiteNavigation(List<Link> header, List<Link> sidebar, List<Link> footer) {

    static final SiteNavigation NONE = new SiteNavigation(List.of(), List.of(), List.of());
    static final int HEADER = 8;
    static final int FOOTER = 6;
    private static final long SALT = 0x6E61764C696E6B73L;

    SiteNavigation {
        header = List.copyOf(header);
        sidebar = List.copyOf(sidebar);
        footer = List.copyOf(footer);
    }

    /** The navigation of host {@code host} (1-based) of {@code web}, {@link #NONE} when its profile has none. */
    static SiteNavigation of(SimWeb web, int host) {
        int total = web.config().pageProfile().navLinks();
        if (total == 0) {
            return NONE;
        }
        int pages = web.config().pagesPerHost();
        int headerSize = Math.min(total, HEADER);
        int footerSize = Math.min(total - headerSize, FOOTER);
        return new SiteNavigation(header(pages, headerSize), sidebar(web, host, total - headerSize - footerSize),
                footer(web, host, footerSize));
    }

    /** Every link: header, sidebar, footer. */
    List<Link> all() {
        List<Link> all = new ArrayList<>(header.size() + sidebar.size() + footer.size());
        all.addAll(header);
        all.addAll(sidebar);
        all.addAll(footer);
        return all;
    }

    private static List<Link> header(int pages, int size) {
        List<Link> links = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            int page = (int) ((long) k * pages / size);
            links.add(Link.a(SimPaths.page(page), k == 0 ? "Home" : "Section " + k));
        }
        return links;
    }

    private static List<Link> sidebar(SimWeb web, int host, int size) {
        SimConfig config = web.config();
        SplittableRandom rng = new SplittableRandom(PagePlanner.mix(config.seed(), host, -1) ^ SALT);
        List<Link> links = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            int page = rng.nextInt(config.pagesPerHost());
            int kind = rng.nextInt(12);
            if (kind == 0 && config.hosts() > 1) {
                int other = (host + rng.nextInt(config.hosts() - 1)) % config.hosts() + 1;
                links.add(Link.a(web.origin(other) + SimPaths.page(page), "Related: site " + other + " topic " + page));
            } else if (kind == 1) {
                links.add(Link.a(web.origin(host) + SimPaths.page(page), "Topic " + page));
            } else if (kind == 2) {
                links.add(Link.a(SimPaths.page(page) + "?lang=en&sort=asc", "Topic " + page + ", sorted"));
            } else {
                links.add(Link.a(SimPaths.page(page), "Topic " + page));
            }
        }
        return links;
    }

    private static List<Link> footer(SimWeb web, int host, int size) {
        int pages = web.config().pagesPerHost();
        int next = host % web.config().hosts() + 1;
        List<Link> all = List.of(
                Link.a(SimPaths.page(1 % pages), "About this site"),
                Link.a("/?view=print&lang=en", "Printable home page"),
                Link.a(SimPaths.SEARCH + "?q=site&lang=en", "Search this site"),
                Link.a(web.origin(next) + "/", "Partner: site " + next),
                Link.a("#top", "Back to top"),
                Link.a(SimPaths.page(pages - 1), "Site map"));
        return all.subList(0, size);
    }
}
