package dev.crawler.cli;

import dev.crawler.sim.hostile.ChaosWeb;
import dev.crawler.sim.hostile.HostileCase;
import dev.crawler.sim.hostile.HostileWeb;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * The hostile presets of {@code crawler sim}: {@code hostile} (one site with every known bad
 * behaviour) and {@code chaos} (bad behaviours drawn at random over many hosts from {@code --seed}).
 */
final class HostileSims {

    /** Where the hostile webs listen. */
    static final String ADDRESS = "127.0.1.1";
    /** Hosts and pages of the chaos web when the options do not say. */
    static final int CHAOS_HOSTS = 6;
    static final int CHAOS_PAGES = 25;

    /** A running hostile web, whichever preset made it. */
    record Served(AutoCloseable web, String description, List<String> seeds, Map<String, String> resolve,
            List<HostileCase> cases) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            web.close();
        }
    }

    private HostileSims() {
    }

    static boolean names(String preset) {
        return "hostile".equals(preset) || "chaos".equals(preset);
    }

    /** Starts the web {@code sim.preset} names, on {@code port}. */
    static Served start(SimOptions sim, int port) throws IOException {
        InetAddress address = InetAddress.getByName(ADDRESS);
        if (sim.pageOptions.any()) {
            throw new IllegalArgumentException("the page options (--page-profile, --page-bytes-range, ...) do not apply"
                    + " to --preset " + sim.preset + ": its pages are its cases");
        }
        if ("hostile".equals(sim.preset)) {
            if (sim.hosts != null || sim.pages != null || sim.seed != null) {
                throw new IllegalArgumentException("--hosts, --pages and --seed do not apply to --preset hostile;"
                        + " use --preset chaos for a web drawn from a seed");
            }
            HostileWeb web = HostileWeb.start(address, port);
            return new Served(web, "hostile web: " + HostileWeb.MAIN_HOST + " links every case (" + count(web.cases())
                    + " hostile URLs) with a canary page after each, " + (web.resolveMap().size() - 1)
                    + " helper hosts, on " + ADDRESS + " port " + web.port(), List.of(web.seed()), web.resolveMap(),
                    web.cases());
        }
        long seed = sim.seed == null ? 1 : sim.seed;
        int hosts = sim.hosts == null ? CHAOS_HOSTS : sim.hosts;
        int pages = sim.pages == null ? CHAOS_PAGES : sim.pages;
        ChaosWeb web = ChaosWeb.start(seed, hosts, pages, address, port);
        return new Served(web, "chaos web, seed " + seed + ": " + hosts + " hosts x " + pages + " pages, "
                + count(web.cases()) + " of them hostile, on " + ADDRESS + " port " + web.port(), web.seeds(),
                web.resolveMap(), web.cases());
    }

    private static long count(List<HostileCase> cases) {
        return cases.stream().filter(c -> c.kind() != HostileCase.Kind.CANARY).count();
    }

    /** The crawl options a user would give one bad site, and the names resolved to the web. */
    static String crawlOptions(Map<String, String> resolve) {
        StringBuilder sb = new StringBuilder("--allow-net 127.0.0.0/8 --scope any --delay 50ms --per-host-connections 2"
                + " --first-byte-timeout 2s --min-transfer-rate 1KB --transfer-rate-window 2s --retry-delay 200ms"
                + " --max-backoff 3s");
        resolve.forEach((host, ip) -> sb.append(" --resolve ").append(host).append('=').append(ip));
        return sb.toString();
    }

    /** One line per URL: its kind, its behaviour, the outcome a correct crawl records, and the URL. */
    static List<String> expectations(List<HostileCase> cases) {
        return cases.stream().map(c -> c.kind().name().toLowerCase(java.util.Locale.ROOT) + "\t" + c.behaviour()
                + "\t" + c.expected() + "\t" + c.url()).toList();
    }
}
