package dev.crawler.sim;

/**
 * The path scheme of every host, and the parser from a request path to the {@link Resource} it names.
 *
 * <pre>
 * /                 page 0 (the host root)
 * /page/N           page N, 1 &lt;= N &lt; pagesPerHost; any query string serves the same page
 * /robots.txt       disallows /private/ and /search
 * /private/N        200 leaf page, disallowed by robots.txt
 * /search?q=N       200 leaf page, disallowed by robots.txt
 * /nf/N             200 leaf page, linked only with rel=nofollow
 * /mnf/N            200 leaf page, linked only from the page with meta robots nofollow
 * /go/REST          301 or 302 to /REST on the same host (so /go/go/page/3 is a chain of two)
 * /to/K/REST        301 or 302 to http://site-K.sim:PORT/REST
 * /missing/N        404 (as is every other path)
 * </pre>
 *
 * Numbers must be canonical (no sign, no leading zero), so a crawler that fetches an un-normalized
 * variant of a URL gets a 404 instead of a silent duplicate.
 */
final class SimPaths {

    static final String ROBOTS = "/robots.txt";
    static final String PAGE = "/page/";
    static final String PRIVATE = "/private/";
    static final String SEARCH = "/search";
    static final String NOFOLLOW_LEAF = "/nf/";
    static final String META_NOFOLLOW_LEAF = "/mnf/";
    static final String GO = "/go/";
    static final String TO = "/to/";
    static final String MISSING = "/missing/";

    /** The prefixes robots.txt disallows. */
    static final String[] DISALLOWED = {PRIVATE, SEARCH};

    private SimPaths() {
    }

    /** Path of page {@code index}: "/" for 0, "/page/N" otherwise. */
    static String page(int index) {
        return index == 0 ? "/" : PAGE + index;
    }

    static boolean disallowed(String pathAndQuery) {
        for (String prefix : DISALLOWED) {
            if (pathAndQuery.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** What a request path names, for a web of {@code hosts} hosts with {@code pages} pages each. */
    static Resource parse(String pathAndQuery, int hosts, int pages) {
        String target = pathAndQuery;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            target = target.substring(0, hash);
        }
        int q = target.indexOf('?');
        String path = q >= 0 ? target.substring(0, q) : target;
        if (path.equals("/")) {
            return new Resource.Content(0);
        }
        if (path.equals(ROBOTS)) {
            return new Resource.Robots();
        }
        if (path.startsWith(GO) && !path.startsWith("/", GO.length())) {
            return new Resource.Redirect(0, "/" + target.substring(GO.length()), statusFor(target), locationForm(target));
        }
        if (path.startsWith(TO)) {
            String rest = path.substring(TO.length());
            int slash = rest.indexOf('/');
            int host = slash > 0 ? number(rest.substring(0, slash), hosts + 1) : -1;
            if (host >= 1) {
                String location = target.substring(TO.length() + slash);
                return new Resource.Redirect(host, location, statusFor(target), Resource.LocationForm.ABSOLUTE);
            }
            return new Resource.NotFound();
        }
        if (path.equals(SEARCH)) {
            return new Resource.Leaf("search " + (q >= 0 ? target.substring(q + 1) : ""));
        }
        int page = numberAfter(path, PAGE, pages);
        if (page >= 1) {
            return new Resource.Content(page);
        }
        if (numberAfter(path, PRIVATE, pages) >= 0) {
            return new Resource.Leaf("private " + path.substring(PRIVATE.length()));
        }
        if (numberAfter(path, NOFOLLOW_LEAF, Integer.MAX_VALUE) >= 0) {
            return new Resource.Leaf("nofollow target " + path.substring(NOFOLLOW_LEAF.length()));
        }
        if (numberAfter(path, META_NOFOLLOW_LEAF, Integer.MAX_VALUE) >= 0) {
            return new Resource.Leaf("meta nofollow target " + path.substring(META_NOFOLLOW_LEAF.length()));
        }
        return new Resource.NotFound();
    }

    /** 301 or 302, fixed by the path (String.hashCode is specified, so this never changes). */
    private static int statusFor(String target) {
        return (target.hashCode() & 1) == 0 ? 301 : 302;
    }

    private static Resource.LocationForm locationForm(String target) {
        return Resource.LocationForm.values()[Math.floorMod(target.hashCode() >> 1, Resource.LocationForm.values().length)];
    }

    private static int numberAfter(String path, String prefix, int limit) {
        return path.startsWith(prefix) ? number(path.substring(prefix.length()), limit) : -1;
    }

    /** A canonical decimal in {@code [0, limit)}, or -1. */
    private static int number(String text, int limit) {
        if (text.isEmpty() || text.length() > 9 || (text.length() > 1 && text.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        int n = Integer.parseInt(text);
        return n < limit ? n : -1;
    }
}
