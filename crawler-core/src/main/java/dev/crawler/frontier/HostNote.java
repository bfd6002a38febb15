package dev.crawler.frontier;

import java.util.Objects;

/**
 * A fact the crawl learned about a host, kept so that it outlives the process that learned it: a
 * node that takes the host over in a crawl shared by several nodes starts from it instead of from
 * nothing (its robots.txt rules, whether it was given up on, what its trap rules have counted).
 * The frontier keeps the latest note per host and {@code key} and does not read them: their
 * {@code value} is in a form only the engine reads.
 *
 * @param hostKey the host ({@code scheme://host:port})
 * @param key what the note is about; a later note of the host under the same key replaces it
 * @param value its bytes
 */
public record HostNote(String hostKey, String key, byte[] value) {

    public HostNote {
        Objects.requireNonNull(hostKey, "hostKey");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
