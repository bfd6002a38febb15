package dev.crawler.engine;

import dev.crawler.fetch.FetchProgress;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.Fetcher;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A fetcher with no network and no thread of its own: each request waits until the test answers
 * it ({@link #answer}), on the test's thread, so a stage can be looked at while a request is in
 * flight. Answers are {@link ScriptedFetcher.Answer}s. Not thread-safe.
 */
final class HeldFetcher implements Fetcher {

    /** A request as the fetcher saw it, and its result to come. */
    record Call(String url, FetchProgress sent, CompletableFuture<FetchResult> result) {
    }

    private final List<Call> calls = new ArrayList<>();

    @Override
    public CompletableFuture<FetchResult> fetch(URI uri) {
        return fetch(uri, Long.MAX_VALUE, at -> {
        });
    }

    @Override
    public CompletableFuture<FetchResult> fetch(URI uri, long maxBodyBytes, FetchProgress sent) {
        Call call = new Call(uri.toString(), sent, new CompletableFuture<>());
        calls.add(call);
        return call.result();
    }

    /** Every URL requested so far, in order. */
    List<String> urls() {
        return calls.stream().map(Call::url).toList();
    }

    /** The oldest request for {@code url} not answered yet. */
    Call open(String url) {
        return calls.stream().filter(c -> c.url().equals(url) && !c.result().isDone()).findFirst()
                .orElseThrow(() -> new AssertionError("no request for " + url + " is waiting; requests: " + urls()));
    }

    /** Answers the oldest waiting request for {@code url}. */
    void answer(String url, ScriptedFetcher.Answer answer) {
        ScriptedFetcher.answer(open(url).result(), URI.create(url), answer, Instant.EPOCH);
    }

    @Override
    public String describe() {
        return "held";
    }

    @Override
    public void close() {
    }
}
