package dev.crawler.engine;

import dev.crawler.CrawlConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The settings that decide which URLs a crawl follows, as text by name ({@code scope: host}):
 * what a resumed crawl compares with the run before it, and what the nodes of a crawl on a
 * cluster must agree on. Public for the cluster module; not API.
 */
public final class CrawlSettings {

    private CrawlSettings() {
    }

    /** The settings of {@code config} that decide what is crawled. */
    public static Map<String, String> of(CrawlConfig config) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("scope", config.scope().toString().toLowerCase(Locale.ROOT));
        s.put("maxDepth", config.maxDepth() < 0 ? "unlimited" : String.valueOf(config.maxDepth()));
        s.put("include", config.filter().include().toString());
        s.put("exclude", config.filter().exclude().toString());
        s.put("robots", String.valueOf(config.respectRobots()));
        s.put("robotsAgent", config.robotsAgent());
        return s;
    }

    /**
     * The settings whose value differs, as {@code name: before -> now}, in {@code now}'s order;
     * a setting that only one side has is left out (a state written before it existed).
     */
    public static List<String> changes(Map<String, String> before, Map<String, String> now) {
        List<String> out = new ArrayList<>();
        now.forEach((name, value) -> {
            String old = before.get(name);
            if (old != null && !old.equals(value)) {
                out.add(name + ": " + old + " -> " + value);
            }
        });
        return out;
    }

    /**
     * Every difference, by name: a value changed ({@code name: before -> now}), or a setting only
     * one side has ({@code (none)} on the other).
     */
    public static List<String> differences(Map<String, String> before, Map<String, String> now) {
        List<String> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(now.keySet());
        for (String name : names) {
            String old = before.getOrDefault(name, "(none)");
            String value = now.getOrDefault(name, "(none)");
            if (!old.equals(value)) {
                out.add(name + ": " + old + " -> " + value);
            }
        }
        return out;
    }
}
