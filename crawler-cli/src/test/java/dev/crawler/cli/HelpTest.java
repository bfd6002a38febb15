package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.cli.config.ConfigAssembler;
import dev.crawler.cli.config.Key;
import dev.crawler.cli.config.SameSettings;
import dev.crawler.cli.config.SettingKeys;
import dev.crawler.cli.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class HelpTest {

    @Test
    void topLevelHelpListsTheCommandsAndTheExitCodes() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("demo", "crawl", "sim", "--version", "Exit codes:", "130");
        assertThat(run.out()).as("the bench module's commands, which the launcher runs from its jar")
                .contains("crawler-bench module", "  bench ", "  frontier-bench ");
    }

    @Test
    void versionNamesTheProjectAndTheJava() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("crawler \\d+\\.\\d+\\.\\d+").contains("Java ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"crawl", "demo", "sim"})
    void everyOptionIsInTheHelpWithADescriptionAndADefault(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertThat(run.exitCode()).isZero();
        CommandLine sub = Main.commandLine().getSubcommands().get(command);
        for (OptionSpec o : sub.getCommandSpec().options()) {
            for (String name : o.names()) {
                String shown = o.negatable() ? name.replaceFirst("^--", "--[no-]") : name;
                assertThat(run.out()).as("%s --help shows %s", command, shown).contains(shown);
            }
            String description = String.join(" ", o.description());
            assertThat(description).as("%s %s has a description", command, o.longestName()).isNotBlank();
            if (!o.usageHelp() && !o.versionHelp()) {
                assertThat(description).as("%s %s shows its default", command, o.longestName()).contains("Default: ");
            }
        }
        assertThat(run.out()).contains("Exit codes:");
    }

    @Test
    void crawlHasAnOptionForEverySetting() {
        CommandLine crawl = Main.commandLine().getSubcommands().get("crawl");
        List<String> options = crawl.getCommandSpec().options().stream().map(OptionSpec::longestName).toList();
        for (Key<?> key : SettingKeys.ALL) {
            if (key != SettingKeys.SEEDS) {
                assertThat(options).as("crawl has %s for '%s'", key.option(), key.name()).contains(key.option());
            }
        }
        assertThat(CliRun.of("crawl", "--help").out()).contains("--[no-]robots", "own");
    }

    @Test
    void theDefaultsCrawlShowsAreTheCrawlersDefaults() {
        CommandLine cmd = Main.commandLine();
        cmd.parseArgs("crawl", "https://example.com/");
        CommandSpec crawl = cmd.getSubcommands().get("crawl").getCommandSpec();
        List<String> seeds = List.of("https://example.com/");

        SameSettings.assertSameSettings(
                ConfigAssembler.toConfig(CommandLineSettings.all(crawl), seeds),
                ConfigAssembler.toConfig(Settings.empty(), seeds));
        assertThat(CommandLineSettings.given(crawl).has(SettingKeys.DELAY)).isFalse();
    }

    @Test
    void reuseSettleReachesTheFetchSettingsAndZeroTurnsItOff() {
        List<String> seeds = List.of("https://example.com/");
        for (var c : List.of(Map.entry("0", Duration.ZERO), Map.entry("100ms", Duration.ofMillis(100)))) {
            CommandLine cmd = Main.commandLine();
            cmd.parseArgs("crawl", "--reuse-settle", c.getKey(), "https://example.com/");
            CommandSpec crawl = cmd.getSubcommands().get("crawl").getCommandSpec();
            assertThat(ConfigAssembler.toConfig(CommandLineSettings.given(crawl), seeds).fetch().reuseSettle())
                    .isEqualTo(c.getValue());
        }
        CliRun negative = CliRun.of("crawl", "--reuse-settle", "-5ms", "https://example.com/");
        assertThat(negative.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(negative.err()).contains("--reuse-settle", "negative");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing command");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithASuggestion() {
        CliRun run = CliRun.of("crawl", "--dealy", "1s", "https://example.com/");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--dealy").contains("--delay").contains("crawler crawl --help");
    }
}
