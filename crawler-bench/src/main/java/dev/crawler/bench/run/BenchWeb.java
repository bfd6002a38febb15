package dev.crawler.bench.run;

import dev.crawler.sim.GroundTruth;
import dev.crawler.sim.SimWeb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated web as the bench crawls it: its seeds, and the ground truth every run is judged
 * by. The model is pure, so it is computed here from the configuration and the port the server
 * process reported, without asking the server.
 *
 * @param web the model
 * @param seeds the seed URLs
 * @param truth what a correct crawl from those seeds fetches
 */
record BenchWeb(SimWeb web, List<String> seeds, GroundTruth truth) {

    /** The web as {@code crawl} crawls it: from every host root, or (seeds only) every page as a seed. */
    static BenchWeb of(SimWeb web, CrawlShape crawl) {
        if (!crawl.seedsOnly()) {
            return new BenchWeb(web, web.seedUrls(), web.groundTruth(web.seedUrls()));
        }
        List<String> seeds = new ArrayList<>();
        Map<String, Integer> status = new HashMap<>();
        for (String host : web.hostNames()) {
            for (int page = 0; page < web.config().pagesPerHost(); page++) {
                String path = page == 0 ? "/" : "/page/" + page;
                String url = web.url(host, path);
                seeds.add(url);
                status.put(url, web.respond(host, path).status());
            }
        }
        return new BenchWeb(web, seeds, new GroundTruth(status.keySet(), Set.of(), status));
    }

    /** Host name to loopback address, for the crawler's overrides. */
    Map<String, String> resolve() {
        return web.resolveMap();
    }
}
