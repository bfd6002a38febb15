package dev.crawler.cli;

import dev.crawler.cli.config.Key;
import dev.crawler.cli.config.SettingKeys;
import dev.crawler.cli.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Reads a command's options into {@link Settings}. Options that are settings take their text as
 * given and parse it with the setting's own parser, the one the config file uses too, so the
 * command line and the file accept the same forms and report the same reasons.
 */
final class CommandLineSettings {

    private CommandLineSettings() {
    }

    /** The settings given explicitly on the command line (for layering over a config file). */
    static Settings given(CommandSpec spec) {
        return collect(spec, true);
    }

    /** The settings of every option, given or defaulted (for commands without a config file). */
    static Settings all(CommandSpec spec) {
        return collect(spec, false);
    }

    private static Settings collect(CommandSpec spec, boolean givenOnly) {
        Settings s = Settings.empty();
        for (OptionSpec o : spec.options()) {
            Optional<Key<?>> key = SettingKeys.byOption(o.longestName());
            boolean given = spec.commandLine().getParseResult() != null
                    && spec.commandLine().getParseResult().hasMatchedOption(o);
            Object value = o.getValue();
            if (key.isEmpty() || value == null || (givenOnly && !given)) {
                continue;
            }
            s = s.withParsed(key.get(), parse(spec, o, key.get(), value));
        }
        return s;
    }

    private static Object parse(CommandSpec spec, OptionSpec o, Key<?> key, Object value) {
        try {
            if (value instanceof Boolean) {
                return value;
            }
            if (value instanceof List<?> texts) {
                List<Object> parsed = new ArrayList<>();
                for (Object t : texts) {
                    parsed.add(key.parse(String.valueOf(t)));
                }
                return parsed;
            }
            return key.parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '" + o.longestName() + "': " + e.getMessage(), e, o, String.valueOf(value));
        }
    }
}
