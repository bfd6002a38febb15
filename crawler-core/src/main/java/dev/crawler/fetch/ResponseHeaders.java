package dev.crawler.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Response headers in arrival order; names compare case-insensitively. */
public record ResponseHeaders(List<Map.Entry<String, String>> entries) {

    public ResponseHeaders {
        entries = List.copyOf(entries);
    }

    public static ResponseHeaders empty() {
        return new ResponseHeaders(List.of());
    }

    /** The first value of {@code name}, if present. */
    public Optional<String> first(String name) {
        for (Map.Entry<String, String> e : entries) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** Every value of {@code name}, in order. */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : entries) {
            if (e.getKey().equalsIgnoreCase(name)) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    /** The media type of Content-Type without parameters, lower-cased, if present. */
    public Optional<String> mediaType() {
        return first("Content-Type").map(v -> {
            int semi = v.indexOf(';');
            return (semi >= 0 ? v.substring(0, semi) : v).trim().toLowerCase(Locale.ROOT);
        });
    }
}
