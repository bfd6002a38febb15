package dev.crawler.fetch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A user name and password, for a proxy ({@code --proxy http://user:pass@...}) or a site
 * ({@code --auth HOST=USER:PASS}). {@link #toString()} never shows the password, so that
 * credentials cannot reach a log line by accident.
 */
public record Credentials(String user, String password) {

    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isEmpty()) {
            throw new IllegalArgumentException("user name is empty");
        }
        if (user.length() > 255 || password.length() > 255) {
            throw new IllegalArgumentException("user name and password must be at most 255 characters each");
        }
    }

    /** The value of an {@code Authorization} or {@code Proxy-Authorization} header for Basic authentication. */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return user + ":***";
    }
}
