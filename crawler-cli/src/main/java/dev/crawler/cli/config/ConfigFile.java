package dev.crawler.cli.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a YAML config file ({@code --config FILE}) into {@link Settings}. The layout is flat: one
 * top-level key per setting (see {@link SettingKeys}); lists are YAML sequences; {@code resolve}
 * may also be a mapping of host to address. An unknown key, a repeated key or a bad value stops
 * with a {@link ConfigException} that names the file, the line and the key.
 */
public final class ConfigFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigFile() {
    }

    /** Reads {@code file}. */
    public static Settings load(Path file) {
        try (Reader r = Files.newBufferedReader(file)) {
            return read(file.toString(), r);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads YAML text; {@code source} names it in messages. */
    public static Settings read(String source, Reader yaml) throws IOException {
        try (JsonParser p = YAML.createParser(yaml)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return Settings.empty();
            }
            if (first != JsonToken.START_OBJECT) {
                throw new ConfigException(source + ": expected a mapping of settings (key: value), found " + describe(first));
            }
            return readFields(source, p);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
    }

    private static Settings readFields(String source, JsonParser p) throws IOException {
        Settings settings = Settings.empty();
        Map<String, Integer> seenAt = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int line = p.currentTokenLocation().getLineNr();
            String where = source + " line " + line + ": key '" + name + "'";
            Key<?> key = SettingKeys.byName(name).orElseThrow(() -> new ConfigException(
                    where + " is not a setting; known keys: " + knownKeys()));
            Integer earlier = seenAt.put(name, line);
            if (earlier != null) {
                throw new ConfigException(where + " is given twice (first on line " + earlier + ")");
            }
            p.nextToken();
            JsonNode value = p.readValueAsTree();
            settings = withValue(settings, key, value, where);
        }
        return settings;
    }

    private static Settings withValue(Settings settings, Key<?> key, JsonNode node, String where) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new ConfigException(where + " has no value (remove the key to keep the default)");
        }
        try {
            if (key.repeatable()) {
                return settings.withParsed(key, parseList(key, node, where));
            }
            if (!node.isValueNode()) {
                throw new ConfigException(where + ": expected a single value, found a " + node.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            return settings.withParsed(key, key.parse(node.asText()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage(), e);
        }
    }

    private static List<Object> parseList(Key<?> key, JsonNode node, String where) {
        List<Object> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isValueNode() || item.isNull()) {
                    throw new ConfigException(where + ": list items must be single values");
                }
                values.add(key.parse(item.asText()));
            }
        } else if (node.isObject() && key == SettingKeys.RESOLVE) {
            node.properties().forEach(e -> values.add(key.parse(e.getKey() + "=" + e.getValue().asText())));
        } else if (node.isObject()) {
            throw new ConfigException(where + ": expected a list, found a mapping");
        } else {
            values.add(key.parse(node.asText()));
        }
        return values;
    }

    private static String knownKeys() {
        return SettingKeys.ALL.stream().map(Key::name).collect(Collectors.joining(", "));
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "a list";
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> "a single value";
            default -> t.toString();
        };
    }
}
