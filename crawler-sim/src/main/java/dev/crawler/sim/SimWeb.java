package dev.crawler.sim;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The simulated web as a pure model, without any I/O: host names and addresses, the response to
 * any request, and the ground truth of a correct crawl. Everything is a function of the
 * {@link SimConfig} and the port (absolute links carry the port); pages are generated on request,
 * nothing is stored per page. Thread-safe.
 *
 * <p>Hosts are named {@code site-N.sim}, or by their own loopback addresses ({@link HostNaming}).
 *
 * <p>Paths on every host: {@code /} (page 0), {@code /page/N}, {@code /robots.txt}, and special
 * paths for disallowed pages ({@code /private/N}, {@code /search?q=N}), redirects
 * ({@code /go/...}, {@code /to/K/...}), nofollow-only targets ({@code /nf/N}, {@code /mnf/N}) and
 * 404s ({@code /missing/N} and anything else).
 */
public final class SimWeb {

    private static final String HOST_PREFIX = "site-";
    private static final String HOST_SUFFIX = ".sim";
    private static final String HTML = "text/html; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";

    private final SimConfig config;
    private final int port;
    private final HostAddresses addresses;
    private final PagePlanner planner;
    private final HtmlRenderer renderer;
    private final PageRenderer pages;

    /**
     * @param config the shape of the web
     * @param port the port the hosts are served on, 1..65535 (written into absolute links)
     */
    public SimWeb(SimConfig config, int port) {
        this.config = Objects.requireNonNull(config, "config");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        this.port = port;
        this.addresses = new HostAddresses(config.firstAddress());
        this.renderer = new HtmlRenderer(config.pageBytes());
        this.pages = config.pageProfile().plain() ? renderer : new DocumentRenderer(config);
        this.planner = new PagePlanner(this);
        for (SimLogin login : config.access().logins()) {
            int host = hostNumber(login.host());
            if (host < 0 || !hostName(host).equals(login.host())) {
                throw new IllegalArgumentException("a login for " + login.host() + ", which is not a host of this simulated web ("
                        + hostName(1) + " .. " + hostName(config.hosts()) + ")");
            }
        }
    }

    public SimConfig config() {
        return config;
    }

    public int port() {
        return port;
    }

