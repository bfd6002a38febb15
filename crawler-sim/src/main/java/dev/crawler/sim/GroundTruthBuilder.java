package dev.crawler.sim;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Breadth-first crawl of the model, as a correct crawler does it: every href resolved against the
 * page URL (or its {@code <base href>}) and normalized, robots.txt honored, {@code rel=nofollow}
 * and meta robots nofollow honored, redirects followed through the same checks as links. The
 * decoys of a page (hrefs in scripts, styles, comments and escaped text) are never followed and
 * join the must-not-fetch set unless something real links them.
 *
 * <p>For a crawler without the logins of the web ({@link SimAccess}), each host that asks for one
 * answers every request 401, robots.txt included, which allows everything (RFC 9309: a 4xx
 * robots.txt is no rule): each URL of it the crawl finds is fetched, once, and leads nowhere.
 */
final class GroundTruthBuilder {

    private final SimWeb web;
    private final Set<String> seen = new HashSet<>();
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private final Set<String> mustFetch = new LinkedHashSet<>();
    private final Set<String> mustNotFetch = new LinkedHashSet<>();
    private final Set<String> nofollowTargets = new LinkedHashSet<>();
    private final Set<String> decoyTargets = new LinkedHashSet<>();
    private final Map<String, Integer> status = new HashMap<>();

    private final Set<Integer> refusing = new HashSet<>();

    /**
     * @param web the web
     * @param withLogins whether the crawler gives every login the web asks for; if not, the hosts that
     *     ask for one refuse it everything
     */
    GroundTruthBuilder(SimWeb web, boolean withLogins) {
        this.web = web;
        if (!withLogins) {
            web.config().access().logins().forEach(l -> refusing.add(web.hostNumber(l.host())));
        }
    }

    GroundTruth build(List<String> seeds) {
        for (String seed : seeds) {
            String url = SimUrls.normalize(seed);
            locate(url); // rejects seeds outside this web
            enqueue(url);
        }
        while (!queue.isEmpty()) {
            visit(queue.poll());
        }
        for (String url : union(nofollowTargets, decoyTargets)) {
            if (!mustFetch.contains(url)) {
                mustNotFetch.add(url);
            }
        }
        return new GroundTruth(mustFetch, mustNotFetch, status);
    }

    private void visit(String url) {
        Located at = locate(url);
        if (refusing.contains(at.host())) {
            mustFetch.add(url);
            status.put(url, 401);
            return;
        }
        if (SimPaths.disallowed(at.pathAndQuery())) {
            mustNotFetch.add(url);
            return;
        }
        Resource resource = web.resource(at.pathAndQuery());
        mustFetch.add(url);
        status.put(url, resource.status());
        if (resource instanceof Resource.Redirect) {
            String location = web.respond(web.hostName(at.host()), at.pathAndQuery()).header("Location");
            enqueue(SimUrls.resolve(url, location));
        } else if (resource instanceof Resource.Content content) {
            PageModel page = web.page(at.host(), content.page());
            String base = page.baseHref() == null ? url : SimUrls.resolve(url, page.baseHref());
            for (String decoy : page.decoys()) {
                decoyTargets.add(SimUrls.resolve(base, decoy));
            }
            for (Link link : page.allLinks()) {
                String target = SimUrls.resolve(base, link.href());
                if (page.metaNofollow() || link.nofollow()) {
                    nofollowTargets.add(target);
                } else {
                    enqueue(target);
                }
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private void enqueue(String url) {
        if (seen.add(url)) {
            queue.add(url);
        }
    }

    private record Located(int host, String pathAndQuery) {
    }

    private Located locate(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
        int host = web.hostNumber(uri.getHost());
        int port = uri.getPort() == -1 ? SimUrls.defaultPort(uri.getScheme()) : uri.getPort();
        if (!"http".equals(uri.getScheme()) || host < 0 || port != web.port()) {
            throw new IllegalArgumentException(url + " is not on this simulated web (" + web.url(web.hostName(1), "/")
                    + " .. " + web.hostName(web.config().hosts()) + ")");
        }
        return new Located(host, SimUrls.pathAndQuery(uri));
    }
}
