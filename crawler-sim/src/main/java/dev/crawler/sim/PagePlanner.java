package dev.crawler.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Decides the links of every content page, lazily and deterministically: page (host, index) always
 * gets the same links for the same seed, whatever was asked before.
 *
 * <p>Structure that holds for every host, so the ground truth is easy to reason about:
 * <ul>
 * <li>page i links to page i+1 (the last page back to the root), so the whole host is reachable
 *     from its root; the root links to the next host's root, so every host is reachable;
 * <li>the root links to one of each special kind: disallowed ({@code /private/0}, {@code /search?q=0}),
 *     redirects (one hop, two hops, into a disallowed path, to another host), a 404, and an
 *     {@code <area>} link to a URL linked nowhere else;
 * <li>page {@value #BASE_PAGE} has {@code <base href>} pointing at the next host's root, and all its
 *     relative links are written against that base;
 * <li>page {@value #NOFOLLOW_PAGE} has {@code rel=nofollow} links to {@code /nf/0} and {@code /nf/1}
 *     (linked nowhere else) and a {@code rel=noopener} link that must still be followed;
 * <li>page {@value #META_NOFOLLOW_PAGE} has {@code <meta name=robots content=nofollow>} and links to
 *     {@code /mnf/0} and {@code /mnf/1} (linked nowhere else); its predecessor links past it too.
 * </ul>
 * Then {@code linksPerPage} random links: same-host and cross-host pages, disallowed paths,
 * redirects, 404s, query variants, and repeats of earlier links in another form; each written in
 * a random form (absolute, protocol-relative, mixed-case host, root-relative, relative, {@code ./},
 * {@code ../}) with an occasional fragment.
 *
 * <p>With any other profile than {@link PageProfile#PLAIN}, a page draws its size and its number
 * of own links ({@link PageDimensions}); the first {@value #ASSORTED_LINKS} of them are of the mix
 * above and the rest link pages (four in five on the same host), so that a page with 3,000 links
 * does not discover thousands of redirects and 404s. The page also carries its host's
 * {@link SiteNavigation} and the decoy hrefs its scripts and escaped text hide.
 */
final class PagePlanner {

    static final int BASE_PAGE = 2;
    static final int NOFOLLOW_PAGE = 3;
    static final int META_NOFOLLOW_PAGE = 4;

    /** Own links of a document-layout page drawn from the assorted mix; the others link pages. */
    static final int ASSORTED_LINKS = 8;
    private static final long DIMENSIONS_SALT = 0x53697A654C696E6BL;

    private final SimWeb web;
    private final PageProfile profile;
    private final List<SiteNavigation> navigation;
    private final int hosts;
    private final int pages;
    private final int randomLinks;
    private final long seed;

    PagePlanner(SimWeb web) {
        this.web = web;
        this.hosts = web.config().hosts();
        this.pages = web.config().pagesPerHost();
        this.randomLinks = web.config().linksPerPage();
        this.seed = web.config().seed();
        this.profile = web.config().pageProfile();
        this.navigation = navigations(web);
    }

    /** Each host's navigation, computed once: every page of the host carries it. */
    private static List<SiteNavigation> navigations(SimWeb web) {
        if (web.config().pageProfile().navLinks() == 0) {
            return Collections.nCopies(web.config().hosts(), SiteNavigation.NONE);
        }
        List<SiteNavigation> all = new ArrayList<>(web.config().hosts());
        for (int host = 1; host <= web.config().hosts(); host++) {
            all.add(SiteNavigation.of(web, host));
        }
        return List.copyOf(all);
    }

    /** The page at {@code index} (0 = root) on host number {@code host} (1-based). */
    PageModel plan(int host, int index) {
        SplittableRandom rng = new SplittableRandom(mix(seed, host, index));
        boolean hasBase = index == BASE_PAGE;
        int baseHost = hasBase ? nextHost(host) : host;
        Writer w = new Writer(rng, baseHost, hasBase ? "/" : directoryOf(index));
        List<Link> links = new ArrayList<>();
        List<Target> targets = new ArrayList<>(); // earlier random targets, for repeats

        int next = (index + 1) % pages;
        links.add(Link.a(w.href(host, SimPaths.page(next)), "next page"));
        if (next == META_NOFOLLOW_PAGE) {
            links.add(Link.a(w.href(host, SimPaths.page((next + 1) % pages)), "skip ahead"));
        }
        if (index == 0) {
            addRootSpecials(host, w, links);
        }
        if (index == NOFOLLOW_PAGE) {
            String one = SimPaths.page(1 % pages);
            links.add(new Link(w.href(host, SimPaths.NOFOLLOW_LEAF + 0), "nofollow", false, "sponsored"));
            links.add(new Link(w.href(host, SimPaths.NOFOLLOW_LEAF + 1), "external nofollow", false, "advertisement"));
            links.add(new Link(w.href(host, one), "nofollow", false, "nofollow, but linked elsewhere too"));
            links.add(new Link(w.href(host, one + "?via=noopener"), "noopener", false, "rel without nofollow"));
        }
        if (index == META_NOFOLLOW_PAGE) {
            links.add(Link.a(w.href(host, SimPaths.META_NOFOLLOW_LEAF + 0), "not to be followed"));
            links.add(Link.a(w.href(host, SimPaths.META_NOFOLLOW_LEAF + 1), "not to be followed either"));
        }
        PageDimensions size = dimensions(host, index);
        int assorted = profile.plain() ? randomLinks : Math.min(size.links(), ASSORTED_LINKS);
        for (int i = 0; i < assorted; i++) {
            addAssortedLink(host, rng, w, links, targets);
        }
        for (int i = assorted; i < size.links(); i++) {
            int h = rng.nextInt(5) == 0 ? otherHost(host, rng) : host;
            String path = SimPaths.page(rng.nextInt(pages));
            links.add(Link.a(w.href(h, path), linkText(h, path)));
        }
        if (!hasBase && rng.nextInt(3) == 0) {
            links.add(Link.a("#top", "back to top"));
        }
        String baseHref = hasBase ? web.origin(baseHost) + "/" : null;
        if (profile.plain()) {
            return new PageModel(host, index, baseHref, index == META_NOFOLLOW_PAGE, links, size.bytes());
        }
        return new PageModel(host, index, baseHref, index == META_NOFOLLOW_PAGE, links, navigation.get(host - 1),
                decoys(), size.bytes());
    }

    /** The size and own-link count of page (host, index), from a random stream of their own. */
    private PageDimensions dimensions(int host, int index) {
        return PageDimensions.draw(web.config(), new SplittableRandom(mix(seed, host, index) ^ DIMENSIONS_SALT));
    }

    private List<String> decoys() {
        List<String> decoys = new ArrayList<>();
        if (profile.scripts()) {
            decoys.addAll(InlineCode.DECOYS);
        }
        if (profile.entities()) {
            decoys.add(DocumentRenderer.ESCAPED_DECOY);
        }
        return decoys;
    }

    /**
     * One random link of the assorted mix: same-host and cross-host pages, disallowed paths,
     * redirects, 404s, query variants, and repeats of earlier ones ({@code targets}).
     */
    private void addAssortedLink(int host, SplittableRandom rng, Writer w, List<Link> links, List<Target> targets) {
        if (!targets.isEmpty() && rng.nextInt(8) == 0) {
            Target again = targets.get(rng.nextInt(targets.size()));
            links.add(Link.a(w.href(again.host(), again.path()), "again"));
            return;
        }
        int h = host;
        String path;
        int r = rng.nextInt(100);
        if (r < 55) {
            path = SimPaths.page(rng.nextInt(pages));
        } else if (r < 80) {
            h = otherHost(host, rng);
            path = SimPaths.page(rng.nextInt(pages));
        } else if (r < 85) {
            path = SimPaths.PRIVATE + rng.nextInt(pages);
        } else if (r < 87) {
            path = SimPaths.SEARCH + "?q=" + rng.nextInt(pages);
        } else if (r < 93) {
            path = redirectPath(host, rng);
        } else if (r < 96) {
            path = SimPaths.MISSING + rng.nextInt(pages);
        } else {
            path = SimPaths.page(rng.nextInt(pages)) + "?view=print";
        }
        targets.add(new Target(h, path));
        links.add(Link.a(w.href(h, path), linkText(h, path)));

    }

    private void addRootSpecials(int host, Writer w, List<Link> links) {
        String one = SimPaths.page(1 % pages).substring(1);
        String two = SimPaths.page(2 % pages).substring(1);
        int next = nextHost(host);
        links.add(Link.a(w.href(host, SimPaths.PRIVATE + 0), "private area"));
        links.add(Link.a(w.href(host, SimPaths.SEARCH + "?q=0"), "search"));
        links.add(Link.a(w.href(host, SimPaths.GO + one), "moved page"));
        links.add(Link.a(w.href(host, SimPaths.GO + "go/" + two), "moved twice"));
        links.add(Link.a(w.href(host, SimPaths.GO + "private/" + (1 % pages)), "moved into private"));
        if (next != host) {
            links.add(Link.a(w.href(host, SimPaths.TO + next + "/" + one), "moved to another site"));
            links.add(Link.a(w.href(next, "/"), "next site"));
        }
        links.add(Link.a(w.href(host, SimPaths.MISSING + 0), "broken link"));
        links.add(new Link(w.href(host, "/" + one + "?via=area"), null, true, "image map"));
    }

    private String redirectPath(int host, SplittableRandom rng) {
        String target = SimPaths.page(rng.nextInt(pages)).substring(1);
        int kind = rng.nextInt(10);
        if (kind < 6) {
            return SimPaths.GO + target;
        } else if (kind < 7) {
            return SimPaths.GO + "go/" + target;
        } else if (kind < 8) {
            return SimPaths.GO + "private/" + rng.nextInt(pages);
        }
        int other = otherHost(host, rng);
        return other == host ? SimPaths.GO + target : SimPaths.TO + other + "/" + target;
    }

    private static String linkText(int host, String path) {
        return "site " + host + " " + path;
    }

    private int nextHost(int host) {
        return host % hosts + 1;
    }

    private int otherHost(int host, SplittableRandom rng) {
        if (hosts == 1) {
            return host;
        }
        return (host - 1 + 1 + rng.nextInt(hosts - 1)) % hosts + 1;
    }

    private static String directoryOf(int index) {
        return index == 0 ? "/" : SimPaths.PAGE;
    }

    /** A well-mixed 64-bit seed from the web's seed, a host and a page (SplitMix64 finalizer). */
    static long mix(long seed, long host, long page) {
        long z = seed + 0x9E3779B97F4A7C15L * (host * 0x1_0000_0001L + page + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private record Target(int host, String path) {
    }

    /** Writes a target (host, path) as an href, in a random form valid against the page's base. */
    private final class Writer {
        private final SplittableRandom rng;
        private final int baseHost;
        private final String baseDir;

        Writer(SplittableRandom rng, int baseHost, String baseDir) {
            this.rng = rng;
            this.baseHost = baseHost;
            this.baseDir = baseDir;
        }

        String href(int host, String target) {
            String href = host == baseHost ? sameHost(host, target) : otherHost(host, target);
            if (rng.nextInt(4) == 0) {
                href += rng.nextBoolean() ? "#top" : "#s" + rng.nextInt(10);
            }
            return href;
        }

        private String otherHost(int host, String target) {
            return switch (rng.nextInt(4)) {
                case 0 -> "//" + web.authority(host) + target;
                case 1 -> "http://" + web.authority(host).toUpperCase(Locale.ROOT) + target;
                case 2 -> target.equals("/") ? web.origin(host) : web.origin(host) + target;
                default -> web.origin(host) + target;
            };
        }

        private String sameHost(int host, String target) {
            String relative = relative(target);
            return switch (rng.nextInt(6)) {
                case 0 -> web.origin(host) + target;
                case 1 -> target;
                case 2, 3 -> relative != null ? relative : target;
                case 4 -> relative != null ? "./" + (relative.equals("./") ? "" : relative) : target;
                default -> baseDir.equals("/") ? target : "../" + target.substring(1);
            };
        }

        /** Target relative to the base directory, or null if it has no plain relative form. */
        private String relative(String target) {
            if (!target.startsWith(baseDir)) {
                return null;
            }
            String rest = target.substring(baseDir.length());
            if (rest.isEmpty()) {
                return "./";
            }
            return rest.charAt(0) == '?' || rest.charAt(0) == '#' ? null : rest;
        }
    }
}
