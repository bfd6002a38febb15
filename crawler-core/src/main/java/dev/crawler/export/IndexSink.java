package dev.crawler.export;

import java.io.IOException;

/** Where the outcome of each URL goes: {@link IndexWriter} appends it to {@code index.jsonl}. */
public interface IndexSink {

    /** Records the outcome of one URL. */
    void write(IndexEntry entry) throws IOException;
}
