package dev.crawler.bench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one JSON setup of the bench: records as objects, indented output. */
final class BenchJson {

    private BenchJson() {
    }

    static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * Writes a preset's report as {@code dir/LABEL.md} and {@code dir/LABEL.json} (the preset, the
     * machine, what it ran on as {@code subjectKey}, and its runs), and says so on {@code out}.
     */
    static void writeReport(Path dir, String label, List<String> markdown, MachineInfo machine, String subjectKey,
            Object subject, List<?> runs, PrintWriter out) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("preset", label);
        json.put("machine", machine);
        json.put(subjectKey, subject);
        json.put("runs", runs);
        Files.write(dir.resolve(label + ".md"), markdown, StandardCharsets.UTF_8);
        mapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve(label + ".json").toFile(), json);
        out.println("written: " + dir.resolve(label + ".md") + ", " + dir.resolve(label + ".json"));
        out.flush();
    }
}
