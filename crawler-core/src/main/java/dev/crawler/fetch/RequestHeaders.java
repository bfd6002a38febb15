package dev.crawler.fetch;

import dev.crawler.fetch.http.RequestTarget;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The header fields a user adds to every request ({@code --header 'Name: value'}) and the logins
 * given per host ({@code --auth HOST=USER:PASS}). A login goes as Basic {@code Authorization} to
 * requests for exactly its host, whatever the scheme or port, and to no other: a redirect to
 * another host is a request for that host, so it never carries the login. Immutable.
 *
 * @param headers fields added to every request, in order
 * @param logins the login for each host (lower-cased name or address)
 */
public record RequestHeaders(List<Map.Entry<String, String>> headers, Map<String, Credentials> logins)
        implements RequestExtras {

    /** Fields the crawler sets itself, which a user may not: they frame the request or route it. */
    private static final Set<String> RESERVED = Set.of("host", "connection", "content-length", "transfer-encoding",
            "te", "upgrade", "trailer", "keep-alive", "proxy-connection", "proxy-authorization", "accept-encoding");
    private static final String WITHHELD = "Basic [withheld]";

    public RequestHeaders {
        headers = List.copyOf(headers);
        for (Map.Entry<String, String> h : headers) {
            requireValid(h.getKey(), h.getValue());
        }
        Map<String, Credentials> lower = new java.util.LinkedHashMap<>();
        logins.forEach((host, login) -> lower.put(host.toLowerCase(Locale.ROOT), Objects.requireNonNull(login)));
        logins = Map.copyOf(lower);
    }

    /**
     * The field {@code Name: value} as given on a command line; fails saying what is wrong with
     * it (no colon, a name that is not an HTTP token, a line break, a field the crawler sets itself).
     */
    public static Map.Entry<String, String> parseHeader(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("header '" + text + "' is not 'Name: value'");
        }
        String name = text.substring(0, colon).strip();
        String value = text.substring(colon + 1).strip();
        requireValid(name, value);
        return Map.entry(name, value);
    }

    /** The login {@code HOST=USER:PASS} as given on a command line; the message never shows the password. */
    public static Map.Entry<String, Credentials> parseLogin(String text) {
        int eq = text.indexOf('=');
        int colon = eq < 0 ? -1 : text.indexOf(':', eq);
        if (eq <= 0 || colon < 0) {
            throw new IllegalArgumentException("a login must be HOST=USER:PASS, such as example.com=alice:secret"
                    + (eq > 0 ? " (the one for '" + text.substring(0, eq).strip() + "' is not)" : ""));
        }
        String host = text.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        if (host.contains("/") || host.contains(":") && !host.startsWith("[")) {
            throw new IllegalArgumentException("login for '" + host + "': give the host name alone, without"
                    + " scheme, path or port");
        }
        String user = text.substring(eq + 1, colon);
        String password = text.substring(colon + 1);
        if (user.isEmpty() || (user + password).chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("login for '" + host + "': the user name is empty or holds a control"
                    + " character");
        }
        return Map.entry(host.startsWith("[") ? host.substring(1, host.length() - 1) : host,
                new Credentials(user, password));
    }

    private static void requireValid(String name, String value) {
        if (name.isEmpty() || !name.chars().allMatch(RequestHeaders::tokenChar)) {
            throw new IllegalArgumentException("header name '" + name + "' is not an HTTP token (letters, digits"
                    + " and !#$%&'*+-.^_`|~)");
        }
        if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f || c > 0xff)) {
            throw new IllegalArgumentException("header '" + name + "' has a line break or another control character"
                    + " in its value");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("header '" + name + "' is set by the crawler itself and cannot be"
                    + " given (reserved: " + String.join(", ", new java.util.TreeSet<>(RESERVED)) + ")");
        }
        if (name.equalsIgnoreCase("authorization")) {
            throw new IllegalArgumentException("give a login with --auth HOST=USER:PASS rather than an Authorization"
                    + " header, so that it goes to that host only");
        }
    }

    private static boolean tokenChar(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    @Override
    public List<Map.Entry<String, String>> headersFor(URI uri) {
        Credentials login = logins.isEmpty() ? null : logins.get(RequestTarget.hostOf(uri));
        if (login == null) {
            return headers;
        }
        List<Map.Entry<String, String>> all = new ArrayList<>(headers);
        all.add(Map.entry("Authorization", login.basicAuthorization()));
        return all;
    }

    @Override
    public RequestExtras recordable() {
        if (logins.isEmpty()) {
            return this;
        }
        RequestHeaders self = this;
        return new RequestExtras() {
            @Override
            public List<Map.Entry<String, String>> headersFor(URI uri) {
                return self.headersFor(uri).stream()
                        .map(h -> h.getKey().equals("Authorization") ? Map.entry(h.getKey(), WITHHELD) : h)
                        .toList();
            }

            @Override
            public RequestExtras recordable() {
                return this;
            }
        };
    }

    /** The hosts with a login, never the logins themselves. */
    @Override
    public String toString() {
        return "RequestHeaders[headers=" + headers.stream().map(Map.Entry::getKey).toList() + ", logins for="
                + logins.keySet() + "]";
    }
}
