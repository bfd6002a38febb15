package dev.crawler.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the hosts of a simulated web remember of a client and ask of it: sessions (each host sets
 * a session cookie of its own on a request that carries none) and logins (a host answers 401
 * unless its user and password come with the request). {@link #open()}, the default, has neither,
 * so the web answers exactly as it did before either existed.
 *
 * @param sessions whether every host sets {@code sim-session}, a host-only cookie, on a request
 *     without its own (see {@link SessionLog} for what is counted)
 * @param logins the hosts that ask for a login, at most one login a host
 */
public record SimAccess(boolean sessions, List<SimLogin> logins) {

    private static final SimAccess OPEN = new SimAccess(false, List.of());

    public SimAccess {
        logins = List.copyOf(Objects.requireNonNull(logins, "logins"));
        for (int i = 0; i < logins.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (logins.get(i).host().equals(logins.get(j).host())) {
                    throw new IllegalArgumentException("two logins for " + logins.get(i).host() + "; a host takes one");
                }
            }
        }
    }

    /** No sessions and no logins: every host answers everyone alike. */
    public static SimAccess open() {
        return OPEN;
    }

    /** Whether nothing here changes what the web answers. */
    public boolean isOpen() {
        return !sessions && logins.isEmpty();
    }

    public SimAccess withSessions() {
        return new SimAccess(true, logins);
    }

    /** A copy with one more host asking for a login. */
    public SimAccess withLogin(SimLogin login) {
        List<SimLogin> more = new ArrayList<>(logins);
        more.add(login);
        return new SimAccess(sessions, more);
    }

    /** The login {@code host} asks for (its name lower-cased), if it asks for one. */
    public Optional<SimLogin> loginFor(String host) {
        return logins.stream().filter(l -> l.host().equals(host)).findFirst();
    }
}