    /** {@code site-1.sim}, {@code site-2.sim}, ... (or {@code 127.0.1.1}, {@code 127.0.1.2}, ...) in host order. */
    public List<String> hostNames() {
        List<String> names = new ArrayList<>(config.hosts());
        for (int n = 1; n <= config.hosts(); n++) {
            names.add(hostName(n));
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * The name of host number {@code number} (1-based): {@code site-N.sim}, or under
     * {@link HostNaming#ADDRESSES} its address in dotted form, such as {@code 127.0.1.3}.
     */
    public String hostName(int number) {
        checkHost(number);
        return config.hostNaming() == HostNaming.ADDRESSES ? addresses.text(number - 1)
                : HOST_PREFIX + number + HOST_SUFFIX;
    }

    /**
     * The 1-based number of a host name (case-insensitive, trailing dot allowed), or -1 if it is not
     * one of ours. Under {@link HostNaming#ADDRESSES} only the canonical dotted form of a host's
     * address is a name ({@code 127.0.1.01} is not), as a URL has only one host that is right.
     */
    public int hostNumber(String hostName) {
        if (hostName == null) {
            return -1;
        }
        String name = hostName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (config.hostNaming() == HostNaming.ADDRESSES) {
            return addressNumber(name);
        }
        if (!name.startsWith(HOST_PREFIX) || !name.endsWith(HOST_SUFFIX)) {
            return -1;
        }
        String digits = name.substring(HOST_PREFIX.length(), name.length() - HOST_SUFFIX.length());
        if (digits.isEmpty() || digits.length() > 9 || digits.charAt(0) == '0' || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int n = Integer.parseInt(digits);
        return n <= config.hosts() ? n : -1;
    }

    private int addressNumber(String dotted) {
        int index = addresses.indexOf(dotted, config.hosts());
        return index >= 0 && addresses.text(index).equals(dotted) ? index + 1 : -1;
    }

    /** The loopback address of a host: site-1.sim is the first address, site-2.sim the next, ... */
    public InetAddress address(String hostName) {
        return addresses.address(requireHost(hostName) - 1);
    }

    /** The host served on a dotted loopback address, or null if none is. */
    public String hostForAddress(String dotted) {
        int index = addresses.indexOf(dotted, config.hosts());
        return index < 0 ? null : hostName(index + 1);
    }

    /**
     * Host name to dotted address, in host order, e.g. {@code site-1.sim -> 127.0.1.1} (for {@code --resolve});
     * under {@link HostNaming#ADDRESSES} each address maps to itself.
     */
    public Map<String, String> resolveMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int n = 1; n <= config.hosts(); n++) {
            map.put(hostName(n), addresses.text(n - 1));
        }
        return Collections.unmodifiableMap(map);
    }

    /** The root URL of every host, e.g. {@code http://site-1.sim:34567/}. */
    public List<String> seedUrls() {
        List<String> seeds = new ArrayList<>(config.hosts());
        for (int n = 1; n <= config.hosts(); n++) {
            seeds.add(origin(n) + "/");
        }
        return Collections.unmodifiableList(seeds);
    }

    /** The normalized URL of a path on a host, e.g. {@code url("site-1.sim", "/page/3")}. */
    public String url(String hostName, String pathAndQuery) {
        return origin(requireHost(hostName)) + pathAndQuery;
    }

    /** The robots.txt every host serves. */
    public String robotsTxt(String hostName) {
        StringBuilder out = new StringBuilder("# robots.txt of ").append(hostName(requireHost(hostName)))
                .append(" (crawler-sim)\nUser-agent: *\n");
        for (String prefix : SimPaths.DISALLOWED) {
            out.append("Disallow: ").append(prefix).append('\n');
        }
        return out.toString();
    }

    /** Whether robots.txt disallows a path (with query) on every host. */
    public boolean disallowed(String pathAndQuery) {
        return SimPaths.disallowed(pathAndQuery);
    }

    /**
     * The response to {@code GET pathAndQuery} on a host: 200 pages, robots.txt, 301/302 redirects,
     * 404s, and 421 for a host that is not part of this web. Deterministic: the same arguments
     * always give the same bytes.
     */
    public SimResponse respond(String hostName, String pathAndQuery) {
        int host = hostNumber(hostName);
        if (host < 0) {
            return new SimResponse(421, Map.of("Content-Type", TEXT),
                    ("421 Misdirected Request: " + hostName + " is not a host of this simulated web\n").getBytes(StandardCharsets.UTF_8));
        }
        String name = hostName(host);
        Resource resource = resource(pathAndQuery);
        return switch (resource) {
            case Resource.Content c -> html(200, pages.page(name, planner.plan(host, c.page()),
                    PagePlanner.mix(config.seed(), host, c.page()) ^ 0x5DEECE66DL));
            case Resource.Leaf leaf -> html(200, renderer.leaf(name, leaf.label(),
                    PagePlanner.mix(config.seed(), host, pathAndQuery.hashCode()) ^ 0xB5297A4DL));
            case Resource.Robots r -> new SimResponse(200, Map.of("Content-Type", TEXT),
                    robotsTxt(name).getBytes(StandardCharsets.UTF_8));
            case Resource.Redirect r -> {
                String location = location(host, pathAndQuery, r);
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Content-Type", HTML);
                headers.put("Location", location);
                yield new SimResponse(r.status(), headers, HtmlRenderer.small(
                        r.status() == 301 ? "301 Moved Permanently" : "302 Found", "Moved to " + location));
            }
            case Resource.NotFound n -> html(404, HtmlRenderer.small("404 Not Found", "No page at " + pathAndQuery));
        };
    }

    /**
     * How the server frames the response to {@code pathAndQuery}: content pages whose index is a
     * multiple of 3 (the root included) are gzip-compressed when the client accepts gzip, pages
     * with index 2 mod 3 are sent chunked, everything else with a Content-Length.
     */
    public Delivery delivery(String pathAndQuery, boolean clientAcceptsGzip) {
        if (resource(pathAndQuery) instanceof Resource.Content c) {
            return switch (c.page() % 3) {
                case 0 -> clientAcceptsGzip ? Delivery.GZIP : Delivery.CONTENT_LENGTH;
                case 2 -> Delivery.CHUNKED;
                default -> Delivery.CONTENT_LENGTH;
            };
        }
        return Delivery.CONTENT_LENGTH;
    }

    /**
     * The ground truth of a correct crawl from {@code seeds} (absolute URLs on hosts of this web). A
     * web with logins ({@link SimConfig#withLogin}) is crawled with them: its pages are the same.
     */
    public GroundTruth groundTruth(List<String> seeds) {
        return new GroundTruthBuilder(this, true).build(seeds);
    }

    /**
     * The ground truth of a correct crawl from {@code seeds} that gives none of the web's logins:
     * every URL the crawl finds on a host that asks for one is fetched once and answered 401, its
     * robots.txt too (so nothing there is disallowed), and nothing is found through it.
     */
    public GroundTruth groundTruthWithoutLogins(List<String> seeds) {
        return new GroundTruthBuilder(this, false).build(seeds);
    }

    /** The ground truth of a correct crawl seeded with every host root. */
    public GroundTruth groundTruth() {
        return groundTruth(seedUrls());
    }

    @Override
    public String toString() {
        return "SimWeb[" + config.hosts() + " hosts x " + config.pagesPerHost() + " pages, port " + port + "]";
    }

    // ---- package-private: used by the planner, the ground truth and the server

    Resource resource(String pathAndQuery) {
        if (pathAndQuery == null || !pathAndQuery.startsWith("/")) {
            return new Resource.NotFound();
        }
        return SimPaths.parse(pathAndQuery, config.hosts(), config.pagesPerHost());
    }

    PageModel page(int host, int index) {
        return planner.plan(host, index);
    }

    /** {@code http://site-N.sim:PORT} (no port if it is 80). */
    String origin(int host) {
        return "http://" + authority(host);
    }

    /** {@code site-N.sim:PORT} (no port if it is 80). */
    String authority(int host) {
        return port == 80 ? hostName(host) : hostName(host) + ":" + port;
    }

    private String location(int host, String pathAndQuery, Resource.Redirect r) {
        int target = r.host() == 0 ? host : r.host();
        return switch (r.form()) {
            case ABSOLUTE -> origin(target) + r.location();
            case ROOT_RELATIVE -> r.location();
            case DOT_RELATIVE -> {
                int q = pathAndQuery.indexOf('?');
                String path = q >= 0 ? pathAndQuery.substring(0, q) : pathAndQuery;
                long slashes = path.chars().filter(ch -> ch == '/').count();
                yield "../".repeat((int) slashes - 1) + r.location().substring(1);
            }
        };
    }

    private static SimResponse html(int status, byte[] body) {
        return new SimResponse(status, Map.of("Content-Type", HTML), body);
    }

    private int requireHost(String hostName) {
        int n = hostNumber(hostName);
        if (n < 0) {
            throw new IllegalArgumentException("not a host of this simulated web: '" + hostName + "'");
        }
        return n;
    }

    private void checkHost(int number) {
        if (number < 1 || number > config.hosts()) {
            throw new IllegalArgumentException("host number must be 1.." + config.hosts() + ", was " + number);
        }
    }
}
