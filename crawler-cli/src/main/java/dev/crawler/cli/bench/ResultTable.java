package dev.crawler.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The bench's table for people: one row per run, columns aligned, numbers rounded for reading.
 * A failed run shows its status and no rate.
 */
final class ResultTable {

    private record Column(String header, boolean left, Function<RunResult, String> value) {
    }

    private final BenchReport report;
    private final List<Column> columns = new ArrayList<>();

    ResultTable(BenchReport report) {
        this.report = report;
        columns.add(new Column("mode", true, r -> r.mode().label()));
        if (report.plan().sweep()) {
            columns.add(new Column("conc", false, r -> String.valueOf(r.concurrency())));
        }
        columns.add(new Column("result", true, r -> r.verdict().status().label()));
        columns.add(new Column("pages", false, r -> String.valueOf(r.m().pages())));
        columns.add(new Column("wall s", false, r -> num(r.m().wallSeconds())));
        columns.add(new Column("pages/s", false, r -> r.counts() ? num(r.pagesPerSecond()) : "-"));
        columns.add(new Column("steady/s", false, r -> r.counts() && !Double.isNaN(r.steadyPagesPerSecond())
                ? num(r.steadyPagesPerSecond()) : "-"));
        columns.add(new Column("x sync", false, r -> report.speedup(r).map(ResultTable::num).orElse("-")));
        columns.add(new Column("CPU s", false, r -> num(r.m().cpuSeconds())));
        columns.add(new Column("CPU ms/page", false, r -> num(r.cpuMillisPerPage())));
        columns.add(new Column("heap MB", false, r -> mb(r.m().peakHeapBytes())));
        columns.add(new Column("RSS MB", false, r -> mb(r.m().peakRssBytes())));
        columns.add(new Column("threads", false, r -> String.valueOf(r.m().peakThreads())));
        columns.add(new Column("in flight", false, r -> String.valueOf(r.m().peakInFlight())));
        columns.add(new Column("p50 ms", false, r -> ms(r.latency().p50Millis())));
        columns.add(new Column("p99 ms", false, r -> ms(r.latency().p99Millis())));
        columns.add(new Column("server CPU s", false, r -> num(r.simCpuSeconds())));
    }

    /** The table, one line per run after a header and a rule. */
    List<String> lines() {
        List<List<String>> cells = new ArrayList<>();
        cells.add(columns.stream().map(Column::header).toList());
        for (RunResult r : report.runs()) {
            cells.add(columns.stream().map(c -> c.value().apply(r)).toList());
        }
        return align(cells, columns.stream().map(Column::left).toList());
    }

    /**
     * Rows of cells as aligned text: the first row is the header, followed by a rule; a column is
     * padded on the right where {@code left} says so, else on the left (numbers).
     */
    static List<String> align(List<List<String>> cells, List<Boolean> left) {
        int[] widths = new int[left.size()];
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> out = new ArrayList<>();
        for (int n = 0; n < cells.size(); n++) {
            out.add(row(cells.get(n), widths, left));
            if (n == 0) {
                out.add("-".repeat(out.get(0).length()));
            }
        }
        return out;
    }

    /** The same table in Markdown, for the README. */
    List<String> markdown() {
        List<String> out = new ArrayList<>();
        out.add("| " + String.join(" | ", columns.stream().map(Column::header).toList()) + " |");
        out.add("|" + String.join("|", columns.stream().map(c -> c.left() ? " --- " : " ---: ").toList()) + "|");
        for (RunResult r : report.runs()) {
            out.add("| " + String.join(" | ", columns.stream().map(c -> c.value().apply(r)).toList()) + " |");
        }
        return out;
    }

    private static String row(List<String> values, int[] widths, List<Boolean> left) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            String pad = " ".repeat(widths[i] - v.length());
            sb.append(i == 0 ? "" : "  ").append(left.get(i) ? v + pad : pad + v);
        }
        return sb.toString().stripTrailing();
    }

    static String num(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
    }

    static String mb(long bytes) {
        return bytes < 0 ? "-" : String.valueOf(Math.round(bytes / 1048576.0));
    }

    private static String ms(long millis) {
        return millis < 0 ? "-" : String.valueOf(millis);
    }
}
