package dev.crawler.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.CrawlConfig;
import dev.crawler.FetchMode;
import dev.crawler.filter.Scope;
import dev.crawler.net.Cidr;
import dev.crawler.net.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigFileTest {

    private static final List<String> SEEDS = List.of("https://example.com/");

    private static Settings read(String yaml) throws IOException {
        return ConfigFile.read("test.yaml", new StringReader(yaml));
    }

    @Test
    void perIpAndAdaptivePolitenessLoadAndDefaultToOff() throws IOException {
        CrawlConfig c = ConfigAssembler.toConfig(read("""
                perIpConnections: 4
                perIpDelay: 500ms
                adaptiveDelay: 2.5
                """), SEEDS);
        assertThat(c.politeness().perIpConnections()).isEqualTo(4);
        assertThat(c.politeness().perIpDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.politeness().adaptiveFactor()).isEqualTo(2.5);
        CrawlConfig d = ConfigAssembler.toConfig(Settings.empty(), SEEDS);
        assertThat(d.politeness().perIp()).as("no per-IP budget by default").isFalse();
        assertThat(d.politeness().adaptiveFactor()).isZero();
        assertThatThrownBy(() -> ConfigAssembler.toConfig(read("adaptiveDelay: -1\n"), SEEDS)).hasMessageContaining("adaptiveDelay");
        assertThatThrownBy(() -> ConfigAssembler.toConfig(read("perIpConnections: -1\n"), SEEDS)).hasMessageContaining("perIpConnections");
    }

    @Test
    void aGoodFileLoadsIntoTheCrawlConfig() throws IOException {
        Settings s = read("""
                # a comment
                out: out-dir
                scope: domain
                maxDepth: 3
                maxPages: 1000
                include: ['^https://example\\.com/docs/']
                exclude:
                  - '\\.pdf$'
                perHostConnections: 4
                delay: 250ms
                maxCrawlDelay: 5
                concurrency: 32
                resolve:
                  site-1.sim: 127.0.1.1
                allowNet: [127.0.0.0/8]
                mode: threads
                threads: 8
                transport: nio-poll
                userAgent: test-bot/1.0 (+mailto:me@example.com)
                robots: false
                robotsAgent: test-bot
                connectTimeout: 2s
                firstByteTimeout: 3s
                responseTimeout: 1m
                maxBody: 1MB
                maxHeader: 16KB
                keepAlive: no
                reuseSettle: 40ms
                """);

        CrawlConfig c = ConfigAssembler.toConfig(s, SEEDS);

        assertThat(c.outDir()).isEqualTo(Path.of("out-dir"));
        assertThat(c.scope()).isEqualTo(Scope.DOMAIN);
        assertThat(c.maxDepth()).isEqualTo(3);
        assertThat(c.maxPages()).isEqualTo(1000);
        assertThat(c.filter().include()).extracting(java.util.regex.Pattern::pattern)
                .containsExactly("^https://example\\.com/docs/");
        assertThat(c.filter().exclude()).extracting(java.util.regex.Pattern::pattern).containsExactly("\\.pdf$");
        assertThat(c.politeness().perHostConnections()).isEqualTo(4);
        assertThat(c.politeness().delay()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.politeness().maxCrawlDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.concurrency()).isEqualTo(32);
        assertThat(c.fetch().overrides().lookup("SITE-1.sim")).contains(InetAddress.getByAddress(new byte[] {127, 0, 1, 1}));
        assertThat(c.fetch().addressPolicy().allowedRanges()).containsExactly(Cidr.parse("127.0.0.0/8"));
        assertThat(c.mode()).isEqualTo(FetchMode.THREADS);
        assertThat(c.threads()).isEqualTo(8);
        assertThat(c.transport()).isEqualTo(Transport.NIO_POLL);
        assertThat(c.fetch().userAgent()).isEqualTo("test-bot/1.0 (+mailto:me@example.com)");
        assertThat(c.respectRobots()).isFalse();
        assertThat(c.robotsAgent()).isEqualTo("test-bot");
        assertThat(c.fetch().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.fetch().firstByteTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.fetch().responseTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.fetch().maxBodyBytes()).isEqualTo(1 << 20);
        assertThat(c.fetch().maxHeaderBytes()).isEqualTo(16 << 10);
        assertThat(c.fetch().keepAlive()).isFalse();
        assertThat(c.fetch().reuseSettle()).isEqualTo(Duration.ofMillis(40));
    }

    @Test
    void anEmptyFileChangesNothing() throws IOException {
        assertThat(read("").has(SettingKeys.DELAY)).isFalse();
        assertThat(read("# only a comment\n").has(SettingKeys.DELAY)).isFalse();
    }

    @Test
    void anUnknownKeyStopsWithTheKeyTheLineAndTheKnownKeys() {
        assertThatThrownBy(() -> read("delay: 1s\nperHostConnection: 3\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("test.yaml line 2")
                .hasMessageContaining("'perHostConnection' is not a setting")
                .hasMessageContaining("perHostConnections");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "delay|fast|250ms",
        "perHostConnections|0|from 1",
        "perHostConnections|two|not a whole number",
        "maxPages|0|not a limit",
        "scope|planet|host, domain, any",
        "mode|turbo|sync, threads, virtual, busy-poll, async",
        "transport|kqueue|nio-poll",
        "allowNet|300.0.0.0/8|CIDR",
        "resolve|site-1.sim|HOST=IP",
        "resolve|site-1.sim=nowhere|not an IP address",
        "include|'(unclosed'|regular expression",
        "maxBody|lots|not a size",
        "connectTimeout|0s|more than zero",
        "robots|maybe|true or false",
    })
    void aBadValueStopsWithTheKeyAndTheReason(String key, String value, String reason) {
        assertThatThrownBy(() -> read("# header\n" + key + ": " + value + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("test.yaml line 2: key '" + key + "'")
                .hasMessageContaining(reason);
    }

    @Test
    void aKeyGivenTwiceStops() {
        assertThatThrownBy(() -> read("delay: 1s\nscope: any\ndelay: 2s\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 3: key 'delay' is given twice (first on line 1)");
    }

    @Test
    void structureErrorsNameTheKey() {
        assertThatThrownBy(() -> read("delay:\n")).hasMessageContaining("key 'delay' has no value");
        assertThatThrownBy(() -> read("delay: [1s, 2s]\n")).hasMessageContaining("key 'delay': expected a single value");
        assertThatThrownBy(() -> read("include: {a: b}\n")).hasMessageContaining("key 'include': expected a list");
        assertThatThrownBy(() -> read("- a\n- b\n")).hasMessageContaining("expected a mapping of settings");
        assertThatThrownBy(() -> read("scope: host\ndelay: [1s, 2s\n")).hasMessageContaining("not valid YAML");
    }

    @Test
    void aMissingFileIsAClearError() {
        assertThatThrownBy(() -> ConfigFile.load(Path.of("no/such/crawler.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file no/such/crawler.yaml does not exist");
    }

    @Test
    void theShippedFileLoadsAndHoldsTheDefaults() throws IOException {
        Settings shipped;
        try (InputStream in = getClass().getResourceAsStream("/shipped-config/crawler.yaml")) {
            assertThat(in).as("config/crawler.yaml on the test class path").isNotNull();
            shipped = ConfigFile.read("crawler.yaml", new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        CrawlConfig fromFile = ConfigAssembler.toConfig(shipped, SEEDS);
        CrawlConfig defaults = ConfigAssembler.toConfig(Settings.empty(), SEEDS);
        SameSettings.assertSameSettings(fromFile, defaults);
    }

    @Test
    void theShippedFileDocumentsEveryKey() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/shipped-config/crawler.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Key<?> key : SettingKeys.ALL) {
            assertThat(text).as("config/crawler.yaml documents '%s'", key.name())
                    .containsPattern("(?m)^(# )?" + key.name() + ":");
        }
    }
}
