package dev.crawler.cli.config;

import java.util.Objects;
import java.util.function.Function;

/**
 * One crawl setting: its key in the YAML file, its command-line option, and the parser that turns
 * text into its value. The same parser serves the file and the command line, so both accept the
 * same forms and fail with the same messages.
 *
 * @param <T> the type of one value
 * @param name the YAML key, such as {@code perHostConnections}
 * @param option the long command-line option, such as {@code --per-host-connections}
 * @param repeatable whether the setting is a list (a YAML sequence, a repeatable option)
 * @param parser text to value; throws {@link IllegalArgumentException} with a reason
 */
public record Key<T>(String name, String option, boolean repeatable, Function<String, T> parser) {

    public Key {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(parser, "parser");
    }

    static <T> Key<T> single(String name, String option, Function<String, T> parser) {
        return new Key<>(name, option, false, parser);
    }

    static <T> Key<T> list(String name, String option, Function<String, T> parser) {
        return new Key<>(name, option, true, parser);
    }

    /** Parses one value. */
    public T parse(String text) {
        return parser.apply(text);
    }

    @Override
    public String toString() {
        return name;
    }
}
