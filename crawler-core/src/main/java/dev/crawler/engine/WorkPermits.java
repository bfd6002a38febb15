package dev.crawler.engine;

import java.util.EnumMap;
import java.util.Map;

/**
 * Everything the crawl has under way, as permits: a fetch from its start until its outcome is
 * durable and published, a robots.txt load, a sitemap fetch and read, the recording of a refused
 * URL, the lookup of a host's address for its per-IP budget. The crawl's concurrency caps the
 * permits held, and the crawl can only end when none is. A permit is given back exactly once: a second release is a bug and throws, so no path can free a
 * slot twice or keep one by forgetting a hand-kept counter. Not thread-safe: the coordinator's
 * thread owns it.
 */
final class WorkPermits {

    /** What a permit is held for. */
    enum Kind {
        FETCH("fetches"),
        ROBOTS("robots.txt loads"),
        SITEMAP("sitemaps"),
        REFUSAL("refusals being recorded"),
        LOOKUP("address lookups");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final Map<Kind, Integer> held = new EnumMap<>(Kind.class);
    private int total;

    /** Takes a permit for {@code kind}. */
    Permit take(Kind kind) {
        held.merge(kind, 1, Integer::sum);
        total++;
        return new Permit(kind);
    }

    /** Permits held, over all kinds. */
    int held() {
        return total;
    }

    /** The permits held by kind, for a dump: {@code 3 fetches, 1 robots.txt loads}. */
    String describe() {
        StringBuilder out = new StringBuilder();
        held.forEach((kind, n) -> {
            if (n > 0) {
                out.append(out.isEmpty() ? "" : ", ").append(n).append(' ').append(kind.label);
            }
        });
        return out.isEmpty() ? "nothing under way" : out.toString();
    }

    /** One unit of work under way. */
    final class Permit {
        private final Kind kind;
        private boolean released;

        private Permit(Kind kind) {
            this.kind = kind;
        }

        /** Gives the permit back; throws if it was given back before. */
        void release() {
            if (released) {
                throw new IllegalStateException("a " + kind + " permit was released twice");
            }
            released = true;
            held.merge(kind, -1, Integer::sum);
            total--;
        }
    }
}
