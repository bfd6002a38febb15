package dev.crawler.cli.seeds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A seed file: one URL per line; blank lines and lines starting with {@code #} are skipped, and so
 * is a {@code #} comment after whitespace ({@code https://a.example/  # main site}). A line that
 * is not a usable URL is recorded as a {@link SeedProblem} with its line number.
 */
public final class SeedFile {

    /** The name that stands for standard input. */
    public static final String STDIN = "-";

    private SeedFile() {
    }

    /** Reads {@code file} (or standard input for {@code -}) into {@code into}. */
    public static void read(Path file, InputStream stdin, SeedList into) throws IOException {
        if (file.toString().equals(STDIN)) {
            read("<stdin>", new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)), into);
            return;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read(file.toString(), r, into);
        }
    }

    /** Reads seed lines from {@code reader}; {@code source} names it in problems. */
    public static void read(String source, BufferedReader reader, SeedList into) {
        try {
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                String url = withoutComment(line);
                if (!url.isEmpty()) {
                    into.add(source, lineNo, url);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String withoutComment(String line) {
        String t = line.strip();
        if (t.startsWith("#")) {
            return "";
        }
        for (int i = 1; i < t.length(); i++) {
            if (t.charAt(i) == '#' && Character.isWhitespace(t.charAt(i - 1))) {
                return t.substring(0, i).strip();
            }
        }
        return t;
    }
}
