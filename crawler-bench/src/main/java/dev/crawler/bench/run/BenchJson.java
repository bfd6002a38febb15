package dev.crawler.bench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The one JSON setup of the bench: records as objects, indented output. */
final class BenchJson {

    private BenchJson() {
    }

    static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Writes a preset's report as {@code dir/LABEL.md} and {@code dir/LABEL.json}, and says so on {@code out}. */
    static void writeReport(Path dir, String label, List<String> markdown, Map<String, Object> json, PrintWriter out)
            throws IOException {
        Files.write(dir.resolve(label + ".md"), markdown, StandardCharsets.UTF_8);
        mapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve(label + ".json").toFile(), json);
        out.println("written: " + dir.resolve(label + ".md") + ", " + dir.resolve(label + ".json"));
        out.flush();
    }
}
