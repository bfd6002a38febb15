package dev.crawler.engine;

import dev.crawler.fetch.FetchProgress;
import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.Fetcher;
import dev.crawler.fetch.ResponseHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fetcher with no network: each URL answers what the test scripted for it, in order (the last
 * answer repeats), and an unscripted URL answers 404. Answers come on the fetcher's own thread,
 * as a real fetcher's do. It records every request, with the time it was "sent".
 */
public final class ScriptedFetcher implements Fetcher {

    /** One scripted answer. */
    public sealed interface Answer permits Reply, Fail, Bug, Never, Held {
    }

    /** A response. */
    public record Reply(int status, List<Map.Entry<String, String>> headers, String body) implements Answer {
    }

    /** A failure before any response. */
    public record Fail(FetchError error) implements Answer {
    }

    /** A fetcher bug: the future completes exceptionally. */
    public record Bug() implements Answer {
    }

    /** A request that never completes. */
    public record Never() implements Answer {
    }

    /**
     * A response shown to the caller as held for the settle window ({@link FetchProgress#held}),
     * then the request's result: that very response if {@code then} is {@code shown}, else what
     * {@code then} says (an out-of-step server: a desync, or another response).
     */
    public record Held(Reply shown, Answer then) implements Answer {
    }

    /** A request as the fetcher saw it. */
    public record Request(String url, long sentNanos) {
    }

    private final Map<String, List<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService server = Executors.newSingleThreadExecutor(r -> new Thread(r, "scripted-fetcher"));

    public static Answer html(String body) {
        return new Reply(200, List.of(Map.entry("Content-Type", "text/html; charset=utf-8")), body);
    }

    public static Answer text(String body) {
        return new Reply(200, List.of(Map.entry("Content-Type", "text/plain")), body);
    }

    public static Answer status(int status, String... headerNamesAndValues) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
            headers.add(Map.entry(headerNamesAndValues[i], headerNamesAndValues[i + 1]));
        }
        return new Reply(status, headers, "");
    }

    /** An HTML page whose body links to each of {@code hrefs}. */
    public static Answer linking(String... hrefs) {
        StringBuilder html = new StringBuilder("<!doctype html><title>t</title>");
        for (String href : hrefs) {
            html.append("<a href=\"").append(href).append("\">x</a>\n");
        }
        return html(html.toString());
    }

    /** Scripts {@code url}'s answers, one per request; the last one repeats. */
    public ScriptedFetcher on(String url, Answer... answers) {
        scripts.put(url, List.of(answers));
        return this;
    }

    /** The requests made so far, in order. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests made for {@code url}. */
    public List<Request> requestsFor(String url) {
        return requests().stream().filter(r -> r.url().equals(url)).toList();
    }

    @Override
    public CompletableFuture<FetchResult> fetch(URI uri) {
        return fetch(uri, Long.MAX_VALUE, at -> {
        });
    }

    @Override
    public CompletableFuture<FetchResult> fetch(URI uri, long maxBodyBytes, FetchProgress sent) {
        String url = uri.toString();
        long at = System.nanoTime();
        requests.add(new Request(url, at));
        List<Answer> script = scripts.getOrDefault(url, List.of(status(404)));
        int n = served.computeIfAbsent(url, u -> new AtomicInteger()).getAndIncrement();
        Answer answer = script.get(Math.min(n, script.size() - 1));
        CompletableFuture<FetchResult> result = new CompletableFuture<>();
        if (answer instanceof Never) {
            return result;
        }
        server.execute(() -> {
            sent.sent(at);
            if (answer instanceof Held held) {
                FetchResult.Response shown = response(uri, held.shown(), Instant.now());
                sent.held(shown);
                if (held.then() == held.shown()) {
                    result.complete(shown);
                    return;
                }
                answer(result, uri, held.then(), Instant.now());
                return;
            }
            answer(result, uri, answer, Instant.now());
        });
        return result;
    }

    /** Completes {@code result}, of a request to {@code uri} started at {@code started}, as {@code answer} says. */
    static void answer(CompletableFuture<FetchResult> result, URI uri, Answer answer, Instant started) {
        switch (answer) {
            case Reply r -> result.complete(response(uri, r, started));
            case Fail f -> result.complete(new FetchResult.Failure(uri, f.error(), "scripted " + f.error().code(),
                    started, Duration.ofMillis(1)));
            case Bug b -> result.completeExceptionally(new IllegalStateException("scripted fetcher bug"));
            case Never never -> {
                // never completes
            }
            case Held held -> throw new IllegalArgumentException("a held answer needs a progress to show it to");
        }
    }

    private static FetchResult.Response response(URI uri, Reply r, Instant started) {
        return new FetchResult.Response(uri, r.status(), new ResponseHeaders(r.headers()),
                r.body().getBytes(StandardCharsets.UTF_8), false, started, Duration.ofMillis(1), true);
    }

    @Override
    public String describe() {
        return "scripted";
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
