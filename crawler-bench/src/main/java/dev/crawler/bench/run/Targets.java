package dev.crawler.bench.run;

import dev.crawler.net.Transport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The targets of the issue for each preset, checked against the runs of a bench. "Async" is the
 * default async mode ({@code async/epoll} on Linux). A target whose runs are missing, or failed,
 * is "not measured" or missed, never met. Each mode is judged by its {@link ModeSummary}: with
 * several rounds, by the median of its runs (the most heap and threads and the least in flight of
 * any run, for the limits), and a mode that failed in any round misses.
 *
 * <ul>
 * <li>seed: async finishes in at most 1.15 x the latency, and at least 16 x faster than sync;
 * <li>scale: async reaches at least 90% of min(hosts x per-host, concurrency) / latency, judged on
 *     the whole run's rate (the steady rate between 10% and 90% of the pages is shown beside it);
 * <li>throughput: async reaches at least 40% of wrk's request rate on the same web, and at least
 *     wget2's pages/s on the same web in the same bench (both rates as the server counts requests);
 * <li>c10k: at 10,000, async holds 10,000 requests in flight with at most 512 MB of heap, and no
 *     more threads than at 10 (event loops plus a fixed pool, whatever the connections).
 * </ul>
 */
final class Targets {

    static final double SEED_LATENCY_FACTOR = 1.15;
    static final double SEED_SPEEDUP = 16;
    static final double SCALE_SHARE = 0.90;
    static final double THROUGHPUT_SHARE = 0.40;
    static final double THROUGHPUT_VS_WGET2 = 1.0;
    /** The goal beyond the issue, shown beside the measure. */
    static final double THROUGHPUT_VS_WGET2_GOAL = 3.0;
    static final long C10K_HEAP_BYTES = 512L << 20;
    static final int C10K_CONNECTIONS = 10_000;

    private Targets() {
    }

    /** The mode the issue calls "async": the platform's default transport. */
    static BenchMode defaultAsync() {
        return Transport.defaultForPlatform() == Transport.EPOLL ? BenchMode.ASYNC_EPOLL : BenchMode.ASYNC_NIO;
    }

    /**
     * The targets of {@code plan}'s preset against its runs; {@code wrk} (may be null) and
     * {@code wget2} (may be empty) are the reference tools' results on the same web.
     */
    static List<TargetResult> check(BenchPlan plan, List<RunResult> allRuns, WrkResult wrk, List<Wget2Result> wget2) {
        List<ModeSummary> runs = ModeSummary.of(allRuns);
        return switch (plan.preset()) {
            case SEED -> seed(plan, runs);
            case SCALE -> scale(plan, runs);
            case THROUGHPUT -> List.of(throughput(runs, wrk), throughputVsWget2(runs, wget2));
            case C10K -> c10k(runs);
        };
    }

    private static List<TargetResult> seed(BenchPlan plan, List<ModeSummary> runs) {
        List<TargetResult> out = new ArrayList<>();
        double latency = plan.web().latency().toNanos() / 1e9;
        double limit = SEED_LATENCY_FACTOR * latency;
        String t1 = "async finishes in <= " + SEED_LATENCY_FACTOR + " x the latency (" + fmt(limit) + " s)";
        Optional<ModeSummary> async = find(runs, defaultAsync());
        out.add(async.filter(ModeSummary::counts)
                .map(r -> new TargetResult(t1, fmt(r.wallSeconds()) + " s (" + fmt(r.wallSeconds() / latency)
                        + " x latency" + each("; ", r, x -> x.m().wallSeconds(), "s") + ")",
                        r.status() == RunVerdict.Status.OK && r.wallSeconds() <= limit))
                .orElse(missing(t1, async)));
        String t2 = "async at least " + (int) SEED_SPEEDUP + " x faster than sync";
        Optional<ModeSummary> sync = find(runs, BenchMode.SYNC);
        if (async.filter(ModeSummary::counts).isPresent() && sync.filter(ModeSummary::counts).isPresent()) {
            double speedup = async.get().pagesPerSecond() / sync.get().pagesPerSecond();
            out.add(new TargetResult(t2, fmt(speedup) + " x (sync " + fmt(sync.get().wallSeconds()) + " s, async "
                    + fmt(async.get().wallSeconds()) + " s" + (async.get().size() > 1 ? ", medians" : "") + ")",
                    speedup >= SEED_SPEEDUP));
        } else {
            out.add(missing(t2, async.filter(ModeSummary::counts).isPresent() ? sync : async));
        }
        return out;
    }

