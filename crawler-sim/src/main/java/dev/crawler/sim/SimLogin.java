package dev.crawler.sim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * A host of the simulated web that asks for a login: every request to it without exactly this
 * user and password in a Basic {@code Authorization} field is answered {@code 401} with
 * {@code WWW-Authenticate: Basic realm="sim"}; with them, it answers as the host always does.
 *
 * @param host the host's name as the web names it ({@code site-2.sim}), lower-cased here
 * @param user the user name, not empty, without a colon (Basic cannot carry one)
 * @param password the password, not empty
 */
public record SimLogin(String host, String user, String password) {

    /** The challenge every refused request gets. */
    public static final String CHALLENGE = "Basic realm=\"sim\"";

    public SimLogin {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        host = host.toLowerCase(Locale.ROOT);
        require(!host.isBlank(), "a login's host must not be empty");
        require(!user.isEmpty() && user.indexOf(':') < 0, "a login's user must be non-empty and without ':', was '"
                + user + "' (for " + host + ")");
        require(!password.isEmpty(), "a login's password must not be empty (for " + host + ")");
    }

    /**
     * Parses {@code HOST=USER:PASS}, as {@code crawler sim --login} takes it (the password may hold
     * colons: the first one ends the user).
     */
    public static SimLogin parse(String text) {
        int eq = text.indexOf('=');
        int colon = eq < 0 ? -1 : text.indexOf(':', eq);
        require(eq > 0 && colon > eq + 1 && colon < text.length() - 1,
                "a login is HOST=USER:PASS, such as site-2.sim=alice:secret; was '" + masked(text) + "'");
        return new SimLogin(text.substring(0, eq), text.substring(eq + 1, colon), text.substring(colon + 1));
    }

    /** The {@code Authorization} value that carries this login: {@code Basic base64(user:password)}. */
    public String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether an {@code Authorization} value is this login (the scheme matched case-insensitively). */
    boolean matches(String authorization) {
        if (authorization == null) {
            return false;
        }
        String value = authorization.trim();
        return value.regionMatches(true, 0, "Basic ", 0, 6)
                && value.substring(6).trim().equals(authorization().substring(6));
    }

    /** {@code HOST=USER:PASS}, what {@link #parse} reads, for the crawl command ({@code --auth}). */
    public String text() {
        return host + "=" + user + ":" + password;
    }

    /** Without the password, which appears in no message. */
    @Override
    public String toString() {
        return "SimLogin[" + host + ", user " + user + "]";
    }

    private static String masked(String text) {
        int colon = text.indexOf(':', Math.max(0, text.indexOf('=')));
        return colon < 0 ? text : text.substring(0, colon + 1) + "...";
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
