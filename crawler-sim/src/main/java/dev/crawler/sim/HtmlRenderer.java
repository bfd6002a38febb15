package dev.crawler.sim;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Renders pages of the plain layout ({@link PageProfile#PLAIN}) to UTF-8 HTML, padded with
 * deterministic filler text (some of it non-ASCII) to the configured size, and the leaf, error
 * and redirect pages of every layout. Its bytes are what the tests and the demo were written
 * against: changing them changes every figure measured on the simulated web.
 */
final class HtmlRenderer implements PageRenderer {

    static final String[] WORDS = {
        "lorem", "ipsum", "dolor", "sit", "amet", "crawler", "frontier", "politeness", "queue", "host",
        "latency", "socket", "event", "loop", "epoll", "select", "buffer", "channel", "future", "callback",
        "robots", "nofollow", "anchor", "fragment", "redirect", "index", "mirror", "seed", "depth", "scope",
        "café", "naïve", "Straße", "über", "smörgåsbord", "façade", "jalapeño", "déjà", "vu", "résumé",
        "the", "a", "of", "and", "to", "in", "is", "for", "on", "with", "as", "by", "at", "from",
    };
    private static final int[] WORD_BYTES = new int[WORDS.length];

    static {
        for (int i = 0; i < WORDS.length; i++) {
            WORD_BYTES[i] = WORDS[i].getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private final int pageBytes;

    HtmlRenderer(int pageBytes) {
        this.pageBytes = pageBytes;
    }

    /** A content page with its links. */
    @Override
    public byte[] page(String hostName, PageModel model, long fillerSeed) {
        String title = hostName + " · " + (model.page() == 0 ? "home" : "page " + model.page());
        StringBuilder head = new StringBuilder(256 + 80 * model.links().size());
        head.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(title).append("</title>\n");
        if (model.metaNofollow()) {
            head.append("<meta name=\"robots\" content=\"nofollow\">\n");
        }
        if (model.baseHref() != null) {
            head.append("<base href=\"").append(escape(model.baseHref())).append("\">\n");
        }
        head.append("</head>\n<body>\n<h1 id=\"top\">").append(title).append("</h1>\n<ul>\n");
        List<Link> links = model.links();
        boolean map = false;
        for (Link link : links) {
            if (link.area()) {
                map = true;
                continue;
            }
            head.append("<li><a href=\"").append(escape(link.href())).append('"');
            if (link.rel() != null) {
                head.append(" rel=\"").append(escape(link.rel())).append('"');
            }
            head.append('>').append(escape(link.text())).append("</a></li>\n");
        }
        head.append("</ul>\n");
        if (map) {
            head.append("<img src=\"data:,\" usemap=\"#nav\" alt=\"navigation\">\n<map name=\"nav\">\n");
            for (Link link : links) {
                if (link.area()) {
                    head.append("<area shape=\"rect\" coords=\"0,0,10,10\" href=\"").append(escape(link.href()))
                            .append("\" alt=\"").append(escape(link.text())).append("\">\n");
                }
            }
            head.append("</map>\n");
        }
        return finish(head, fillerSeed);
    }

    /** A page without links. */
    byte[] leaf(String hostName, String label, long fillerSeed) {
        String title = hostName + " · " + label;
        StringBuilder head = new StringBuilder(256)
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        return finish(head, fillerSeed);
    }

    /** A short error or redirect page (not padded). */
    static byte[] small(String title, String text) {
        return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n<p>" + escape(text)
                + "</p>\n</body>\n</html>\n").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] finish(StringBuilder out, long fillerSeed) {
        String tail = "</p>\n</body>\n</html>\n";
        out.append("<p>");
        int budget = pageBytes - utf8Length(out) - tail.length();
        SplittableRandom rng = new SplittableRandom(fillerSeed);
        int wordsOnLine = 0;
        while (budget > 0) {
            int w = rng.nextInt(WORDS.length);
            if (WORD_BYTES[w] + 1 > budget) {
                out.append(" ".repeat(budget));
                break;
            }
            out.append(WORDS[w]);
            out.append(++wordsOnLine % 12 == 0 ? '\n' : ' ');
            budget -= WORD_BYTES[w] + 1;
        }
        out.append(tail);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (rep != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (rep != null) {
                    out.append(rep);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    static int utf8Length(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
