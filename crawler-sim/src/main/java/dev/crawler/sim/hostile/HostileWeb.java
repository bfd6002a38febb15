package dev.crawler.sim.hostile;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One site that misbehaves in every way the crawler is known to meet, for whole crawls: the index
 * page of {@code hostile.sim} links every case, with a small canary page after each, and a few
 * helper hosts serve robots.txt variants and a late response smuggled onto a kept-alive connection.
 * Every URL is listed in {@link #cases()} with the outcome a correct crawl records.
 *
 * <p>A crawl of it needs: the names resolved to {@link #address()} ({@link #resolveMap()}), loopback
 * allowed, any scope, and short timeouts (a few seconds to the first byte) or it takes minutes.
 */
public final class HostileWeb implements AutoCloseable {

    /** Text in every smuggled response: a page that contains it was stored under the wrong URL. */
    public static final String SMUGGLED = "SMUGGLED-RESPONSE";

    /** The host with the index page and most cases. */
    public static final String MAIN_HOST = "hostile.sim";

    private final HostileSite site;
    private final String seed;

    private HostileWeb(HostileSite site, String seed) {
        this.site = site;
        this.seed = seed;
    }

    /** Starts the hostile web on {@code address} (loopback) and {@code port} (0: a free one). */
    public static HostileWeb start(InetAddress address, int port) throws IOException {
        RawHttpServer server = new RawHttpServer(null, address, port);
        try {
            HostileSite site = new HostileSite(server);
            List<String> linked = new ArrayList<>();
            Cases cases = new Cases(site, linked);
            cases.redirects();
            cases.statuses();
            cases.connections();
            cases.malformed();
            cases.bodies();
            cases.traps();
            cases.robotsHosts();
            cases.desync();
            site.serve(MAIN_HOST, "/robots.txt", Responders.body(200, "text/plain",
                    "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.US_ASCII)));
            site.add(HostileCase.Kind.CANARY, "index", MAIN_HOST, "/", "status 200",
                    Responders.html(HostileSite.links("Every hostile behaviour", linked)));
            return new HostileWeb(site, site.url(MAIN_HOST, "/"));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The one seed: the index page of {@value #MAIN_HOST}. */
    public String seed() {
        return seed;
    }

    /** Every URL of the web with its expected outcome, canaries and never-requested URLs included. */
    public List<HostileCase> cases() {
        return site.cases();
    }

    /** The server, with the log of every request it received. */
    public RawHttpServer server() {
        return site.server();
    }

    public InetAddress address() {
        return site.server().address();
    }

    public int port() {
        return site.server().port();
    }

    /** Every host name of the web, mapped to its address, for {@code --resolve}. */
    public Map<String, String> resolveMap() {
        return site.resolveMap();
    }

    @Override
    public void close() throws IOException {
        site.server().close();
    }

    /** The cases, grouped by kind; each one linked from the index with a canary after it. */
    private static final class Cases {

        private static final HostileCase.Kind CASE = HostileCase.Kind.CASE;
        private final HostileSite site;
        private final List<String> linked;
        private int canaries;

        Cases(HostileSite site, List<String> linked) {
            this.site = site;
            this.linked = linked;
        }

        /** A case on the main host, linked from the index and followed by a canary. */
        private void on(String behaviour, String path, String expected, RawHttpServer.Responder responder) {
            link(site.add(CASE, behaviour, MAIN_HOST, path, expected, responder));
        }

        private void link(HostileCase c) {
            linked.add(c.url());
            int n = ++canaries;
            HostileCase canary = site.add(HostileCase.Kind.CANARY, "canary", MAIN_HOST, "/canary/" + n, "status 200",
                    Responders.html("<p>canary " + n + "</p>"));
            linked.add(canary.url());
        }

        /** A page the crawl reaches only through a case (a redirect target, a link of a page). */
        private void target(String behaviour, String host, String path, String expected, RawHttpServer.Responder r) {
            site.add(CASE, behaviour, host, path, expected, r);
        }

        void redirects() {
            for (int status : new int[] {301, 302, 303, 307, 308}) {
                on("redirect-" + status, "/redirect/" + status, "status " + status,
                        Responders.redirect(status, "/landing/" + status));
                target("redirect-" + status + "-target", MAIN_HOST, "/landing/" + status, "status 200",
                        Responders.html("<p>landed after " + status + "</p>"));
            }
            on("redirect-relative", "/redirect/relative/start", "status 302", Responders.redirect(302, "../landed?x=1"));
            target("redirect-relative-target", MAIN_HOST, "/redirect/landed?x=1", "status 200",
                    Responders.html("<p>relative redirect landed</p>"));
            on("redirect-loop", "/loop-a", "status 302", Responders.redirect(302, "/loop-b"));
            target("redirect-loop", MAIN_HOST, "/loop-b", "redirect_loop", Responders.redirect(301, "/loop-a"));
            on("redirect-to-itself", "/self", "redirect_loop", Responders.redirect(301, "/self"));
            on("redirect-chain-too-long", "/chain/0", "status 302", Responders.redirect(302, "/chain/1"));
            for (int i = 1; i <= 10; i++) {
                target("redirect-chain-too-long", MAIN_HOST, "/chain/" + i, i < 10 ? "status 302" : "too_many_redirects",
                        Responders.redirect(302, "/chain/" + (i + 1)));
            }
            site.add(HostileCase.Kind.NEVER_REQUESTED, "redirect-chain-too-long", MAIN_HOST, "/chain/11", "none",
                    Responders.html("<p>past the redirect limit</p>"));
            on("redirect-to-ftp", "/to-ftp", "bad_redirect", Responders.redirect(301, "ftp://files.invalid/x"));
            on("redirect-to-javascript", "/to-js", "bad_redirect", Responders.redirect(302, "javascript:alert(1)"));
            on("redirect-to-file", "/to-file", "bad_redirect", Responders.redirect(302, "file:///etc/passwd"));
            on("redirect-without-location", "/no-location", "bad_redirect", Responders.status(302, "no location"));
        }

        void statuses() {
            on("429-retry-after-1s-then-ok", "/limited", "status 200", Responders.sequence(
                    Responders.status(429, "slow down", "Retry-After: 1"), Responders.html("<p>ok now</p>")));
            on("503-retry-after-date-then-ok", "/maintenance", "status 200", Responders.sequence((req, out, s) -> {
                String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(1));
                return Responders.status(503, "maintenance", "Retry-After: " + date).respond(req, out, s);
            }, Responders.html("<p>back</p>")));
            on("429-retry-after-1000-days", "/rate-limited-forever", "rate_limited",
                    Responders.status(429, "come back in 1000 days", "Retry-After: 86400000"));
            on("500-always", "/always-500", "retries_exhausted", Responders.status(500, "broken"));
            on("502-then-ok", "/flaky", "status 200",
                    Responders.sequence(Responders.status(502, "bad gateway"), Responders.html("<p>recovered</p>")));
            on("404", "/missing", "status 404", Responders.status(404, "not found"));
            on("410", "/gone", "status 410", Responders.status(410, "gone"));
            on("status-999", "/status-999", "status 999|protocol", Responders.status(999, "request denied"));
        }

        void connections() {
            on("reset-mid-body", "/reset", "io", Responders.thenReset("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial"));
            on("hang-up-after-answer", "/hang-up", "status 200", Responders.thenHangUp("<p>then hung up</p>"));
            on("never-answers", "/silent", "first_byte_timeout", Responders.silent());
            on("trickled-body", "/trickle", "too_slow|response_timeout", Responders.trickle(50));
            on("trickled-head", "/slow-head", "too_slow|response_timeout|first_byte_timeout", Responders.endlessHeaders(100));
            on("chatter-on-idle-connection", "/chatter", "status 200", Responders.thenChatterWhileIdle(
                    Responders.html("<p>answered, then talked out of turn</p>"), 20,
                    "HTTP/1.1 200 OK\r\nContent-Length: " + SMUGGLED.length() + "\r\n\r\n" + SMUGGLED));
        }

        void malformed() {
            on("endless-head", "/endless-head", "protocol", Responders.endlessHeaders(0));
            on("header-flood", "/header-flood", "protocol", Responders.headerFlood(5000));
            on("huge-header-line", "/huge-header", "protocol", Responders.hugeHeaderLine(4 << 20));
            on("garbage-status-line", "/bad-status", "protocol", Responders.raw("HTTP/1.1 OK\r\nContent-Length: 2\r\n\r\nok"));
            on("http-0.9-reply", "/http09", "protocol", Responders.raw("<html><body>no status line</body></html>\n"));
            on("bad-chunk-size", "/bad-chunk", "protocol",
                    Responders.raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"));
            on("conflicting-content-lengths", "/two-lengths", "protocol",
                    Responders.raw("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabcde"));
            on("content-length-too-long", "/short-body", "io",
                    Responders.raw("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this"));
            on("surplus-after-body", "/surplus", "status 200", Responders.raw("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                    + "Content-Length: 5\r\n\r\nhello" + "HTTP/1.1 200 OK\r\nContent-Length: " + SMUGGLED.length()
                    + "\r\n\r\n" + SMUGGLED));
        }

        void bodies() {
            on("gzip-bomb", "/gzip-bomb", "truncated", Responders.encoded("gzip", Responders.gzipBomb(200)));
            on("deflate-bomb", "/deflate-bomb", "truncated", Responders.encoded("deflate", Responders.deflateBomb(200, false)));
            on("endless-chunked", "/endless", "truncated", Responders.endlessChunked());
            on("50-mb-body", "/huge-body", "truncated", Responders.zeros(50L << 20));
            on("broken-gzip", "/broken-gzip", "protocol",
                    Responders.encoded("gzip", "plain text, not gzip".getBytes(StandardCharsets.UTF_8)));
            on("binary-as-html", "/binary", "status 200", Responders.body(200, "text/html", binary()));
            on("empty-html", "/empty", "status 200", Responders.body(200, "text/html", new byte[0]));
            on("unknown-charset", "/charset", "status 200", Responders.body(200, "text/html; charset=utf-99",
                    "<p>caf\u00e9</p>".getBytes(StandardCharsets.UTF_8)));
            StringBuilder flood = new StringBuilder("<html><body>");
            for (int i = 0; i < 20_000; i++) {
                flood.append("<a href=\"/canary/1\">same</a>");
            }
            on("link-flood", "/link-flood", "status 200", Responders.html(flood.append("</body></html>").toString()));
            on("deep-nesting", "/deep-nesting", "status 200",
                    Responders.html("<div>".repeat(50_000) + "<a href=\"/canary/1\">deep</a>"));
        }

        void traps() {
            // a relative link that nests forever: the trap limits on repeated segments end it
            on("endless-relative-nesting", "/trap/", "status 200", Responders.html("<a href=\"loop/\">deeper</a>"));
            for (int depth = 1; depth <= 3; depth++) {
                target("endless-relative-nesting", MAIN_HOST, "/trap/" + "loop/".repeat(depth), "status 200|trap",
                        Responders.html("<a href=\"loop/\">deeper</a>"));
            }
            site.add(HostileCase.Kind.NEVER_REQUESTED, "endless-relative-nesting", MAIN_HOST, "/trap/" + "loop/".repeat(4),
                    "trap_repeated_segments", Responders.html("<a href=\"loop/\">deeper</a>"));
            link(site.add(HostileCase.Kind.NEVER_REQUESTED, "robots-disallowed", MAIN_HOST, "/private/secret",
                    "robots_denied", Responders.html("<p>private</p>")));
        }

        void robotsHosts() {
            robotsHost("robots-503", Responders.status(503, "down"), "robots_unreachable");
            robotsHost("robots-silent", Responders.silent(), "robots_unreachable");
            robotsHost("robots-redirect-loop", Responders.redirect(302, "/robots.txt"), "status 200");
            // a robots.txt that moved to another host: the hop there keeps that host's spacing
            site.serve(MAIN_HOST, "/robots-moved-here.txt", Responders.body(200, "text/plain",
                    "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.US_ASCII)));
            robotsHost("robots-on-another-host", Responders.redirect(301, site.url(MAIN_HOST, "/robots-moved-here.txt")),
                    "status 200");
            robotsHost("robots-binary", Responders.body(200, "text/plain", binary()), "status 200");
            robotsHost("robots-404", Responders.status(404, "none"), "status 200");
            robotsHost("robots-trickle", Responders.trickle(50), "status 200|robots_unreachable");
            StringBuilder huge = new StringBuilder("User-agent: *\n");
            while (huge.length() < 2 << 20) {
                huge.append("Disallow: /nothing-here-").append(huge.length()).append('\n');
            }
            robotsHost("robots-2-mb", Responders.body(200, "text/plain", huge.toString().getBytes(StandardCharsets.US_ASCII)),
                    "status 200");
            String host = "robots-disallow-all.sim";
            site.serve(host, "/robots.txt", Responders.body(200, "text/plain",
                    "User-agent: *\nDisallow: /\n".getBytes(StandardCharsets.US_ASCII)));
            HostileCase denied = site.add(HostileCase.Kind.NEVER_REQUESTED, "robots-disallow-all", host, "/page",
                    "robots_denied", Responders.html("<p>must not be fetched</p>"));
            link(denied);
        }

        private void robotsHost(String behaviour, RawHttpServer.Responder robots, String expected) {
            String host = behaviour + ".sim";
            site.serve(host, "/robots.txt", robots);
            link(site.add(CASE, behaviour, host, "/page", expected, Responders.html("<p>" + behaviour + "</p>")));
        }

        /**
         * Every answer of {@code desync.sim} is followed 300 ms later by a second response nobody
         * asked for, whose page links a URL that only it names: by then the crawler may have sent
         * its next request on that connection.
         */
        void desync() {
            String host = "desync.sim";
            String smuggledPage = "<p>" + SMUGGLED + "</p><a href=\"/only-in-smuggled\">smuggled link</a>";
            site.serve(host, "/robots.txt", Responders.thenSmuggleLate(Responders.status(404, "none"), 300, smuggledPage));
            List<String> pages = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                HostileCase page = site.add(CASE, "late-smuggled-response", host, "/d" + i, "status 200",
                        Responders.thenSmuggleLate(Responders.html("<p>true page d" + i + "</p>"), 300, smuggledPage));
                pages.add(page.url());
            }
            site.add(HostileCase.Kind.NEVER_REQUESTED, "link-only-in-smuggled-response", host, "/only-in-smuggled", "none",
                    Responders.html("<p>reached through a smuggled response</p>"));
            link(site.add(CASE, "late-smuggled-response", host, "/", "status 200",
                    Responders.thenSmuggleLate(Responders.html(HostileSite.links("desync", pages)), 300, smuggledPage)));
        }

        private static byte[] binary() {
            byte[] b = new byte[4096];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (i * 31 + 7);
            }
            return b;
        }
    }
}