    private static List<TargetResult> scale(BenchPlan plan, List<ModeSummary> runs) {
        Optional<ModeSummary> async = find(runs, defaultAsync());
        int concurrency = async.map(ModeSummary::concurrency).orElse(plan.concurrencies().get(0));
        double ideal = plan.idealRate(concurrency);
        String t = "async reaches >= " + pct(SCALE_SHARE) + " of min(hosts x per-host, concurrency) / latency = "
                + fmt(ideal) + " pages/s";
        return List.of(async.filter(ModeSummary::counts)
                .map(r -> new TargetResult(t, fmt(r.pagesPerSecond()) + " pages/s over the whole run = "
                        + pct(r.pagesPerSecond() / ideal) + " of ideal (steady, between 10% and 90% of the pages: "
                        + fmt(r.steadyPagesPerSecond()) + " pages/s = " + pct(r.steadyPagesPerSecond() / ideal)
                        + each("; whole run, ", r, RunResult::pagesPerSecond, "pages/s") + ")",
                        r.pagesPerSecond() >= SCALE_SHARE * ideal))
                .orElse(missing(t, async)));
    }

    private static TargetResult throughput(List<ModeSummary> runs, WrkResult wrk) {
        Optional<ModeSummary> async = find(runs, defaultAsync());
        String t = "async reaches >= " + pct(THROUGHPUT_SHARE) + " of wrk's request rate on the same web";
        if (async.filter(ModeSummary::counts).isEmpty()) {
            return missing(t, async);
        }
        ModeSummary r = async.get();
        String cpu = ", " + fmt(r.cpuMillisPerPage()) + " CPU ms per page" + (r.size() > 1 ? " (median)" : "");
        String rate = fmt(r.pagesPerSecond()) + " pages/s" + each(" (", r, RunResult::pagesPerSecond, "pages/s)");
        if (wrk == null || !wrk.ran()) {
            return new TargetResult(t, rate + "; wrk not measured (" + (wrk == null ? "off" : wrk.note()) + ")" + cpu,
                    null);
        }
        double share = r.pagesPerSecond() / wrk.requestsPerSecond();
        return new TargetResult(t, rate + " vs wrk " + fmt(wrk.requestsPerSecond()) + " requests/s = " + pct(share) + cpu,
                share >= THROUGHPUT_SHARE);
    }

    /**
     * Async against wget2 at the same concurrency (or, in a sweep without one, the first wget2 run
     * that counts), both as requests the server answered per second of the run, so that what
     * each tool does with robots.txt, redirects and nofollow links weighs the same.
     */
    private static TargetResult throughputVsWget2(List<ModeSummary> runs, List<Wget2Result> wget2) {
        Optional<ModeSummary> async = find(runs, defaultAsync());
        String t = "async reaches >= wget2's pages/s on the same web (goal beyond the issue: "
                + (int) THROUGHPUT_VS_WGET2_GOAL + " x)";
        if (async.filter(ModeSummary::counts).isEmpty()) {
            return missing(t, async);
        }
        ModeSummary r = async.get();
        Optional<Wget2Result> w = wget2.stream().filter(x -> x.counts() && x.threads() == r.concurrency()).findFirst()
                .or(() -> wget2.stream().filter(Wget2Result::counts).findFirst());
        String ours = fmt(r.serverRequestsPerSecond()) + " requests/s served to async (" + fmt(r.pagesPerSecond())
                + " pages/s by its own count" + each("; ", r, RunResult::serverRequestsPerSecond, "requests/s served")
                + ")";
        if (w.isEmpty()) {
            String why = wget2.isEmpty() ? "off" : wget2.getFirst().status() + ": " + wget2.getFirst().note();
            return new TargetResult(t, ours + "; wget2 not measured (" + why + ")", null);
        }
        double ratio = r.serverRequestsPerSecond() / w.get().pagesPerSecond();
        return new TargetResult(t, ours + " vs " + fmt(w.get().pagesPerSecond()) + " served to wget2 at "
                + w.get().threads() + " threads = " + fmt(ratio) + " x", ratio >= THROUGHPUT_VS_WGET2);
    }

