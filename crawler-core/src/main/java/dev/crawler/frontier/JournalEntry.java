package dev.crawler.frontier;

import java.util.Objects;

/**
 * The record of a finished request (its {@code index.jsonl} line) that a store holds from the
 * moment the request is finished until the record is published, so that a crash in between can
 * neither lose the record nor publish it twice.
 *
 * @param fingerprint the URL's {@link dev.crawler.url.Fingerprint}
 * @param record the record's bytes
 */
public record JournalEntry(long fingerprint, byte[] record) {

    public JournalEntry {
        Objects.requireNonNull(record, "record");
    }
}
