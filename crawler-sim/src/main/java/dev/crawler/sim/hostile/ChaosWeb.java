package dev.crawler.sim.hostile;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Hostile behaviours mixed at random over many hosts, fixed by a seed: the same seed gives the
 * same web, so a failing soak run is replayed from its number. Hosts {@code chaos-1.sim} ... each
 * have a root page linking all their pages, and each page links a few pages of other hosts. Most
 * pages answer well; the rest fail, recover, redirect, reset, bomb or smuggle a response. Every
 * URL is listed in {@link #cases()} with the outcome a correct crawl records.
 *
 * <p>A host that sends bytes out of turn answers every request it reads: a response sent unasked
 * and then no answer at all to the request that followed it cannot be told from a correct exchange
 * by any HTTP/1.1 client, so no crawler can be held to it.
 */
public final class ChaosWeb implements AutoCloseable {

    private final HostileSite site;
    private final List<String> seeds;
    private final long seed;

    private ChaosWeb(HostileSite site, List<String> seeds, long seed) {
        this.site = site;
        this.seeds = seeds;
        this.seed = seed;
    }

    /**
     * Starts a chaos web of {@code hosts} hosts with {@code pagesPerHost} pages each, drawn from
     * {@code seed}, on {@code address} (loopback) and {@code port} (0: a free one).
     */
    public static ChaosWeb start(long seed, int hosts, int pagesPerHost, InetAddress address, int port)
            throws IOException {
        if (hosts < 1 || pagesPerHost < 1) {
            throw new IllegalArgumentException("a chaos web needs at least 1 host and 1 page per host, was "
                    + hosts + " hosts and " + pagesPerHost + " pages");
        }
        RawHttpServer server = new RawHttpServer(null, address, port);
        try {
            HostileSite site = new HostileSite(server);
            SplittableRandom random = new SplittableRandom(seed);
            List<String> roots = new ArrayList<>();
            for (int h = 1; h <= hosts; h++) {
                roots.add(new HostBuilder(site, random, "chaos-" + h + ".sim", hosts, pagesPerHost).build());
            }
            return new ChaosWeb(site, roots, seed);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The seed this web was drawn from. */
    public long seed() {
        return seed;
    }

    /** The root page of every host. */
    public List<String> seeds() {
        return seeds;
    }

    public List<HostileCase> cases() {
        return site.cases();
    }

    public RawHttpServer server() {
        return site.server();
    }

    public Map<String, String> resolveMap() {
        return site.resolveMap();
    }

    public int port() {
        return site.server().port();
    }

    @Override
    public void close() throws IOException {
        site.server().close();
    }

    /** One behaviour a page may have, with the outcome a correct crawl records and its weight. */
    private enum Behaviour {
        OK(40, "status 200"),
        FAILS_ONCE(6, "status 200"),
        RATE_LIMITED_ONCE(4, "status 200"),
        ALWAYS_500(3, "retries_exhausted"),
        RESET(3, "io"),
        HANG_UP(4, "status 200"),
        GARBAGE(3, "protocol"),
        REDIRECT(6, "status 30[1278]|redirect_loop|too_many_redirects"),
        NOT_FOUND(3, "status 404"),
        BOMB(2, "truncated"),
        SMUGGLE_LATE(5, "status 200"),
        CHATTER_WHEN_IDLE(3, "status 200"),
        SURPLUS(3, "status 200"),
        TRICKLE(1, "too_slow|response_timeout"),
        SILENT(1, "first_byte_timeout");

        final int weight;
        final String expected;

        Behaviour(int weight, String expected) {
            this.weight = weight;
            this.expected = expected;
        }

        /** Whether the server sends bytes nobody asked for. */
        boolean speaksOutOfTurn() {
            return this == SMUGGLE_LATE || this == CHATTER_WHEN_IDLE || this == SURPLUS;
        }

        static Behaviour draw(SplittableRandom random) {
            int total = 0;
            for (Behaviour b : values()) {
                total += b.weight;
            }
            int r = random.nextInt(total);
            for (Behaviour b : values()) {
                r -= b.weight;
                if (r < 0) {
                    return b;
                }
            }
            throw new AssertionError("weights add up");
        }
    }

    /** Draws and serves one host: robots.txt, the root, and its pages. */
    private static final class HostBuilder {
        private final HostileSite site;
        private final SplittableRandom random;
        private final String host;
        private final int hosts;
        private final int pages;

        HostBuilder(HostileSite site, SplittableRandom random, String host, int hosts, int pages) {
            this.site = site;
            this.random = random;
            this.host = host;
            this.hosts = hosts;
            this.pages = pages;
        }

        /** Serves the host and returns its root URL. */
        String build() {
            robots();
            List<Behaviour> drawn = new ArrayList<>();
            for (int p = 0; p < pages; p++) {
                drawn.add(Behaviour.draw(random));
            }
            if (drawn.stream().anyMatch(Behaviour::speaksOutOfTurn)) {
                // a response sent unasked and then no answer at all looks like a correct exchange
                // to any HTTP/1.1 client: a host that speaks out of turn answers every request
                drawn.replaceAll(b -> b == Behaviour.SILENT ? Behaviour.OK : b);
            }
            List<String> links = new ArrayList<>();
            for (int p = 0; p < pages; p++) {
                links.addAll(page(p, drawn.get(p)));
            }
            site.add(HostileCase.Kind.NEVER_REQUESTED, "link-only-in-smuggled-response", host, "/only-in-smuggled",
                    "none", Responders.html("<p>reached through a smuggled response</p>"));
            HostileCase root = site.add(HostileCase.Kind.CANARY, "root", host, "/", "status 200",
                    Responders.html(HostileSite.links(host, links)));
            return root.url();
        }

        private void robots() {
            byte[] rules = "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.US_ASCII);
            RawHttpServer.Responder robots = switch (random.nextInt(4)) {
                case 0 -> Responders.status(404, "none");
                case 1 -> Responders.body(200, "text/plain", rules);
                case 2 -> Responders.sequence(Responders.status(503, "busy"), Responders.body(200, "text/plain", rules));
                default -> Responders.redirect(301, "/robots-moved.txt");
            };
            site.serve(host, "/robots.txt", robots);
            site.serve(host, "/robots-moved.txt", Responders.body(200, "text/plain", rules));
        }

        /** Serves page {@code p} with a drawn behaviour and returns its path; now and then a private page too. */
        private List<String> page(int p, Behaviour b) {
            List<String> paths = new ArrayList<>();
            String path = "/p" + p;
            String name = b.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            HostileCase.Kind kind = b == Behaviour.OK ? HostileCase.Kind.CANARY : HostileCase.Kind.CASE;
            site.add(kind, name, host, path, b.expected, responder(b, p));
            paths.add(path);
            if (random.nextInt(20) == 0) {
                String secret = "/private/p" + p;
                // disallowed when robots.txt says so; with a 404 robots.txt it is fetched
                site.add(HostileCase.Kind.CASE, "maybe-disallowed", host, secret, "status 200|robots_denied",
                        Responders.html("<p>private " + p + "</p>"));
                paths.add(secret);
            }
            return paths;
        }

        private RawHttpServer.Responder responder(Behaviour b, int p) {
            String page = pageHtml(p);
            return switch (b) {
                case OK -> Responders.html(page);
                case FAILS_ONCE -> Responders.sequence(Responders.status(500, "oops"), Responders.html(page));
                case RATE_LIMITED_ONCE -> Responders.sequence(
                        Responders.status(429, "slow down", "Retry-After: 1"), Responders.html(page));
                case ALWAYS_500 -> Responders.status(500, "broken");
                case RESET -> Responders.thenReset("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npart");
                case HANG_UP -> Responders.thenHangUp(page);
                case GARBAGE -> Responders.raw("HTTP/1.1 OK\r\nContent-Length: 2\r\n\r\nok");
                case REDIRECT -> Responders.redirect(new int[] {301, 302, 307, 308}[random.nextInt(4)],
                        "/p" + random.nextInt(pages));
                case NOT_FOUND -> Responders.status(404, "not found");
                case BOMB -> Responders.encoded("gzip", Responders.gzipBomb(20));
                case SMUGGLE_LATE -> Responders.thenSmuggleLate(Responders.html(page), 50 + random.nextInt(300),
                        "<p>" + HostileWeb.SMUGGLED + "</p><a href=\"/only-in-smuggled\">x</a>");
                case CHATTER_WHEN_IDLE -> Responders.thenChatterWhileIdle(Responders.html(page), random.nextInt(100),
                        "HTTP/1.1 200 OK\r\nContent-Length: " + HostileWeb.SMUGGLED.length() + "\r\n\r\n"
                                + HostileWeb.SMUGGLED);
                case SURPLUS -> Responders.raw("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                        + page.length() + "\r\n\r\n" + page + "HTTP/1.1 200 OK\r\nContent-Length: "
                        + HostileWeb.SMUGGLED.length() + "\r\n\r\n" + HostileWeb.SMUGGLED);
                case TRICKLE -> Responders.trickle(100);
                case SILENT -> Responders.silent();
            };
        }

        /** A page that links a few pages of other hosts (they are linked from their roots too). */
        private String pageHtml(int p) {
            List<String> links = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int other = 1 + random.nextInt(hosts);
                links.add(site.url("chaos-" + other + ".sim", "/p" + random.nextInt(pages)));
            }
            return HostileSite.links(host + " page " + p, links);
        }
    }
}