    private static List<TargetResult> c10k(List<ModeSummary> runs) {
        List<TargetResult> out = new ArrayList<>();
        BenchMode mode = defaultAsync();
        Optional<ModeSummary> top = runs.stream().filter(r -> r.mode() == mode && r.concurrency() == C10K_CONNECTIONS)
                .findFirst();
        Optional<ModeSummary> low = runs.stream().filter(r -> r.mode() == mode)
                .min(Comparator.comparingInt(ModeSummary::concurrency));
        String t1 = "async holds " + C10K_CONNECTIONS + " requests in flight at once";
        String every = top.filter(r -> r.size() > 1).map(r -> " (the least of " + r.size() + " runs)").orElse("");
        out.add(top.filter(ModeSummary::counts).map(r -> new TargetResult(t1, "peak " + r.peakInFlight()
                + " in flight, " + r.simPeakConnections() + " connections open at the server" + every,
                r.peakInFlight() >= C10K_CONNECTIONS)).orElse(missing(t1, top)));
        String t2 = "... with at most 512 MB of heap";
        String most = top.filter(r -> r.size() > 1).map(r -> ", the most of " + r.size() + " runs").orElse("");
        out.add(top.filter(ModeSummary::counts).map(r -> new TargetResult(t2, "peak heap in use "
                + (r.peakHeapBytes() >> 20) + " MB (JVM limit -Xmx set by --heap" + most + ")",
                r.peakHeapBytes() <= C10K_HEAP_BYTES)).orElse(missing(t2, top)));
        String t3 = "... and no more threads than event loops plus a small fixed pool";
        if (top.filter(ModeSummary::counts).isPresent() && low.filter(ModeSummary::counts).isPresent()
                && low.get() != top.get()) {
            int at = top.get().peakThreads();
            int base = low.get().peakThreads();
            out.add(new TargetResult(t3, at + " Java threads at " + C10K_CONNECTIONS + " vs " + base + " at "
                    + low.get().concurrency() + " (1 event loop, max(2, cores) page workers, the sampler and"
                    + " the JVM's own threads" + most + ")", at <= base + 2));
        } else if (top.filter(ModeSummary::counts).isPresent()) {
            out.add(new TargetResult(t3, top.get().peakThreads() + " Java threads at " + C10K_CONNECTIONS
                    + "; a run at a lower concurrency is needed to compare", null));
        } else {
            out.add(missing(t3, top));
        }
        return out;
    }

    private static Optional<ModeSummary> find(List<ModeSummary> runs, BenchMode mode) {
        return runs.stream().filter(r -> r.mode() == mode).findFirst();
    }

    /** The mode's failed run (the first, and its round when there are several), or that it was not run. */
    private static TargetResult missing(String target, Optional<ModeSummary> summary) {
        return summary.map(s -> {
            RunResult r = s.firstFailed().orElse(s.runs().getFirst());
            return new TargetResult(target, r.mode().label() + " run " + (s.size() > 1 ? "of round " + r.round() + " " : "")
                    + r.verdict().status().label() + ": " + r.verdict().detail(), false);
        }).orElse(new TargetResult(target, "the run it needs was not part of this bench", null));
    }

    /**
     * With several runs, {@code before} and each run's {@code value} in the order they ran, such as
     * {@code "; median of 2 runs: 1300 and 1380 pages/s"}; nothing for one run.
     */
    static String each(String before, ModeSummary s, ToDoubleFunction<RunResult> value, String unit) {
        if (s.size() == 1) {
            return "";
        }
        List<String> values = s.each(value).stream().map(Targets::fmt).toList();
        return before + "median of " + s.size() + " runs: " + String.join(", ", values.subList(0, values.size() - 1))
                + " and " + values.getLast() + " " + unit;
    }

    static String fmt(double v) {
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    static String pct(double share) {
        if (Double.isNaN(share)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
