package dev.crawler.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crawler.io.MoveIntoPlace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code crawl.json} in the state directory: what a crawl was started with (its seeds and the
 * settings that decide which URLs it follows), and how many runs it took. Read when the crawl
 * resumes, to keep the seeds (the scope is relative to their hosts) and to tell the user which
 * settings changed. Written whole to a temporary file and renamed, so it is never torn.
 *
 * @param seeds every seed of every run so far
 * @param settings the settings that shape the crawl, as text, by name ({@code scope: host})
 * @param runs runs so far, this one included
 * @param started when the first run started
 */
record CrawlState(List<String> seeds, Map<String, String> settings, int runs, Instant started) {

    static final String FILE = "crawl.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    CrawlState {
        seeds = List.copyOf(seeds);
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    static Optional<CrawlState> read(Path stateDir) throws IOException {
        Path file = stateDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode root = JSON.readTree(file.toFile());
        List<String> seeds = new ArrayList<>();
        root.path("seeds").forEach(n -> seeds.add(n.asText()));
        Map<String, String> settings = new LinkedHashMap<>();
        root.path("settings").properties().forEach(e -> settings.put(e.getKey(), e.getValue().asText()));
        Instant started = root.hasNonNull("started") ? Instant.parse(root.get("started").asText()) : Instant.now();
        return Optional.of(new CrawlState(seeds, settings, root.path("runs").asInt(0), started));
    }

    void write(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        ObjectNode root = JSON.createObjectNode();
        ArrayNode s = root.putArray("seeds");
        seeds.forEach(s::add);
        ObjectNode set = root.putObject("settings");
        settings.forEach(set::put);
        root.put("runs", runs);
        root.put("started", started.toString());
        Path temp = stateDir.resolve(FILE + ".tmp");
        Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        MoveIntoPlace.replace(temp, stateDir.resolve(FILE));
    }

    /** What differs in {@code now} from these settings, as {@code name: old -> new}. */
    List<String> changes(Map<String, String> now) {
        return CrawlSettings.changes(settings, now);
    }
}
