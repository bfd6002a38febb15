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
        crawl.put("rounds", plan.rounds());
        ArrayNode runs = root.putArray("runs");
        for (RunResult r : report.runs()) {
            ObjectNode run = runs.addObject();
            RunFields.of(report, r).forEach((k, v) -> run.set(k, json.valueToTree(v)));
            ArrayNode series = run.putArray("series");
            r.m().series().forEach(s -> series.addArray().add(s.seconds()).add(s.pages()));
        }
        root.set("summary", summary(report, json));
        report.simWarmup().ifPresentOrElse(w -> {
            ObjectNode o = root.putObject("sim_warmup");
            o.put("mode", w.mode().label());
            o.put("concurrency", w.concurrency());
            o.put("limit_s", w.limitSeconds());
            o.put("pages", w.pages());
            o.put("wall_s", w.wallSeconds());
            o.put("server_cpu_s", w.serverCpuSeconds());
            o.put("failure", w.failure());
        }, () -> root.putNull("sim_warmup"));
        report.wrk().ifPresentOrElse(w -> root.set("wrk", json.valueToTree(w)), () -> root.putNull("wrk"));
        ArrayNode wget2 = root.putArray("wget2");
        report.wget2().forEach(w -> wget2.add(json.valueToTree(w)));
        ArrayNode targets = root.putArray("targets");
        for (TargetResult t : report.targets()) {
            targets.addObject().put("target", t.target()).put("measured", t.measured()).put("verdict", t.verdict());
        }
        return root;
    }

    /**
     * One entry per mode and concurrency level: the figures the modes are compared by over every
     * round ({@link ModeSummary}), each run's figure in the order they ran beside the median.
     */
    static ArrayNode summary(BenchReport report, ObjectMapper json) {
        ArrayNode out = json.createArrayNode();
        for (ModeSummary s : report.summaries()) {
            ObjectNode o = out.addObject();
            o.put("mode", s.mode().label());
            o.put("concurrency", s.concurrency());
            o.put("status", s.status().label());
            o.put("runs", s.size());
            ArrayNode rounds = o.putArray("rounds");
            s.runs().forEach(r -> rounds.add(r.round()));
            o.put("statistic", s.size() == 1 ? "the one run" : s.size() % 2 == 0
                    ? "median (mean of the two middle runs)" : "median");
            figure(o, "pages_per_s", s, s.pagesPerSecond(), RunResult::pagesPerSecond);
            if (s.counts()) {
                o.put("pages_per_s_spread", s.pagesPerSecondSpread());
            } else {
                o.putNull("pages_per_s_spread");
            }
            figure(o, "steady_pages_per_s", s, s.steadyPagesPerSecond(), RunResult::steadyPagesPerSecond);
            report.speedup(s).ifPresentOrElse(v -> o.put("speedup_vs_sync", v), () -> o.putNull("speedup_vs_sync"));
            figure(o, "cpu_ms_per_page", s, s.cpuMillisPerPage(), RunResult::cpuMillisPerPage);
            figure(o, "latency_p50_ms", s, s.p50Millis(), r -> r.latency().p50Millis() < 0 ? Double.NaN
                    : r.latency().p50Millis());
            figure(o, "latency_p99_ms", s, s.p99Millis(), r -> r.latency().p99Millis() < 0 ? Double.NaN
                    : r.latency().p99Millis());
            figure(o, "wall_s", s, s.wallSeconds(), r -> r.m().wallSeconds());
            figure(o, "server_requests_per_s", s, s.serverRequestsPerSecond(), RunResult::serverRequestsPerSecond);
            o.put("max_peak_heap_bytes", s.peakHeapBytes());
            o.put("max_peak_threads", s.peakThreads());
            o.put("min_peak_in_flight", s.peakInFlight());
            o.put("min_server_peak_connections", s.simPeakConnections());
        }
        return out;
    }

    /**
     * {@code name}: the summary's figure (null when the mode does not count, or there is none),
     * and {@code name_by_run}: each run's, in the order they ran (null where a run has none).
     */
    private static void figure(ObjectNode o, String name, ModeSummary s, double value,
            java.util.function.ToDoubleFunction<RunResult> each) {
        if (s.counts() && !Double.isNaN(value)) {
            o.put(name, value);
        } else {
            o.putNull(name);
        }
        ArrayNode runs = o.putArray(name + "_by_run");
        for (RunResult r : s.runs()) {
            double v = each.applyAsDouble(r);
            if (r.counts() && !Double.isNaN(v)) {
                runs.add(v);
            } else {
                runs.addNull();
            }
        }
    }
}
