package dev.crawler.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code --include} / {@code --exclude} rule: a URL is accepted when it matches (anywhere, as
 * {@link java.util.regex.Matcher#find()}) at least one include pattern, or there are none, and
 * matches no exclude pattern.
 */
public record UrlFilter(List<Pattern> include, List<Pattern> exclude) {

    public UrlFilter {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /**
     * Compiles the patterns.
     *
     * @throws IllegalArgumentException naming the option and the pattern that does not compile
     */
    public static UrlFilter of(List<String> include, List<String> exclude) {
        return new UrlFilter(compile("include", include), compile("exclude", exclude));
    }

    /** Whether {@code url} passes. */
    public boolean accepts(String url) {
        if (!include.isEmpty() && include.stream().noneMatch(p -> p.matcher(url).find())) {
            return false;
        }
        return exclude.stream().noneMatch(p -> p.matcher(url).find());
    }

    private static List<Pattern> compile(String option, List<String> regexes) {
        List<Pattern> patterns = new ArrayList<>(regexes.size());
        for (String regex : regexes) {
            try {
                patterns.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(option + ": invalid regular expression '" + regex + "': "
                        + e.getDescription() + " near index " + e.getIndex(), e);
            }
        }
        return patterns;
    }
}
