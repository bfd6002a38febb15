package dev.crawler.cli.seeds;

import dev.crawler.cli.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Gathers the seeds of a crawl from where they were given, reports the unusable ones on the error
 * stream and keeps the rest. Seeds given on the command line (as arguments or {@code --seeds})
 * replace those of the config file.
 */
public final class SeedSources {

    private final InputStream stdin;
    private final PrintWriter err;

    public SeedSources(InputStream stdin, PrintWriter err) {
        this.stdin = stdin;
        this.err = err;
    }

    /**
     * The usable seeds, normalized, in order, without repeats.
     *
     * @param arguments URLs given as arguments (or in the config file's {@code seeds} list)
     * @param argumentsSource how problems with them are labelled: {@code argument}, {@code crawler.yaml seeds}
     * @param file a seed file ({@code -} for standard input), if any
     * @throws ConfigException if a seed file cannot be read, or no usable seed remains
     */
    public List<String> gather(List<String> arguments, String argumentsSource, Optional<Path> file) {
        SeedList seeds = new SeedList();
        for (int i = 0; i < arguments.size(); i++) {
            seeds.add(argumentsSource, i + 1, arguments.get(i));
        }
        file.ifPresent(f -> readFile(f, seeds));
        for (SeedProblem p : seeds.problems()) {
            err.println("crawler: " + p.describe());
        }
        err.flush();
        if (seeds.urls().isEmpty()) {
            throw new ConfigException(noSeeds(seeds, arguments, file));
        }
        return seeds.urls();
    }

    private static String noSeeds(SeedList seeds, List<String> arguments, Optional<Path> file) {
        if (!seeds.problems().isEmpty()) {
            return "no usable seed URL: all " + seeds.problems().size() + " given were skipped (see above)";
        }
        if (arguments.isEmpty() && file.isPresent()) {
            return "no seed URL in " + file.get() + " (only blank lines and # comments)";
        }
        return "no seeds: give URLs as arguments, --seeds FILE (- for standard input), or seeds/seedsFile in --config";
    }

    private void readFile(Path file, SeedList seeds) {
        try {
            SeedFile.read(file, stdin, seeds);
        } catch (NoSuchFileException e) {
            throw new ConfigException("seed file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("cannot read seed file " + file + ": " + e.getMessage(), e);
        }
    }
}
