package dev.crawler.sim;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A second, independent way to the ground truth: crawls {@link SimWeb#respond} like a real crawler,
 * reading only the served bytes (HTML by regular expressions or by jsoup, robots.txt lines,
 * Location headers).
 */
final class ReferenceCrawler {

    private static final Pattern BASE = Pattern.compile("<base href=\"([^\"]*)\"");
    private static final Pattern META_ROBOTS = Pattern.compile("<meta name=\"robots\" content=\"([^\"]*)\"");
    private static final Pattern LINK = Pattern.compile("<(a|area)\\b([^>]*)>");
    private static final Pattern HREF = Pattern.compile("\\bhref=\"([^\"]*)\"");
    private static final Pattern REL = Pattern.compile("\\brel=\"([^\"]*)\"");

    record Result(Set<String> fetched, Map<String, Integer> status, Set<String> skippedByRobots, Set<String> nofollowed) {
    }

    /** What a reader found in a page: its links resolved and normalized, and whether it forbids following them. */
    record ReadPage(boolean metaNofollow, List<Found> links) {
        record Found(String target, boolean nofollow) {
        }
    }

    /** Finds the links of an HTML page fetched from {@code url}. */
    interface HtmlReader {
        ReadPage read(String html, String url);
    }

    /** Regular expressions over the bytes: enough for the plain layout, which writes every attribute one way. */
    static final HtmlReader REGEX = ReferenceCrawler::readByRegex;

    /** jsoup's DOM, which decodes character references and knows that script, style and comments hold no elements. */
    static final HtmlReader JSOUP = ReferenceCrawler::readByJsoup;

    static Result crawl(SimWeb web, List<String> seeds) {
        return crawl(web, seeds, REGEX);
    }

    static Result crawl(SimWeb web, List<String> seeds, HtmlReader reader) {
        Set<String> fetched = new LinkedHashSet<>();
        Map<String, Integer> status = new HashMap<>();
        Set<String> robotsSkipped = new LinkedHashSet<>();
        Set<String> nofollowed = new LinkedHashSet<>();
        Map<String, List<String>> disallowByHost = new HashMap<>();
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (String s : seeds) {
            String n = SimUrls.normalize(s);
            if (seen.add(n)) {
                queue.add(n);
            }
        }
        while (!queue.isEmpty()) {
            String url = queue.poll();
            URI uri = URI.create(url);
            String host = uri.getHost();
            String path = SimUrls.pathAndQuery(uri);
            List<String> disallow = disallowByHost.computeIfAbsent(host, h -> robots(web.respond(h, "/robots.txt").bodyText()));
            if (disallow.stream().anyMatch(path::startsWith)) {
                robotsSkipped.add(url);
                continue;
            }
            SimResponse r = web.respond(host, path);
            fetched.add(url);
            status.put(url, r.status());
            List<String> next = new ArrayList<>();
            if (r.status() == 301 || r.status() == 302) {
                next.add(SimUrls.resolve(url, r.header("Location")));
            } else if (r.status() == 200 && r.header("Content-Type").startsWith("text/html")) {
                ReadPage page = reader.read(r.bodyText(), url);
                for (ReadPage.Found link : page.links()) {
                    if (page.metaNofollow() || link.nofollow()) {
                        nofollowed.add(link.target());
                    } else {
                        next.add(link.target());
                    }
                }
            }
            for (String n : next) {
                if (seen.add(n)) {
                    queue.add(n);
                }
            }
        }
        return new Result(fetched, status, robotsSkipped, nofollowed);
    }

    private static ReadPage readByRegex(String html, String url) {
        Matcher base = BASE.matcher(html);
        String baseUrl = base.find() ? tryResolve(url, unescape(base.group(1))) : url;
        baseUrl = baseUrl == null ? url : baseUrl;
        Matcher meta = META_ROBOTS.matcher(html);
        boolean metaNofollow = meta.find() && meta.group(1).toLowerCase().contains("nofollow");
        List<ReadPage.Found> found = new ArrayList<>();
        Matcher link = LINK.matcher(html);
        while (link.find()) {
            Matcher href = HREF.matcher(link.group(2));
            if (!href.find()) {
                continue;
            }
            String target = tryResolve(baseUrl, unescape(href.group(1)));
            if (target == null) {
                continue;
            }
            Matcher rel = REL.matcher(link.group(2));
            boolean relNofollow = rel.find() && List.of(rel.group(1).toLowerCase().split("\\s+")).contains("nofollow");
            found.add(new ReadPage.Found(target, relNofollow));
        }
        return new ReadPage(metaNofollow, found);
    }

    /** The resolved URL, or null when the href is none once read this way (an undecoded "http:&#47;&#47;host" is not). */
    private static String tryResolve(String base, String href) {
        try {
            return SimUrls.resolve(base, href);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ReadPage readByJsoup(String html, String url) {
        Document doc = Jsoup.parse(html, url);
        Element base = doc.selectFirst("base[href]");
        String baseUrl = base == null ? url : SimUrls.resolve(url, base.attr("href"));
        boolean metaNofollow = doc.select("meta[name=robots]").stream()
                .anyMatch(m -> m.attr("content").toLowerCase().contains("nofollow"));
        List<ReadPage.Found> found = new ArrayList<>();
        for (Element link : doc.select("a[href], area[href]")) {
            boolean relNofollow = List.of(link.attr("rel").toLowerCase().split("\\s+")).contains("nofollow");
            found.add(new ReadPage.Found(SimUrls.resolve(baseUrl, link.attr("href")), relNofollow));
        }
        return new ReadPage(metaNofollow, found);
    }

    private static List<String> robots(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.regionMatches(true, 0, "Disallow:", 0, 9)) {
                String v = line.substring(9).trim();
                if (!v.isEmpty()) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
