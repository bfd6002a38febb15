package dev.crawler.cli.seeds;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/**
 * Seeds collected from arguments and files: the usable URLs (normalized, without repeats, in the
 * order given) and the problems with the rest.
 */
public final class SeedList {

    private final SequencedSet<String> urls = new LinkedHashSet<>();
    private final List<SeedProblem> problems = new ArrayList<>();

    /** Checks {@code text}, from line {@code line} of {@code source}, and keeps it or records why not. */
    public void add(String source, int line, String text) {
        switch (SeedUrl.check(text)) {
            case SeedUrl.Usable u -> urls.add(u.url());
            case SeedUrl.Unusable u -> problems.add(new SeedProblem(source, line, text.trim(), u.reason()));
        }
    }

    public List<String> urls() {
        return List.copyOf(urls);
    }

    public List<SeedProblem> problems() {
        return List.copyOf(problems);
    }
}
