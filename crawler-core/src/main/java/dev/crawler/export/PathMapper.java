package dev.crawler.export;

import dev.crawler.url.NormalizedUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a URL to the relative path of its file in the mirror tree: deterministic, injective (no
 * two normalized URLs share a file), and unable to leave the directory it is resolved against.
 *
 * <h2>The scheme</h2>
 * The URL is normalized first ({@link dev.crawler.url.UrlNormalizer}), so every spelling of
 * one URL maps to one file, and path and query are pure ASCII with canonical percent-encoding.
 * Non-ASCII stays percent-encoded, so names are ASCII only: no Unicode look-alikes and no
 * normalization-form surprises. Then:
 * <ul>
 *   <li>the first directory is the host, then {@code _port} when the port is not the scheme's
 *       default, then {@code _https} for https;</li>
 *   <li>every path segment but the last is a directory;</li>
 *   <li>the last segment is the page file, <em>always</em> ending in {@code .html}: the empty
 *       segment (a path ending in "/") is {@code index.html}; a query is appended after
 *       {@code @}. Directory names never end in {@code .html} (a segment that does has that dot
 *       escaped), so a page file and a directory can never share a name: {@code /a} is
 *       {@code a.html}, {@code /a/} is {@code a/index.html}, {@code /a/b} is {@code a/b.html};</li>
 *   <li>{@code ^} escapes (it never appears in a normalized URL): {@code ^} + two lower-case
 *       hex digits is one escaped byte, used for characters Windows forbids ({@code : *}), for
 *       {@code @} in a path and {@code / ?} in a query, for a leading dot (no hidden files, no
 *       {@code .} or {@code ..}), a trailing dot of a directory, the first letter of Windows
 *       device names ({@code CON}, {@code nul.txt}, {@code COM1}, ...), of a page literally named
 *       {@code index} (so it differs from "/"), and "~digit" (8.3 short names). Tags use a letter
 *       that is not hex: {@code ^n} is an empty segment ({@code //}), {@code ^u}+8 hex marks a
 *       name with upper-case letters (a hash of the exact name, so {@code /A} and {@code /a}
 *       differ on case-insensitive file systems too), {@code ^t}+16 hex ends a name cut at
 *       150 characters because it was longer than 200 (every name stays far below 255 bytes),
 *       and {@code ^z}+16 hex names one file that stands for the rest of a path whose relative
 *       form would pass {@value #MAX_PATH_CHARS} characters;</li>
 *   <li>percent-encoded characters stay encoded: {@code %2F} is three characters, not a
 *       separator; {@code %2e%2e} was already removed as a dot-segment by normalization.</li>
 * </ul>
 * Removing the tags and undoing the escapes gives back the URL, so distinct URLs get distinct
 * paths, except through SHA-256 prefix collisions in {@code ^u}, {@code ^t} and {@code ^z}
 * names, which need two long or case-variant names at the same place with equal 32- or
 * 64-bit hashes.
 *
 * <h2>Examples</h2>
 * <pre>
 * http://site-1.sim:8080/page/3        site-1.sim_8080/page/3.html
 * https://example.com/                 example.com_https/index.html
 * http://example.com/a/?q=1&amp;r=a/b      example.com/a/index@q=1&amp;r=a^2fb.html
 * http://example.com/docs/index.html   example.com/docs/index.html.html
 * http://example.com/..%2f/.env        example.com/^2e.%2F/^2eenv.html
 * http://example.com/Con/About         example.com/^43on/About^u4efca0d1.html
 * http://[::1]:8080/a//b               ^5b^3a^3a1^5d_8080/a/^n/b.html
 * </pre>
 */
public final class PathMapper {

    /** Longest relative path written out in full; deeper paths are folded into one file. */
    static final int MAX_PATH_CHARS = 1024;

    /**
     * The relative path of the file for {@code url}.
     *
     * @param url an http(s) URL, normally already normalized; it is normalized again
     * @throws IllegalArgumentException if {@code url} is not an http(s) URL
     */
    public Path map(String url) {
        NormalizedUrl u = NormalizedUrl.parse(url)
                .orElseThrow(() -> new IllegalArgumentException("not an http(s) URL: " + url));
        List<String> names = names(u);
        return Path.of(names.get(0), names.subList(1, names.size()).toArray(String[]::new));
    }

    /** The names of the path, host directory first, page file last. */
    static List<String> names(NormalizedUrl u) {
        List<String> names = new ArrayList<>();
        names.add(FileNames.hostDir(u.host(), u.port(), u.hasDefaultPort(), u.scheme().equals("https")));
        String[] segments = u.path().substring(1).split("/", -1);
        for (int i = 0; i < segments.length - 1; i++) {
            names.add(FileNames.dir(segments[i]));
        }
        names.add(FileNames.page(segments[segments.length - 1], u.query().orElse(null)));
        return length(names) <= MAX_PATH_CHARS ? names : folded(names, u);
    }

    /** The leading directories that fit, then one {@code ^z} file for the rest. */
    private static List<String> folded(List<String> names, NormalizedUrl u) {
        String file = FileNames.folded(u.toString());
        List<String> kept = new ArrayList<>();
        int length = file.length();
        for (int i = 0; i < names.size() - 1 && length + names.get(i).length() + 1 <= MAX_PATH_CHARS; i++) {
            kept.add(names.get(i));
            length += names.get(i).length() + 1;
        }
        kept.add(file);
        return kept;
    }

    private static int length(List<String> names) {
        return names.stream().mapToInt(String::length).sum() + names.size() - 1;
    }
}
