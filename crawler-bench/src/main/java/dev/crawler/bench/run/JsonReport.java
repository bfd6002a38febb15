package dev.crawler.bench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the whole bench as one JSON document: machine and date, the web and crawl settings, every
 * run with the fields of {@link RunFields} plus its pages-over-time series, wrk, wget2, and the targets.
 */
final class JsonReport {

    private JsonReport() {
    }

    static void write(BenchReport report, Path file) throws IOException {
        ObjectMapper json = BenchJson.mapper();
        json.writeValue(file.toFile(), tree(report, json));
    }

    static ObjectNode tree(BenchReport report, ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        BenchPlan plan = report.plan();
        root.put("preset", plan.preset().label());
        root.set("machine", json.valueToTree(report.machine()));
        ObjectNode web = root.putObject("web");
        web.put("hosts", plan.web().hosts());
        web.put("pages_per_host", plan.web().pagesPerHost());
        web.put("links_per_page", plan.web().linksPerPage());
        web.put("latency_ms", plan.web().latency().toMillis());
        web.put("page_bytes", plan.web().pageBytes());
        web.put("seed", plan.web().seed());
        web.put("host_naming", plan.web().hostNaming().name().toLowerCase(java.util.Locale.ROOT));
        web.put("server_transport", report.simTransport());
        web.put("ground_truth_urls", report.groundTruthUrls());
        ObjectNode crawl = root.putObject("crawl");
        crawl.put("per_host_connections", plan.crawl().perHostConnections());
        crawl.put("delay_ms", plan.crawl().delay().toMillis());
        crawl.put("keep_alive", plan.crawl().keepAlive());
        crawl.put("robots", plan.crawl().respectRobots());
        crawl.put("seeds_only", plan.crawl().seedsOnly());
        crawl.put("budget_s", plan.budget().toSeconds());
        crawl.put("heap_mb", plan.heapBytes() >> 20);
        ArrayNode runs = root.putArray("runs");
        for (RunResult r : report.runs()) {
            ObjectNode run = runs.addObject();
            RunFields.of(report, r).forEach((k, v) -> run.set(k, json.valueToTree(v)));
            ArrayNode series = run.putArray("series");
            r.m().series().forEach(s -> series.addArray().add(s.seconds()).add(s.pages()));
        }
        report.wrk().ifPresentOrElse(w -> root.set("wrk", json.valueToTree(w)), () -> root.putNull("wrk"));
        ArrayNode wget2 = root.putArray("wget2");
        report.wget2().forEach(w -> wget2.add(json.valueToTree(w)));
        ArrayNode targets = root.putArray("targets");
        for (TargetResult t : report.targets()) {
            targets.addObject().put("target", t.target()).put("measured", t.measured()).put("verdict", t.verdict());
        }
        return root;
    }
}
