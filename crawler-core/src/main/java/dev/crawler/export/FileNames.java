package dev.crawler.export;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The file and directory names of the mirror tree, one URL part at a time. The scheme, and why it
 * is injective, is described on {@link PathMapper}; this class only applies it.
 *
 * <p>{@code ^} is the escape character: it never occurs in a normalized URL (it is always
 * percent-encoded there), so every {@code ^} in a name was put there by this class. It starts
 * either an escaped byte ({@code ^} and two lower-case hex digits) or a tag whose letter is not a
 * hex digit: {@code ^n} (empty path segment), {@code ^u} (case tag), {@code ^t} (truncation),
 * {@code ^z} (folded deep path).
 */
final class FileNames {

    /** Longest name produced before the page suffix; names are ASCII, so chars are bytes. */
    static final int MAX_NAME = 200;
    static final String PAGE_SUFFIX = ".html";

    private static final int TRUNCATED_KEEP = 150;
    private static final int TRUNCATION_HASH = 16;
    private static final int CASE_HASH = 8;
    private static final String INDEX = "index";
    private static final Set<String> WINDOWS_DEVICES = Set.of(
            "con", "prn", "aux", "nul", "conin$", "conout$",
            "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    /** The URL parts, whose kept characters differ. */
    private enum Part { HOST, SEGMENT, QUERY }

    private FileNames() {
    }

    /** {@code host[_port][_https]}: the port when not the scheme's default, the scheme when https. */
    static String hostDir(String host, int port, boolean defaultPort, boolean https) {
        String name = guardDevice(escape(host, Part.HOST), false);
        if (!defaultPort) {
            name += "_" + port;
        }
        if (https) {
            name += "_https";
        }
        return fit(name);
    }

    /** The directory for a path segment that is not the last one. */
    static String dir(String segment) {
        if (segment.isEmpty()) {
            return "^n";
        }
        String name = guardDevice(guardTrailingDot(guardLeadingDot(escape(segment, Part.SEGMENT))), false);
        if (name.toLowerCase(Locale.ROOT).endsWith(PAGE_SUFFIX)) {
            int dot = name.length() - PAGE_SUFFIX.length();
            name = name.substring(0, dot) + "^2e" + name.substring(dot + 1);
        }
        return fit(name);
    }

    /** The page file for the last path segment and the query (null when none). */
    static String page(String segment, String query) {
        String name = segment.isEmpty() ? INDEX : guardDevice(guardLeadingDot(escape(segment, Part.SEGMENT)), true);
        if (query != null) {
            name += "@" + escape(query, Part.QUERY);
        }
        return fit(name) + PAGE_SUFFIX;
    }

    /** The page file that stands for the rest of a path too deep to write out. */
    static String folded(String url) {
        return "^z" + Sha256.hex(url).substring(0, TRUNCATION_HASH) + PAGE_SUFFIX;
    }

    /** Keeps the characters safe in file names on Linux, macOS and Windows; escapes the rest. */
    private static String escape(String s, Part part) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean shortNameLike = c == '~' && i + 1 < s.length() && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9';
            if (c < 0x80 && keep(c, part) && !shortNameLike) {
                out.append(c);
            } else {
                int cp = s.codePointAt(i);
                escapeBytes(Character.toString(cp), out);
                i += Character.charCount(cp) - 1;
            }
        }
        return out.toString();
    }

    private static boolean keep(char c, Part part) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
            return true;
        }
        if (part == Part.HOST) {
            return false;
        }
        if (c >= 'A' && c <= 'Z') {
            return true;
        }
        return switch (c) {
            case '_', '~', '!', '$', '&', '\'', '(', ')', '+', ',', ';', '=', '%' -> true;
            case '@' -> part == Part.QUERY;
            default -> false;
        };
    }

    private static void escapeBytes(String chars, StringBuilder out) {
        for (byte b : chars.getBytes(StandardCharsets.UTF_8)) {
            out.append('^').append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
    }

    /** No hidden files, no "." or "..": a leading dot is escaped. */
    private static String guardLeadingDot(String name) {
        return name.startsWith(".") ? "^2e" + name.substring(1) : name;
    }

    /** Windows drops trailing dots, so a directory "a." would be "a": escaped. */
    private static String guardTrailingDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) + "^2e" : name;
    }

    /**
     * Escapes the first letter of Windows device names ({@code con}, {@code nul.txt}, ...), and for
     * pages of the literal name {@code index}, which stands for the empty name ({@code /a/}).
     */
    private static String guardDevice(String name, boolean page) {
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT);
        boolean reserved = WINDOWS_DEVICES.contains(stem) || (page && name.equalsIgnoreCase(INDEX));
        if (!reserved) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        escapeBytes(name.substring(0, 1), out);
        return out.append(name, 1, name.length()).toString();
    }

    /**
     * Truncates a name longer than {@link #MAX_NAME} to a prefix and a hash of the whole; tags a
     * name with upper-case letters with a short hash of it, so names differing only in case stay
     * apart on case-insensitive file systems.
     */
    private static String fit(String name) {
        if (name.length() > MAX_NAME) {
            return name.substring(0, TRUNCATED_KEEP) + "^t" + Sha256.hex(name).substring(0, TRUNCATION_HASH);
        }
        if (hasUpperCase(name)) {
            return name + "^u" + Sha256.hex(name).substring(0, CASE_HASH);
        }
        return name;
    }

    /** Whether {@code name} has an upper-case letter outside percent triplets (whose hex is canonical). */
    private static boolean hasUpperCase(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '%') {
                i += 2;
            } else if (c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }
}
