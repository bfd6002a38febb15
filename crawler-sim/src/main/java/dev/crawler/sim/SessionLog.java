package dev.crawler.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the hosts of a simulated web with sessions or logins ({@link SimAccess}) saw of them, per
 * host: requests that came with the host's own session cookie, without it, and with another host's
 * (which a correct crawler never sends: the cookie is host-only); and requests with the host's
 * login, without it, and with a login that is not the host's (which a correct crawler never
 * sends either). Only GET requests for a host of the web are counted. Thread-safe; the counts are
 * read while the server runs.
 */
public final class SessionLog {

    /** What one request showed, counted once in the cookie kinds and at most once in the login kinds. */
    enum Seen {
        OWN_COOKIE, NO_COOKIE, OTHER_HOSTS_COOKIE, LOGIN, NO_LOGIN, LOGIN_NOT_ITS_OWN
    }

    /**
     * The counts of one host, or of all of them.
     *
     * @param withOwnCookie requests that carried the host's own session cookie
     * @param withoutCookie requests that carried no session cookie of the host (each was answered with one)
     * @param withOtherHostsCookie requests that carried another host's session cookie (never, from a correct crawler)
     * @param withLogin requests to a host that asks for a login that carried it
     * @param withoutLogin requests to a host that asks for a login that did not carry it (each was answered 401)
     * @param loginNotItsOwn requests that carried an {@code Authorization} field to a host that asks for
     *     none, or another host's login (never, from a correct crawler)
     */
    public record Counts(long withOwnCookie, long withoutCookie, long withOtherHostsCookie, long withLogin,
            long withoutLogin, long loginNotItsOwn) {

        /** Requests counted by their session cookie: with it, without it, with another host's. */
        public long sessionRequests() {
            return withOwnCookie + withoutCookie + withOtherHostsCookie;
        }

        Counts plus(Counts o) {
            return new Counts(withOwnCookie + o.withOwnCookie, withoutCookie + o.withoutCookie,
                    withOtherHostsCookie + o.withOtherHostsCookie, withLogin + o.withLogin, withoutLogin + o.withoutLogin,
                    loginNotItsOwn + o.loginNotItsOwn);
        }
    }

    private static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

    private final SimAccess access;
    private final Map<String, AtomicLongArray> hosts = new LinkedHashMap<>();

    SessionLog(SimAccess access, List<String> hostNames) {
        this.access = access;
        for (String host : hostNames) {
            hosts.put(host, new AtomicLongArray(Seen.values().length));
        }
    }

    void count(String host, Seen seen) {
        hosts.get(host).incrementAndGet(seen.ordinal());
    }

    /** The counts of {@code host}, a name of this web. */
    public Counts host(String host) {
        AtomicLongArray a = hosts.get(host.toLowerCase(Locale.ROOT));
        if (a == null) {
            throw new IllegalArgumentException("not a host of this simulated web: '" + host + "'");
        }
        return new Counts(a.get(0), a.get(1), a.get(2), a.get(3), a.get(4), a.get(5));
    }

    /** The counts of every host, in host order. */
    public Map<String, Counts> byHost() {
        Map<String, Counts> all = new LinkedHashMap<>();
        hosts.keySet().forEach(h -> all.put(h, host(h)));
        return Collections.unmodifiableMap(all);
    }

    /** The counts of all hosts together. */
    public Counts total() {
        return byHost().values().stream().reduce(NONE, Counts::plus);
    }

    /**
     * One line for people, naming only what the web was asked to do, e.g. {@code sessions: 1,203
     * requests with their host's cookie, 10 without it (on 10 hosts), 0 with another host's; logins:
     * site-2.sim 120 requests with the login, 0 without; 0 logins sent where they do not belong}.
     */
    public String summary() {
        StringBuilder line = new StringBuilder();
        Counts total = total();
        if (access.sessions()) {
            long hostsWithout = byHost().values().stream().filter(c -> c.withoutCookie() > 0).count();
            line.append("sessions: ").append(n(total.withOwnCookie())).append(" requests with their host's cookie, ")
                    .append(n(total.withoutCookie())).append(" without it (on ").append(n(hostsWithout))
                    .append(hostsWithout == 1 ? " host), " : " hosts), ").append(n(total.withOtherHostsCookie()))
                    .append(" with another host's");
        }
        if (!access.logins().isEmpty()) {
            line.append(line.isEmpty() ? "" : "; ").append("logins:");
            for (SimLogin login : access.logins()) {
                Counts c = host(login.host());
                line.append(' ').append(login.host()).append(' ').append(n(c.withLogin())).append(" requests with the login, ")
                        .append(n(c.withoutLogin())).append(" without;");
            }
            line.append(' ').append(n(total.loginNotItsOwn())).append(" logins sent where they do not belong");
        }
        return line.isEmpty() ? "no sessions or logins" : line.toString();
    }

    private static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
