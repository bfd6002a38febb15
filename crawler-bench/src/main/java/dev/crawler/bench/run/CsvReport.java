package dev.crawler.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes one CSV row per run (RFC 4180 quoting), with the header of {@link RunFields#NAMES}. */
final class CsvReport {

    private CsvReport() {
    }

    static void write(BenchReport report, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", RunFields.NAMES));
        for (RunResult r : report.runs()) {
            Map<String, Object> fields = RunFields.of(report, r);
            lines.add(String.join(",", fields.values().stream().map(CsvReport::cell).toList()));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        String s = value.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
