package dev.crawler.engine;

import java.util.EnumMap;
import java.util.Map;

/**
 * Everything the crawl has under way, as permits, in two stages: on the wire (a fetch until its
 * response is in, a robots.txt load, a sitemap fetch and read) and behind it (a fetched page until
 * its outcome is durable and published, the recording of a refused URL). The crawl's concurrency
 * caps each stage on its own, so a page being written and committed does not keep the next request
 * off the wire, while pages still cannot pile up behind a slow sink: at most the concurrency's
 * worth of responses is on the heap in each stage. The crawl can only end when no permit is held.
 * A permit is given back exactly once (handing it over to the next stage gives it back): a second
 * release is a bug and throws, so no path can free a slot twice or keep one by forgetting a
 * hand-kept counter. Not thread-safe: the coordinator's thread owns it.
 */
final class WorkPermits {

    /** What a permit is held for. */
    enum Kind {
        FETCH("fetches", true),
        ROBOTS("robots.txt loads", true),
        SITEMAP("sitemaps", true),
        PAGE("pages being recorded", false),
        REFUSAL("refusals being recorded", false);

        private final String label;
        private final boolean onWire;

        Kind(String label, boolean onWire) {
            this.label = label;
            this.onWire = onWire;
        }
    }

    private final Map<Kind, Integer> held = new EnumMap<>(Kind.class);
    private int onWire;
    private int behind;

    /** Takes a permit for {@code kind}. */
    Permit take(Kind kind) {
        held.merge(kind, 1, Integer::sum);
        if (kind.onWire) {
            onWire++;
        } else {
            behind++;
        }
        return new Permit(kind);
    }

    /** Permits held, over all kinds. */
    int held() {
        return onWire + behind;
    }

    /** Whether another piece of work may start under {@code limit}: each stage holds fewer than it. */
    boolean roomUnder(int limit) {
        return onWire < limit && behind < limit;
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
            if (kind.onWire) {
                onWire--;
            } else {
                behind--;
            }
        }

        /**
         * The same work moves on to {@code next} (a fetched page to being recorded): this permit
         * is given back and one for {@code next} taken in its place.
         */
        Permit handOver(Kind next) {
            release();
            return take(next);
        }
    }
}
