package dev.crawler.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The doorkeeper of a simulated web with sessions or logins ({@link SimAccess}): reads a request's
 * {@code Cookie} and {@code Authorization} fields for the host it is for, counts what they showed in
 * the {@link SessionLog}, and says whether the host refuses the request (401: its login missing)
 * and which session cookie the response sets (the host's, when the request lacked it).
 *
 * <p>Each host's session id is its own ({@code s<N>-<hex>}, fixed by the seed, worked out once),
 * so a cookie that reached the wrong host is told apart from a missing one. Thread-safe: its own
 * state never changes after construction; the counts are the {@link SessionLog}'s.
 */
final class SessionKeeper {

    /** The name of every host's session cookie: the same name, a value of each host's own. */
    static final String COOKIE = "sim-session";

    /** What to do with one request. */
    record Admission(boolean refused, String setCookie) {

        static final Admission AS_USUAL = new Admission(false, null);

        /** {@code response}, with the session cookie set when there is one to set. */
        SimResponse apply(SimResponse response) {
            if (setCookie == null) {
                return response;
            }
            Map<String, String> headers = new LinkedHashMap<>(response.headers());
            headers.put("Set-Cookie", setCookie);
            return new SimResponse(response.status(), headers, response.body());
        }
    }

    private final SimWeb web;
    private final SimAccess access;
    private final SessionLog log;
    /** Each host's session id by host number (index 0 unused); empty without sessions. */
    private final List<String> sessionIds;
    /** Every host's session id, to tell another host's cookie from a value nobody handed out. */
    private final Set<String> anySessionId;

    SessionKeeper(SimWeb web) {
        this.web = web;
        this.access = web.config().access();
        this.log = new SessionLog(access, web.hostNames());
        List<String> ids = new ArrayList<>();
        if (access.sessions()) {
            ids.add("");
            long seed = web.config().seed();
            for (int host = 1; host <= web.config().hosts(); host++) {
                ids.add("s" + host + "-" + String.format("%016x", PagePlanner.mix(seed, host, 0x5E5510)));
            }
        }
        this.sessionIds = List.copyOf(ids);
        this.anySessionId = Set.copyOf(ids.subList(Math.min(1, ids.size()), ids.size()));
    }

    SessionLog log() {
        return log;
    }

    /** Whether requests need reading at all: false for an {@linkplain SimAccess#isOpen() open} web. */
    boolean active() {
        return !access.isOpen();
    }

    /**
     * Reads and counts one GET to {@code site} (a host of this web, as it names it).
     *
     * @param cookies the request's {@code Cookie} fields
     * @param authorizations its {@code Authorization} fields
     */
    Admission admit(String site, List<String> cookies, List<String> authorizations) {
        if (!active()) {
            return Admission.AS_USUAL;
        }
        int host = web.hostNumber(site);
        String name = web.hostName(host);
        boolean refused = checkLogin(name, authorizations);
        String setCookie = access.sessions() ? checkSession(host, name, cookies) : null;
        return refused || setCookie != null ? new Admission(refused, setCookie) : Admission.AS_USUAL;
    }

    /** Counts the request's login; true if the host asks for one it did not carry. */
    private boolean checkLogin(String name, List<String> authorizations) {
        Optional<SimLogin> login = access.loginFor(name);
        boolean carried = login.isPresent() && authorizations.stream().anyMatch(a -> login.get().matches(a));
        boolean foreign = authorizations.stream().anyMatch(a -> login.isEmpty() || isAnotherHostsLogin(name, a));
        if (foreign) {
            log.count(name, SessionLog.Seen.LOGIN_NOT_ITS_OWN);
        }
        if (login.isPresent()) {
            log.count(name, carried ? SessionLog.Seen.LOGIN : SessionLog.Seen.NO_LOGIN);
        }
        return login.isPresent() && !carried;
    }

    private boolean isAnotherHostsLogin(String name, String authorization) {
        return access.logins().stream().anyMatch(l -> !l.host().equals(name) && l.matches(authorization));
    }

    /** Counts the request's session cookie; the Set-Cookie value when it lacked the host's own, else null. */
    private String checkSession(int host, String name, List<String> cookies) {
        String own = sessionIds.get(host);
        boolean hasOwn = false;
        boolean hasOther = false;
        for (String value : sessionValues(cookies)) {
            hasOwn |= value.equals(own);
            hasOther |= !value.equals(own) && anySessionId.contains(value);
        }
        log.count(name, hasOther ? SessionLog.Seen.OTHER_HOSTS_COOKIE
                : hasOwn ? SessionLog.Seen.OWN_COOKIE : SessionLog.Seen.NO_COOKIE);
        return hasOwn ? null : COOKIE + "=" + own + "; Path=/";
    }

    /** The values of every {@code sim-session} pair in the {@code Cookie} fields. */
    static List<String> sessionValues(List<String> cookies) {
        return cookies.stream().flatMap(c -> Arrays.stream(c.split(";")))
                .map(String::trim)
                .filter(pair -> pair.startsWith(COOKIE + "="))
                .map(pair -> pair.substring(COOKIE.length() + 1).trim())
                .toList();
    }

    /** The answer to a request its host refuses: 401 and the Basic challenge. */
    static SimResponse unauthorized(String name) {
        return new SimResponse(401, Map.of("Content-Type", "text/plain; charset=utf-8", "WWW-Authenticate", SimLogin.CHALLENGE),
                ("401 Unauthorized: " + name + " asks for a login\n").getBytes(StandardCharsets.UTF_8));
    }
}
