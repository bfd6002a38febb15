package dev.crawler.cli.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The crawl settings someone gave, from a config file or the command line, keyed by {@link Key}.
 * A setting not given is absent (the crawler's own default applies). Immutable; layers combine
 * with {@link #overriddenBy(Settings)}.
 */
public final class Settings {

    private static final Settings EMPTY = new Settings(Map.of());

    private final Map<Key<?>, Object> values;

    private Settings(Map<Key<?>, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Settings empty() {
        return EMPTY;
    }

    /** This plus {@code key = value} (a single-valued key). */
    public <T> Settings with(Key<T> key, T value) {
        if (key.repeatable()) {
            throw new IllegalArgumentException(key + " is a list; use withList");
        }
        return put(key, value);
    }

    /** This plus {@code key = values} (a list key). */
    public <T> Settings withList(Key<T> key, List<? extends T> list) {
        if (!key.repeatable()) {
            throw new IllegalArgumentException(key + " is not a list; use with");
        }
        return put(key, List.copyOf(list));
    }

    /**
     * This plus {@code key = value}, where {@code value} came from {@code key}'s own parser (a list
     * of such values for a list key). For code that handles keys generically.
     */
    public Settings withParsed(Key<?> key, Object value) {
        return put(key, key.repeatable() ? List.copyOf((List<?>) value) : value);
    }

    private Settings put(Key<?> key, Object value) {
        Map<Key<?>, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, java.util.Objects.requireNonNull(value, key.name()));
        return new Settings(copy);
    }

    @SuppressWarnings("unchecked")
    public <T> Optional<T> get(Key<T> key) {
        return Optional.ofNullable((T) values.get(key));
    }

    @SuppressWarnings("unchecked")
    public <T> Optional<List<T>> getList(Key<T> key) {
        return Optional.ofNullable((List<T>) values.get(key));
    }

    public boolean has(Key<?> key) {
        return values.containsKey(key);
    }

    /** The settings of this layer, with those {@code top} gives replacing them (lists whole). */
    public Settings overriddenBy(Settings top) {
        Map<Key<?>, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(top.values);
        return new Settings(merged);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
