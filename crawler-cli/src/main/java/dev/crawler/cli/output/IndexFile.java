package dev.crawler.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads a crawl's {@code index.jsonl} back, for the summary and the demo's verification. */
public final class IndexFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IndexFile() {
    }

    /** Every line of {@code index}; a line that is not JSON with a {@code url} is an {@link IOException}. */
    public static List<IndexLine> read(Path index) throws IOException {
        List<IndexLine> lines = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                if (!line.isBlank()) {
                    lines.add(parse(line, index, n));
                }
            }
        }
        return lines;
    }

    private static IndexLine parse(String line, Path index, int n) throws IOException {
        JsonNode node = JSON.readTree(line);
        if (node == null || !node.hasNonNull("url")) {
            throw new IOException(index + ":" + n + ": not an index line (no url)");
        }
        return new IndexLine(node.get("url").asText(),
                node.hasNonNull("status") ? Optional.of(node.get("status").asInt()) : Optional.empty(),
                text(node, "error"), text(node, "file"));
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }

    /** Errors other than robots.txt refusals ({@code robots_denied}), counted by code, such as {@code connect_timeout -> 3}. */
    public static Map<String, Long> errorsByKind(List<IndexLine> lines) {
        Map<String, Long> counts = new TreeMap<>();
        for (IndexLine l : lines) {
            l.errorCode().filter(code -> !code.equals("robots_denied")).ifPresent(code -> counts.merge(code, 1L, Long::sum));
        }
        return counts;
    }
}
