package dev.crawler.bench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The bench's table for people: one row per run, columns aligned, numbers rounded for reading.
 * A failed run shows its status and no rate. wget2's runs over the same web follow the modes, in
 * the columns it has figures for; its pages are the requests the server answered. A bench in
 * rounds adds a column for the round, and a second table ({@link #summaryLines()}): one row per
 * mode with the median of its runs and each run's figure beside it.
 */
final class ResultTable {

    /**
     * A column: its header, its side, its cell for a run of the crawler, and for a run of wget2
     * ("-" where wget2 has no such figure).
     */
    private record Column(String header, boolean left, Function<RunResult, String> value,
            Function<Wget2Result, String> wget2) {

        Column(String header, boolean left, Function<RunResult, String> value) {
            this(header, left, value, w -> "-");
        }
    }

    /** A column of the summary table: its header, its side, its cell for a mode's summary. */
    private record SummaryColumn(String header, boolean left, Function<ModeSummary, String> value) {
    }

    private final BenchReport report;
    private final List<Column> columns = new ArrayList<>();
    private final List<SummaryColumn> summaryColumns = new ArrayList<>();

    ResultTable(BenchReport report) {
        this.report = report;
        columns.add(new Column("mode", true, r -> r.mode().label(), w -> "wget2"));
        if (report.plan().sweep()) {
            columns.add(new Column("conc", false, r -> String.valueOf(r.concurrency()), w -> String.valueOf(w.threads())));
        }
        if (report.inRounds()) {
            // wget2 runs once, after every round: no round of its own
            columns.add(new Column("round", false, r -> String.valueOf(r.round()), w -> ""));
        }
        columns.add(new Column("result", true, r -> r.verdict().status().label(), Wget2Result::status));
        columns.add(new Column("pages", false, r -> String.valueOf(r.m().pages()), w -> String.valueOf(w.requests())));
        columns.add(new Column("wall s", false, r -> num(r.m().wallSeconds()), w -> num(w.wallSeconds())));
        columns.add(new Column("pages/s", false, r -> r.counts() ? num(r.pagesPerSecond()) : "-",
                w -> w.counts() ? num(w.pagesPerSecond()) : "-"));
        columns.add(new Column("steady/s", false, r -> r.counts() && !Double.isNaN(r.steadyPagesPerSecond())
                ? num(r.steadyPagesPerSecond()) : "-"));
        columns.add(new Column("x sync", false, r -> report.speedup(r).map(ResultTable::num).orElse("-")));
        columns.add(new Column("CPU s", false, r -> num(r.m().cpuSeconds()), w -> num(w.cpuSeconds())));
        columns.add(new Column("CPU ms/page", false, r -> num(r.cpuMillisPerPage()), w -> num(w.cpuMillisPerPage())));
        columns.add(new Column("heap MB", false, r -> mb(r.m().peakHeapBytes())));
        columns.add(new Column("RSS MB", false, r -> mb(r.m().peakRssBytes()), w -> mb(w.peakRssBytes())));
        columns.add(new Column("threads", false, r -> String.valueOf(r.m().peakThreads())));
        columns.add(new Column("in flight", false, r -> String.valueOf(r.m().peakInFlight())));
        columns.add(new Column("p50 ms", false, r -> ms(r.latency().p50Millis())));
        columns.add(new Column("p99 ms", false, r -> ms(r.latency().p99Millis())));
        columns.add(new Column("server CPU s", false, r -> num(r.simCpuSeconds()), w -> num(w.serverCpuSeconds())));

        summaryColumns.add(new SummaryColumn("mode", true, s -> s.mode().label()));
        if (report.plan().sweep()) {
            summaryColumns.add(new SummaryColumn("conc", false, s -> String.valueOf(s.concurrency())));
        }
        summaryColumns.add(new SummaryColumn("result", true, s -> s.status().label()));
        summaryColumns.add(new SummaryColumn("runs", false, s -> String.valueOf(s.size())));
        summaryColumns.add(new SummaryColumn("pages/s", false, s -> s.counts() ? num(s.pagesPerSecond()) : "-"));
        summaryColumns.add(new SummaryColumn("pages/s by round", false,
                s -> each(s, RunResult::pagesPerSecond, ResultTable::num)));
        summaryColumns.add(new SummaryColumn("spread", false, s -> s.counts()
                ? String.format(Locale.ROOT, "%.0f%%", 100 * s.pagesPerSecondSpread()) : "-"));
        summaryColumns.add(new SummaryColumn("x sync", false, s -> report.speedup(s).map(ResultTable::num).orElse("-")));
        summaryColumns.add(new SummaryColumn("CPU ms/page", false, s -> s.counts() ? num(s.cpuMillisPerPage()) : "-"));
        summaryColumns.add(new SummaryColumn("CPU ms/page by round", false,
                s -> each(s, RunResult::cpuMillisPerPage, ResultTable::num)));
        summaryColumns.add(new SummaryColumn("p50 ms", false, s -> s.counts() ? ms(s.p50Millis()) : "-"));
        summaryColumns.add(new SummaryColumn("p99 ms", false, s -> s.counts() ? ms(s.p99Millis()) : "-"));
        summaryColumns.add(new SummaryColumn("p99 ms by round", false,
                s -> each(s, r -> r.latency().p99Millis() < 0 ? Double.NaN : r.latency().p99Millis(), ResultTable::ms)));
        summaryColumns.add(new SummaryColumn("heap MB max", false, s -> mb(s.peakHeapBytes())));
        summaryColumns.add(new SummaryColumn("threads max", false, s -> String.valueOf(s.peakThreads())));
    }

    /**
     * The summary table, one line per mode (and concurrency level) after a header and a rule: the
     * median of its runs, each run's figure in the order of the rounds beside it.
     */
    List<String> summaryLines() {
        List<List<String>> cells = new ArrayList<>();
        cells.add(summaryColumns.stream().map(SummaryColumn::header).toList());
        cells.addAll(summaryRows());
        return align(cells, summaryColumns.stream().map(SummaryColumn::left).toList());
    }

    /** The summary table in Markdown. */
    List<String> summaryMarkdown() {
        return markdown(summaryColumns.stream().map(SummaryColumn::header).toList(),
                summaryColumns.stream().map(SummaryColumn::left).toList(), summaryRows());
    }

    private List<List<String>> summaryRows() {
        return report.summaries().stream().map(s -> summaryColumns.stream().map(c -> c.value().apply(s)).toList())
                .toList();
    }

    /** Each run's {@code value} in the order they ran, {@code 4789 / 4168}; "-" for a run that does not count. */
    private static String each(ModeSummary s, java.util.function.ToDoubleFunction<RunResult> value,
            java.util.function.DoubleFunction<String> format) {
        return String.join(" / ", s.runs().stream().map(r -> {
            double v = value.applyAsDouble(r);
            return r.counts() && !Double.isNaN(v) ? format.apply(v) : "-";
        }).toList());
    }

    /** The table, one line per run after a header and a rule. */
    List<String> lines() {
        List<List<String>> cells = new ArrayList<>();
        cells.add(columns.stream().map(Column::header).toList());
        cells.addAll(rows());
        return align(cells, columns.stream().map(Column::left).toList());
    }

    /** The cells of every run: the crawler's, then wget2's that ran. */
    private List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (RunResult r : report.runs()) {
            rows.add(columns.stream().map(c -> c.value().apply(r)).toList());
        }
        for (Wget2Result w : report.wget2()) {
            if (!w.status().equals("skipped")) {
                rows.add(columns.stream().map(c -> c.wget2().apply(w)).toList());
            }
        }
        return rows;
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
        return markdown(columns.stream().map(Column::header).toList(), columns.stream().map(Column::left).toList(),
                rows());
    }

    /** A table in Markdown: {@code left} says which columns align left (the others hold numbers). */
    static List<String> markdown(List<String> headers, List<Boolean> left, List<List<String>> rows) {
        List<String> out = new ArrayList<>();
        out.add("| " + String.join(" | ", headers) + " |");
        out.add("|" + String.join("|", left.stream().map(l -> l ? " --- " : " ---: ").toList()) + "|");
        for (List<String> row : rows) {
            out.add("| " + String.join(" | ", row) + " |");
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

    /** A median of whole milliseconds: whole, or with its half ({@code 1650.5}); "-" for none. */
    private static String ms(double millis) {
        if (Double.isNaN(millis) || millis < 0) {
            return "-";
        }
        return millis == Math.rint(millis) ? String.valueOf((long) millis) : String.format(Locale.ROOT, "%.1f", millis);
    }
}
