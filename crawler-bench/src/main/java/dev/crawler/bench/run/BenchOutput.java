package dev.crawler.bench.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything a bench leaves behind: the table and the targets on standard output, and in its
 * directory {@code <preset>.csv}, {@code <preset>.json}, {@code <preset>.md} (the table and the
 * targets in Markdown, as the README shows them) and {@code <preset>.png} (the chart).
 */
final class BenchOutput {

    private final BenchReport report;
    private final Path dir;

    BenchOutput(BenchReport report, Path dir) {
        this.report = report;
        this.dir = dir;
    }

    String baseName() {
        return report.plan().preset().label();
    }

    Path csv() {
        return dir.resolve(baseName() + ".csv");
    }

    Path json() {
        return dir.resolve(baseName() + ".json");
    }

    Path markdown() {
        return dir.resolve(baseName() + ".md");
    }

    Path chart() {
        return dir.resolve(baseName() + ".png");
    }

    /** Prints the table and the targets, writes every file, and says where they are. */
    void writeAll(PrintWriter out) throws IOException {
        ResultTable table = new ResultTable(report);
        out.println();
        out.println("machine: " + report.machine().describe());
        report.simWarmup().ifPresent(w -> out.println(w.describe()));
        table.lines().forEach(out::println);
        wget2Line().ifPresent(out::println);
        report.wrk().ifPresent(w -> out.println(wrkLine(w)));
        if (report.inRounds()) {
            out.println();
            out.println(roundsLine());
            table.summaryLines().forEach(out::println);
        }
        out.println();
        out.println("targets" + (report.inRounds() ? " (on the medians)" : "") + ":");
        for (TargetResult t : report.targets()) {
            out.println("  [" + t.verdict() + "] " + t.target() + ": " + t.measured());
        }
        report.runs().stream().filter(r -> !r.counts()).forEach(r ->
                out.println("  " + r.name(report.plan().sweep()) + (report.inRounds() ? " (round " + r.round() + ")" : "")
                        + " FAILED: " + r.verdict().detail()));
        CsvReport.write(report, csv());
        JsonReport.write(report, json());
        Files.write(markdown(), markdownLines(table), StandardCharsets.UTF_8);
        BenchChart.write(report, chart());
        out.println();
        out.println("written: " + csv() + ", " + json() + ", " + markdown() + ", " + chart());
        out.flush();
    }

    private List<String> markdownLines(ResultTable table) {
        List<String> lines = new ArrayList<>();
        lines.add("Machine: " + report.machine().describe() + ".");
        lines.add("");
        report.simWarmup().ifPresent(w -> {
            lines.add(w.describe());
            lines.add("");
        });
        lines.addAll(table.markdown());
        wget2Line().ifPresent(l -> {
            lines.add("");
            lines.add(l);
        });
        report.wrk().ifPresent(w -> {
            lines.add("");
            lines.add(wrkLine(w));
        });
        if (report.inRounds()) {
            lines.add("");
            lines.add(roundsLine());
            lines.add("");
            lines.addAll(table.summaryMarkdown());
        }
        lines.add("");
        lines.add("| target | measured | verdict |");
        lines.add("| --- | --- | --- |");
        for (TargetResult t : report.targets()) {
            lines.add("| " + t.target() + " | " + t.measured() + " | " + t.verdict() + " |");
        }
        return lines;
    }

    /** How the rounds ran and what the summary rows are. */
    String roundsLine() {
        int n = report.plan().rounds();
        return "By mode, over " + n + " rounds (round 1 in the order of --modes, round 2 reversed"
                + (n > 2 ? ", round 3 as round 1, and so on" : "") + ", so that no mode always runs first): the "
                + (n == 2 ? "median of the two runs, which is their mean" : n % 2 == 0
                        ? "median, the mean of the two middle runs" : "median")
                + "; by round, each run's figure, round 1 first; spread, (fastest - slowest) / median pages/s:"
                + " modes whose medians differ by less than their spread are not told apart by this bench. Heap and"
                + " threads are the most of any run.";
    }

    /** What wget2's row means, or why there is none; nothing when the plan did not ask for wget2. */
    private Optional<String> wget2Line() {
        if (report.wget2().isEmpty()) {
            return Optional.empty();
        }
        Wget2Result first = report.wget2().getFirst();
        if (first.status().equals("skipped")) {
            return Optional.of("wget2: " + first.note());
        }
        return Optional.of("wget2: pages are the requests the server answered during its run (robots.txt, redirects"
                + " and 404s included; " + first.files() + " files written), wall time and CPU from outside"
                + " (its start-up included); its command line is in " + baseName() + ".json");
    }

    private static String wrkLine(WrkResult w) {
        return w.ran()
                ? String.format(Locale.ROOT, "wrk: %s requests/s (%d requests in %.1f s, %d connections,"
                        + " %d threads; server CPU %.2f s)", ResultTable.num(w.requestsPerSecond()), w.requests(),
                        w.seconds(), w.connections(), w.threads(), w.simCpuSeconds())
                : "wrk: " + w.note();
    }
}
