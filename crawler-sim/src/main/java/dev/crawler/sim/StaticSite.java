package dev.crawler.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A directory of files as a web site: maps a request target to the file that answers it, a
 * redirect, or a refusal. It does no network I/O, only file-system look-ups, so it is tested apart
 * from {@link StaticServer}.
 *
 * <p>The rules:
 * <ul>
 * <li>the query is ignored; the path is percent-decoded (UTF-8); a malformed escape, a NUL, a
 *     backslash, or a {@code .} or {@code ..} segment (encoded or not) is a 400: such a path
 *     cannot name a file under the root;
 * <li>{@code /dir/} answers with {@code dir/index.html}; a directory without one is a 404 (no
 *     listing: a crawler should see the same tree a plain web server shows);
 * <li>{@code /dir} without the slash is a 301 to {@code /dir/} when {@code dir} is a directory;
 * <li>a file whose real path (symbolic links followed) is not under the root's real path is a
 *     403, so a link inside the tree that points out of it serves nothing;
 * <li>anything else that is not a readable regular file is a 404.
 * </ul>
 */
public final class StaticSite {

    /** What a request gets. */
    public sealed interface Answer {
    }

    /** A file to send, of this length and content type. */
    public record FileAnswer(Path file, long length, String contentType) implements Answer {
    }

    /** A 301 to {@code location} (a path, with the query kept). */
    public record Redirect(String location) implements Answer {
    }

    /** A refusal: 400, 403 or 404, with a one-line reason for the body. */
    public record Refused(int status, String reason) implements Answer {
    }

    private final Path root;
    private final Path realRoot;

    private StaticSite(Path root, Path realRoot) {
        this.root = root;
        this.realRoot = realRoot;
    }

    /**
     * The site of the files under {@code root}.
     *
     * @throws IllegalArgumentException if {@code root} is not a readable directory
     */
    public static StaticSite of(Path root) {
        Objects.requireNonNull(root, "root");
        if (!Files.isDirectory(root) || !Files.isReadable(root)) {
            throw new IllegalArgumentException(root + " is not a readable directory");
        }
        try {
            return new StaticSite(root.toAbsolutePath().normalize(), root.toRealPath());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + root + ": " + e.getMessage(), e);
        }
    }

    /** The directory served. */
    public Path root() {
        return root;
    }

    /**
     * The answer to a request for {@code target}: origin-form (a path and an optional query), or
     * absolute-form ({@code http://host/path}), whose scheme and authority are ignored.
     */
    public Answer resolve(String target) {
        String lower = target.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q);
        if (!rawPath.startsWith("/")) {
            return new Refused(400, "the path must start with /");
        }
        String path = decode(rawPath);
        if (path == null) {
            return new Refused(400, "malformed percent-encoding");
        }
        if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            return new Refused(400, "NUL or backslash in the path");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return new Refused(400, "dot segments are not served");
            }
        }
        Path local = root.resolve(path.substring(1)).normalize();
        if (!local.startsWith(root)) {
            return new Refused(400, "the path leaves the root"); // e.g. //etc/passwd: an absolute path
        }
        if (Files.isDirectory(local)) {
            if (!path.endsWith("/")) {
                return new Redirect(rawPath + "/" + query);
            }
            local = local.resolve("index.html");
        } else if (path.endsWith("/")) {
            return new Refused(404, "not found"); // a file named as a directory
        }
        return file(local);
    }

    private Answer file(Path local) {
        Path real;
        try {
            real = local.toRealPath();
        } catch (IOException e) {
            return new Refused(404, "not found");
        }
        if (!real.startsWith(realRoot)) {
            return new Refused(403, "the file is outside the served directory");
        }
        if (!Files.isRegularFile(real) || !Files.isReadable(real)) {
            return new Refused(404, "not found");
        }
        try {
            return new FileAnswer(real, Files.size(real), ContentTypes.of(real.getFileName().toString()));
        } catch (IOException e) {
            return new Refused(404, "not found");
        }
    }

    /** The path with every {@code %XX} decoded, the bytes read as UTF-8; null if an escape is malformed. */
    static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c < 256) { // the request line is read as ISO-8859-1: one char per byte
                bytes.write(c);
            } else {
                return null;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "StaticSite[" + root + "]";
    }
}
