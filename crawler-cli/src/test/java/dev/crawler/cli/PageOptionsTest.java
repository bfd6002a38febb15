package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.sim.LongTail;
import dev.crawler.sim.PageProfile;
import dev.crawler.sim.SimConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The page options of {@code crawler sim} (and {@code demo}): a profile, and the settings that change it. */
class PageOptionsTest {

    private static SimConfig config(String... args) {
        SimCommand command = new SimCommand();
        new CommandLine(command).parseArgs(args);
        return command.sim.toConfig(0);
    }

    @Test
    void withoutPageOptionsThePagesArePlain() {
        assertThat(config()).isEqualTo(SimConfig.defaults());
        assertThat(config("--page-bytes", "4096", "--links", "3")).isEqualTo(SimConfig.defaults().withPageBytes(4096).withLinks(3));
    }

    @Test
    void theRealisticProfileAndItsMedians() {
        assertThat(config("--page-profile", "realistic")).isEqualTo(SimConfig.defaults().withRealisticPages());
        SimConfig c = config("--page-profile", "realistic", "--page-bytes", "40000", "--links", "100");
        assertThat(c.pageBytes()).isEqualTo(40000);
        assertThat(c.linksPerPage()).isEqualTo(100);
        assertThat(c.pageProfile()).isEqualTo(PageProfile.REALISTIC);
    }

    @Test
    void eachSettingChangesOneThing() {
        SimConfig c = config("--page-profile", "realistic", "--page-bytes-range", "2KB-1MB", "--page-bytes-sigma", "0.5",
                "--links-range", "5-500", "--nav-links", "0", "--no-scripts", "--no-entities");
        assertThat(c.pageProfile()).isEqualTo(new PageProfile(new LongTail(2048, 1 << 20, 0.5), new LongTail(5, 500, 1.2),
                0, false, false));
        assertThat(config("--page-profile", "realistic", "--links-sigma", "2").pageProfile().links())
                .isEqualTo(new LongTail(10, 3000, 2.0));
        // a range on plain pages: the document layout with long-tailed sizes, nothing else
        SimConfig ranged = config("--page-bytes-range", "1KB-8KB");
        assertThat(ranged.pageProfile()).isEqualTo(PageProfile.PLAIN.withBytes(new LongTail(1024, 8192, 1.0)));
        assertThat(ranged.pageProfile().label()).isEqualTo("custom");
        assertThat(config("--scripts").pageProfile().scripts()).isTrue();
    }

    @Test
    void badValuesNameTheOption() {
        assertThatThrownBy(() -> config("--page-profile", "fancy")).hasMessageContaining("--page-profile")
                .hasMessageContaining("plain or realistic");
        assertThatThrownBy(() -> config("--page-bytes-range", "5KB")).hasMessageContaining("--page-bytes-range")
                .hasMessageContaining("MIN-MAX");
        assertThatThrownBy(() -> config("--links-range", "ten-20")).hasMessageContaining("--links-range");
        assertThatThrownBy(() -> config("--page-bytes-sigma", "1")).hasMessageContaining("--page-bytes-range");
        assertThatThrownBy(() -> config("--page-profile", "realistic", "--page-bytes-range", "100KB-200KB"))
                .hasMessageContaining("pageBytes (the median page size)");
    }

    @Test
    void theDescriptionSaysWhatThePagesAre() {
        assertThat(SimCommand.pagesText(SimConfig.defaults())).isEqualTo("8 links per page");
        assertThat(SimCommand.pagesText(SimConfig.defaults().withRealisticPages())).isEqualTo("realistic pages: 24KB median"
                + " (5KB-500KB) bytes, 40 median (10-3000) own links, 60 navigation links, scripts, entities");
    }
}
