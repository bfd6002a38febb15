package dev.crawler.engine;

import dev.crawler.frontier.HostNote;
import dev.crawler.robots.RobotsRules;
import dev.crawler.robots.RobotsRulesCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notes the engine keeps about a host through its frontier ({@link HostNote}), so that a node
 * taking the host over in a crawl shared by several nodes goes on from where the last owner was:
 * <ul>
 *   <li>{@value #ROBOTS}: its robots.txt rules (so robots.txt is not fetched again, and the
 *       Crawl-delay holds at once), with the time they were obtained, which their expiry counts from;</li>
 *   <li>{@value #GIVEN_UP}: why the host was given up on, if it was (so it is not tried again);</li>
 *   <li>{@value #TRAP_URLS} and {@value #TRAP_QUERIES}{@code path}: what the trap rules have
 *       counted, URLs handed out for the host and distinct queries of one path (so its caps hold
 *       over the whole crawl).</li>
 * </ul>
 */
final class HostNotes {

    private static final Logger log = LoggerFactory.getLogger(HostNotes.class);

    static final String ROBOTS = "robots";
    static final String GIVEN_UP = "given-up";
    static final String TRAP_URLS = "trap-urls";
    static final String TRAP_QUERIES = "trap-queries ";

    /**
     * What the notes about one host say.
     *
     * @param robots its rules, if noted
     * @param givenUp why it was given up on, if it was
     * @param trapUrls URLs of the host the trap rules counted (0 if none noted)
     * @param trapQueries distinct queries the trap rules counted, by the URL up to its {@code ?}
     */
    record Recalled(Optional<RobotsRulesCodec.Dated> robots, Optional<String> givenUp, long trapUrls,
            Map<String, Integer> trapQueries) {
    }

    private HostNotes() {
    }

    static Optional<HostNote> robots(String hostKey, RobotsRules rules, long obtainedAtMillis) {
        return RobotsRulesCodec.encode(rules, obtainedAtMillis).map(bytes -> new HostNote(hostKey, ROBOTS, bytes));
    }

    static HostNote givenUp(String hostKey, String why) {
        return new HostNote(hostKey, GIVEN_UP, why.getBytes(StandardCharsets.UTF_8));
    }

    static HostNote trapUrls(String hostKey, long urls) {
        return new HostNote(hostKey, TRAP_URLS, ByteBuffer.allocate(8).putLong(urls).array());
    }

    /** @param beforeQuery a URL up to its {@code ?}: the path whose queries are counted */
    static HostNote trapQueries(String hostKey, String beforeQuery, int queries) {
        return new HostNote(hostKey, TRAP_QUERIES + beforeQuery, ByteBuffer.allocate(4).putInt(queries).array());
    }

    /** What {@code notes} say; empty if there are none. A note that cannot be read is logged and left out. */
    static Optional<Recalled> read(List<HostNote> notes) {
        if (notes.isEmpty()) {
            return Optional.empty();
        }
        Optional<RobotsRulesCodec.Dated> robots = Optional.empty();
        Optional<String> givenUp = Optional.empty();
        long trapUrls = 0;
        Map<String, Integer> trapQueries = new HashMap<>();
        for (HostNote note : notes) {
            try {
                switch (note.key()) {
                    case ROBOTS -> robots = Optional.of(RobotsRulesCodec.decode(note.value()));
                    case GIVEN_UP -> givenUp = Optional.of(new String(note.value(), StandardCharsets.UTF_8));
                    case TRAP_URLS -> trapUrls = Math.max(trapUrls, ByteBuffer.wrap(note.value()).getLong());
                    default -> {
                        if (!note.key().startsWith(TRAP_QUERIES)) {
                            throw new IllegalArgumentException("unknown note");
                        }
                        trapQueries.merge(note.key().substring(TRAP_QUERIES.length()),
                                ByteBuffer.wrap(note.value()).getInt(), Math::max);
                    }
                }
            } catch (RuntimeException e) {
                log.warn("ignoring a note '{}' about {} that cannot be read: {}", note.key(), note.hostKey(), e.toString());
            }
        }
        return Optional.of(new Recalled(robots, givenUp, trapUrls, trapQueries));
    }
}
