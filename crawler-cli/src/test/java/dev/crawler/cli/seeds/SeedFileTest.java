package dev.crawler.cli.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeedFileTest {

    private static SeedList read(String text) {
        SeedList seeds = new SeedList();
        SeedFile.read("seeds.txt", new BufferedReader(new StringReader(text)), seeds);
        return seeds;
    }

    @Test
    void keepsUsableUrlsAndReportsTheRestWithLineNumbers() {
        SeedList seeds = read("""
                # a comment
                https://example.com/

                ftp://example.com/file
                example.org/no-scheme
                http://Example.COM:80/a/../b#frag
                  https://example.net/   # trailing comment
                http://
                https://exa mple.com/
                mailto:someone@example.com
                http://example.com/  \s
                """);

        assertThat(seeds.urls()).containsExactly(
                "https://example.com/", "http://example.com/b", "https://example.net/", "http://example.com/");
        assertThat(seeds.problems()).extracting(SeedProblem::line).containsExactly(4, 5, 8, 9, 10);
        assertThat(seeds.problems()).allSatisfy(p -> assertThat(p.source()).isEqualTo("seeds.txt"));
        assertThat(seeds.problems().get(0).reason()).contains("scheme 'ftp'");
        assertThat(seeds.problems().get(1).reason()).contains("no scheme").contains("https://example.org/no-scheme");
        assertThat(seeds.problems().get(4).reason()).contains("scheme 'mailto'");
        assertThat(seeds.problems().get(0).describe())
                .isEqualTo("seeds.txt:4: skipped 'ftp://example.com/file': "
                        + "scheme 'ftp' is not supported (http and https only)");
    }

    @Test
    void dropsRepeatsOfTheSameNormalizedUrl() {
        SeedList seeds = read("https://example.com\nhttps://EXAMPLE.com/\nhttps://example.com:443/#top\n");
        assertThat(seeds.urls()).containsExactly("https://example.com/");
        assertThat(seeds.problems()).isEmpty();
    }

    @Test
    void anEmptyOrCommentOnlyFileHasNoSeedsAndNoProblems() {
        SeedList seeds = read("# nothing yet\n\n   \n# https://example.com/\n");
        assertThat(seeds.urls()).isEmpty();
        assertThat(seeds.problems()).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "https://a.example/|https://a.example/",
        "  https://a.example/  # main |https://a.example/",
        "# all comment|''",
        "https://a.example/#frag|https://a.example/#frag",
        "https://a.example/ #|https://a.example/",
    })
    void stripsCommentsAfterWhitespaceOnly(String line, String expected) {
        assertThat(SeedFile.withoutComment(line)).isEqualTo(expected);
    }

    @Test
    void theShippedExampleFileHasOnlyComments() throws Exception {
        try (var in = getClass().getResourceAsStream("/shipped-config/seeds.txt")) {
            assertThat(in).isNotNull();
            SeedList seeds = new SeedList();
            SeedFile.read("seeds.txt", new BufferedReader(new java.io.InputStreamReader(in)), seeds);
            assertThat(seeds.urls()).isEmpty();
            assertThat(seeds.problems()).isEqualTo(List.of());
        }
    }
}
