package dev.crawler.cookies;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Netscape {@code cookies.txt} format that curl, wget and browsers' exporters read and write:
 * one cookie a line, seven tab-separated fields (domain, whether subdomains are included, path,
 * whether secure, expiry in seconds since 1970 or 0 for a session cookie, name, value). A line
 * starting with {@code #HttpOnly_} is an HttpOnly cookie; other lines starting with {@code #}, and
 * blank lines, are comments. A domain cookie's domain is written with a leading dot. A line whose
 * value is missing (six fields) has an empty value. Cookies that have expired are skipped.
 */
final class NetscapeCookies {

    private static final String HTTP_ONLY_PREFIX = "#HttpOnly_";
    private static final String HEADER = """
            # Netscape HTTP Cookie File
            # Tab-separated: domain, include subdomains, path, secure, expiry (seconds since 1970, \
            0 for a session cookie), name, value.

            """;

    private NetscapeCookies() {
    }

    /**
     * The cookies in {@code in} that have not expired by {@code now}, in the order of the file,
     * created and last used at {@code now}.
     *
     * @param source what {@code in} is, for the messages of errors (a file name)
     * @throws CookieFileException for the first line that is malformed
     */
    static List<Cookie> read(Reader in, String source, Instant now) throws IOException {
        List<Cookie> cookies = new ArrayList<>();
        BufferedReader lines = new BufferedReader(in);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            try {
                parseLine(line, now).filter(c -> !c.expiredAt(now)).ifPresent(cookies::add);
            } catch (IllegalArgumentException e) {
                throw new CookieFileException(source, number, e.getMessage());
            }
        }
        return cookies;
    }

    /** Writes {@code cookies} in this format, in their order, after a comment that names it. */
    static void write(Writer out, List<Cookie> cookies) throws IOException {
        out.write(HEADER);
        for (Cookie cookie : cookies) {
            out.write(line(cookie));
            out.write('\n');
        }
    }

    static String line(Cookie cookie) {
        return (cookie.httpOnly() ? HTTP_ONLY_PREFIX : "")
                + (cookie.hostOnly() ? cookie.domain() : "." + cookie.domain()) + '\t'
                + flag(!cookie.hostOnly()) + '\t'
                + cookie.path() + '\t'
                + flag(cookie.secure()) + '\t'
                + cookie.expiry().map(Instant::getEpochSecond).orElse(0L) + '\t'
                + cookie.name() + '\t'
                + cookie.value();
    }

    private static String flag(boolean on) {
        return on ? "TRUE" : "FALSE";
    }

    /** The cookie on {@code line}, empty for a comment or blank line; a malformed one throws. */
    private static Optional<Cookie> parseLine(String line, Instant now) {
        boolean httpOnly = line.startsWith(HTTP_ONLY_PREFIX);
        if (!httpOnly && (line.startsWith("#") || line.isBlank())) {
            return Optional.empty();
        }
        String[] fields = (httpOnly ? line.substring(HTTP_ONLY_PREFIX.length()) : line).split("\t", -1);
        if (fields.length != 6 && fields.length != 7) {
            throw new IllegalArgumentException("expected 7 tab-separated fields (domain, include subdomains, path, "
                    + "secure, expiry, name, value), found " + fields.length
                    + (fields.length == 1 && line.contains(" ")
                            ? " (are the fields separated by spaces, not tabs?)" : ""));
        }
        boolean includeSubdomains = bool(fields[1], "include subdomains (field 2)");
        String domain = domain(fields[0], includeSubdomains);
        String path = fields[2];
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("the path (field 3) must start with '/', found '" + path + "'");
        }
        boolean secure = bool(fields[3], "secure (field 4)");
        Optional<Instant> expiry = expiry(fields[4]);
        String name = fields[5];
        String value = fields.length == 7 ? fields[6] : "";
        checkNameAndValue(name, value);
        return Optional.of(
                new Cookie(name, value, domain, !includeSubdomains, path, secure, httpOnly, expiry, now, now));
    }

    private static String domain(String field, boolean includeSubdomains) {
        String domain = (field.startsWith(".") ? field.substring(1) : field).toLowerCase(Locale.ROOT);
        if (domain.isEmpty()) {
            throw new IllegalArgumentException("the domain (field 1) is empty");
        }
        if (includeSubdomains && CookieDomains.isIpAddress(domain)) {
            throw new IllegalArgumentException("the cookie for IP address " + domain
                    + " includes subdomains (field 2 must be FALSE for an IP address)");
        }
        if (includeSubdomains && PublicSuffixes.isPublicSuffix(domain)) {
            throw new IllegalArgumentException("the domain " + domain + " is a public suffix: a cookie for all its "
                    + "subdomains would go to every site under it (field 2 must be FALSE for it)");
        }
        return domain;
    }

    private static boolean bool(String field, String what) {
        if (field.equalsIgnoreCase("TRUE")) {
            return true;
        }
        if (field.equalsIgnoreCase("FALSE")) {
            return false;
        }
        throw new IllegalArgumentException(what + " must be TRUE or FALSE, found '" + field + "'");
    }

    private static Optional<Instant> expiry(String field) {
        try {
            long seconds = Long.parseLong(field);
            return seconds == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(seconds));
        } catch (NumberFormatException | DateTimeException e) {
            throw new IllegalArgumentException("the expiry (field 5) must be whole seconds since 1970, "
                    + "or 0 for a session cookie, found '" + field + "'");
        }
    }

    private static void checkNameAndValue(String name, String value) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the name (field 6) is empty");
        }
        if (name.contains("=") || name.contains(";") || value.contains(";")) {
            throw new IllegalArgumentException("the name may not contain '=' or ';', nor the value ';': " + name);
        }
        if (SetCookieParser.hasControl(name) || SetCookieParser.hasControl(value)) {
            throw new IllegalArgumentException("the name or value of cookie " + name + " holds a control character");
        }
        int bytes = (name + value).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > SetCookieParser.MAX_NAME_VALUE_BYTES) {
            throw new IllegalArgumentException("cookie " + name + " has " + bytes + " bytes of name and value, "
                    + "over the " + SetCookieParser.MAX_NAME_VALUE_BYTES + " a cookie may have");
        }
    }
}
