package dev.crawler.cli.seeds;

import dev.crawler.url.UrlNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decides whether a piece of text is a usable seed: an absolute http(s) URL with a host. Pure. */
public final class SeedUrl {

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    /** Text that starts like a host name with a dot ({@code example.com/...}, {@code //www.a.org}). */
    private static final Pattern HOST_LIKE = Pattern.compile("^(//)?[\\w-]+(\\.[\\w-]+)+(:\\d+)?(/\\S*)?$");

    private SeedUrl() {
    }

    /** The outcome of checking one seed. */
    public sealed interface Check permits Usable, Unusable {
    }

    /** @param url the normalized URL to crawl */
    public record Usable(String url) implements Check {
    }

    /** @param reason why the text cannot be crawled */
    public record Unusable(String reason) implements Check {
    }

    /** Checks and normalizes {@code text}. */
    public static Check check(String text) {
        String t = text.trim();
        Matcher m = SCHEME.matcher(t);
        if (!m.find() || m.group(1).contains(".")) {
            return new Unusable(HOST_LIKE.matcher(t).lookingAt()
                    ? "no scheme; write it as https://" + t.replaceFirst("^/+", "")
                    : "not a URL; seeds are absolute http:// or https:// URLs");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Unusable("scheme '" + scheme + "' is not supported (http and https only)");
        }
        Optional<String> normalized = UrlNormalizer.normalize(t);
        if (normalized.isPresent()) {
            return new Usable(normalized.get());
        }
        return new Unusable(whyMalformed(t));
    }

    private static String whyMalformed(String t) {
        try {
            URI uri = new URI(t);
            if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
                return "no host";
            }
            if (uri.getHost() == null) {
                return "'" + uri.getRawAuthority() + "' is not a valid host (or host:port)";
            }
            return "not a valid URL";
        } catch (URISyntaxException e) {
            return "not a valid URL: " + e.getReason() + " at index " + e.getIndex();
        }
    }
}
