package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crawl --header}, {@code --auth} and {@code --cookies}: bad values stop the crawl before it
 * starts, with a message saying what is wrong (and no password), exit code 2. Crawls with them
 * are in crawler-core's SessionCrawlIT.
 */
class SessionOptionsIT {

    private static CliRun crawl(Path tmp, String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "crawl";
        args[1] = "--out";
        args[2] = tmp.resolve("out").toString();
        System.arraycopy(options, 0, args, 3, options.length);
        args[args.length - 1] = "http://127.0.1.1:9/";
        return CliRun.of(args);
    }

    @Test
    void aHeaderTheCrawlerSetsItselfIsAUsageError(@TempDir Path tmp) {
        CliRun run = crawl(tmp, "--header", "Host: elsewhere.example");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--header", "set by the crawler itself");
    }

    @Test
    void aMalformedLoginIsAUsageErrorThatHidesThePassword(@TempDir Path tmp) {
        CliRun run = crawl(tmp, "--auth", "example.com:alice:hunter2");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("HOST=USER:PASS").doesNotContain("hunter2");
    }

    @Test
    void aMalformedCookiesFileNamesItsLine(@TempDir Path tmp) throws Exception {
        Path txt = tmp.resolve("cookies.txt");
        Files.writeString(txt, "# Netscape HTTP Cookie File\nexample.com\tFALSE\t/\tFALSE\tsoon\tname\tvalue\n");
        CliRun run = crawl(tmp, "--cookies", txt.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("cookies", txt + " line 2");
    }

    @Test
    void cookiesAndNoCookiesTogetherIsAUsageError(@TempDir Path tmp) throws Exception {
        Path txt = tmp.resolve("cookies.txt");
        Files.writeString(txt, "# Netscape HTTP Cookie File\n");
        CliRun run = crawl(tmp, "--cookies", txt.toString(), "--no-cookies");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--no-cookies");
    }
}
