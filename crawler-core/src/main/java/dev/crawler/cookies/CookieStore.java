package dev.crawler.cookies;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cookies of a jar, by domain, within their {@link CookieLimits}: the storage model of RFC
 * 6265 §5.3 steps 11-12 and the lookup of §5.4. A cookie replaces the one with the same
 * {@link Cookie.Id} and keeps its creation time; an expired one only deletes. Creation times are
 * unique and increasing, so cookies stored at the same instant keep the order they came in.
 * Not thread-safe: {@link CookieJar} guards it.
 */
final class CookieStore {

    /** Evicted first: the least recently used, then the oldest. */
    private static final Comparator<Cookie> EVICTION_ORDER =
            Comparator.comparing(Cookie::lastAccess).thenComparing(Cookie::creation);

    private final CookieLimits limits;
    private final Map<String, Map<Cookie.Id, Cookie>> byDomain = new HashMap<>();
    private int size;
    private Instant lastCreation = Instant.MIN;

    CookieStore(CookieLimits limits) {
        this.limits = limits;
    }

    int size() {
        return size;
    }

    /** Stores {@code cookie}, or only deletes the one it replaces if it has expired by {@code now}. */
    void put(Cookie cookie, Instant now) {
        Map<Cookie.Id, Cookie> domain = byDomain.computeIfAbsent(cookie.domain(), d -> new LinkedHashMap<>());
        Cookie old = domain.remove(cookie.id());
        if (old != null) {
            size--;
        }
        if (cookie.expiredAt(now)) {
            dropIfEmpty(cookie.domain(), domain);
            return;
        }
        Instant creation = old != null ? old.creation() : nextCreation(now);
        domain.put(cookie.id(), cookie.withCreation(creation).withLastAccess(now));
        size++;
        if (domain.size() > limits.perDomain()) {
            removeExpired(domain, now);
            evictLeastRecentlyUsed(List.of(domain), limits.perDomain());
        }
        if (size > limits.total()) {
            removeExpired(now);
            evictLeastRecentlyUsed(byDomain.values(), limits.total());
        }
    }

    /**
     * The cookies, not expired by {@code now}, stored under {@code host} or a domain above it that
     * go with {@code request}, in no particular order. Expired ones met on the way are removed.
     */
    List<Cookie> matching(CookieRequest request, Instant now) {
        List<Cookie> found = new ArrayList<>();
        for (String domain : domainsOf(request)) {
            Map<Cookie.Id, Cookie> cookies = byDomain.get(domain);
            if (cookies != null) {
                removeExpired(cookies, now);
                cookies.values().stream().filter(c -> c.appliesTo(request)).forEach(found::add);
                dropIfEmpty(domain, cookies);
            }
        }
        return found;
    }

    /** Marks {@code sent} as used at {@code now}. */
    void touch(List<Cookie> sent, Instant now) {
        for (Cookie cookie : sent) {
            Map<Cookie.Id, Cookie> domain = byDomain.get(cookie.domain());
            if (domain != null) {
                domain.computeIfPresent(cookie.id(), (id, c) -> c.withLastAccess(now));
            }
        }
    }

    /** Every cookie not expired by {@code now}, oldest first; expired ones are removed. */
    List<Cookie> all(Instant now) {
        removeExpired(now);
        List<Cookie> all = new ArrayList<>(size);
        byDomain.values().forEach(d -> all.addAll(d.values()));
        all.sort(Comparator.comparing(Cookie::creation));
        return all;
    }

    /** The host itself, then each domain above it; an IP address has no domain above it. */
    private static List<String> domainsOf(CookieRequest request) {
        List<String> domains = new ArrayList<>();
        String host = request.host();
        domains.add(host);
        if (!request.hostIsIpAddress()) {
            for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
                domains.add(host.substring(dot + 1));
            }
        }
        return domains;
    }

    private Instant nextCreation(Instant now) {
        lastCreation = now.isAfter(lastCreation) ? now : lastCreation.plusNanos(1);
        return lastCreation;
    }

    /** Removes every cookie that has expired by {@code now}. */
    void removeExpired(Instant now) {
        Iterator<Map.Entry<String, Map<Cookie.Id, Cookie>>> domains = byDomain.entrySet().iterator();
        while (domains.hasNext()) {
            Map<Cookie.Id, Cookie> cookies = domains.next().getValue();
            removeExpired(cookies, now);
            if (cookies.isEmpty()) {
                domains.remove();
            }
        }
    }

    private void removeExpired(Map<Cookie.Id, Cookie> cookies, Instant now) {
        int before = cookies.size();
        cookies.values().removeIf(c -> c.expiredAt(now));
        size -= before - cookies.size();
    }

    /** Evicts from {@code domains}, least recently used first, until at most {@code limit} are left in them. */
    private void evictLeastRecentlyUsed(Iterable<Map<Cookie.Id, Cookie>> domains, int limit) {
        List<Cookie> candidates = new ArrayList<>();
        domains.forEach(d -> candidates.addAll(d.values()));
        candidates.sort(EVICTION_ORDER);
        for (int i = 0; i < candidates.size() - limit; i++) {
            Cookie victim = candidates.get(i);
            Map<Cookie.Id, Cookie> domain = byDomain.get(victim.domain());
            domain.remove(victim.id());
            size--;
            dropIfEmpty(victim.domain(), domain);
        }
    }

    private void dropIfEmpty(String domain, Map<Cookie.Id, Cookie> cookies) {
        if (cookies.isEmpty()) {
            byDomain.remove(domain);
        }
    }
}
