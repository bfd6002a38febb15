package dev.crawler.cli.seeds;

/**
 * A seed that was skipped.
 *
 * @param source where it came from: a file name, {@code <stdin>}, or {@code argument}
 * @param line its line number in the source (1-based), or its position among the arguments
 * @param text the text as given
 * @param reason why it is not usable
 */
public record SeedProblem(String source, int line, String text, String reason) {

    /** {@code seeds.txt:3: skipped 'ftp://x/': scheme 'ftp' is not supported (http and https only)}. */
    public String describe() {
        return source + ":" + line + ": skipped '" + text + "': " + reason;
    }
}
