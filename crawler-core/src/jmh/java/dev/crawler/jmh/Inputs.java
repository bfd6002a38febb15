package dev.crawler.jmh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The inputs every benchmark shares, made from a fixed seed so that runs compare: URLs as links
 * write them (mixed-case hosts, default ports, dot-segments, percent-encoding, fragments, queries)
 * and an HTML page of about 10 KB with links in every form a page uses.
 */
final class Inputs {

    static final String PAGE_URL = "http://site-7.sim:8080/page/42";

    private Inputs() {
    }

    /** {@code n} absolute URLs in the spellings links use, over {@code hosts} hosts. */
    static List<String> rawUrls(int n, int hosts, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int host = 1 + rng.nextInt(hosts);
            int page = rng.nextInt(100_000);
            out.add(switch (rng.nextInt(6)) {
                case 0 -> "http://site-" + host + ".sim:8080/page/" + page;
                case 1 -> "HTTP://Site-" + host + ".SIM:8080/page/./" + page + "#top";
                case 2 -> "http://site-" + host + ".sim:8080/a/b/../../page/" + page + "?view=print";
                case 3 -> "https://site-" + host + ".sim:443/%7Euser/page%2f" + page;
                case 4 -> "http://site-" + host + ".sim:8080/search?q=caf%c3%a9+" + page + "&lang=fr";
                default -> "http://site-" + host + ".sim:80/docs/" + page + "/index.html";
            });
        }
        return out;
    }

    /** A page of about {@code bytes} bytes with {@code links} links in mixed forms. */
    static byte[] page(int links, int bytes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder html = new StringBuilder(bytes + 1024)
                .append("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>page 42</title>")
                .append("<link rel=stylesheet href=/style.css></head>\n<body><h1>Page 42</h1>\n<ul>\n");
        for (int i = 0; i < links; i++) {
            int page = rng.nextInt(1000);
            String href = switch (rng.nextInt(7)) {
                case 0 -> "http://site-" + (1 + rng.nextInt(50)) + ".sim:8080/page/" + page;
                case 1 -> "//SITE-3.sim:8080/page/" + page;
                case 2 -> "/page/" + page + "#s" + rng.nextInt(10);
                case 3 -> page + "";
                case 4 -> "./" + page + "?view=print";
                case 5 -> "../page/" + page;
                default -> "/go/page/" + page;
            };
            html.append("<li><a href=\"").append(href).append("\">link ").append(i).append("</a></li>\n");
        }
        html.append("</ul>\n");
        while (html.length() < bytes) {
            html.append("<p>Filler text of the simulated web, so the page has a realistic size. ")
                    .append(rng.nextLong()).append("</p>\n");
        }
        return html.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
