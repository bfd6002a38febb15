package dev.crawler.cookies;

import dev.crawler.io.MoveIntoPlace;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cookies of one crawl (RFC 6265 §5): what responses set ({@link #receive}) is sent back with
 * later requests ({@link #cookieHeader}). Set-Cookie values that are malformed, too large, for
 * another domain or for a public suffix are dropped without a word: they never throw. The jar
 * keeps at most {@link CookieLimits} cookies. Session cookies live as long as the jar.
 *
 * <p>A jar can be read from and written to a Netscape {@code cookies.txt} (the format of curl and
 * wget), so a crawl can start with a user's cookies and a resumed crawl can have its own back.
 *
 * <p>Thread-safe: fetchers on several threads share one jar. Time is passed in by the caller.
 */
public final class CookieJar {

    /** In a Cookie header: the longest path first, then the oldest (RFC 6265 §5.4 step 2). */
    private static final Comparator<Cookie> HEADER_ORDER =
            Comparator.comparingInt((Cookie c) -> c.path().length()).reversed().thenComparing(Cookie::creation);

    private final Object lock = new Object();
    private final CookieStore store;
    /** Guarded by {@code lock}. */
    private long changes;

    /** An empty jar with the {@linkplain CookieLimits#defaults() default limits}. */
    public CookieJar() {
        this(CookieLimits.defaults());
    }

    /** An empty jar that keeps at most {@code limits} cookies. */
    public CookieJar(CookieLimits limits) {
        this.store = new CookieStore(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * A jar with the {@linkplain CookieLimits#defaults() default limits} and the cookies of the
     * Netscape cookies.txt {@code file} that have not expired by {@code now}.
     *
     * @throws CookieFileException naming the file, the first malformed line and what is wrong with it
     */
    public static CookieJar load(Path file, Instant now) throws IOException {
        return load(file, CookieLimits.defaults(), now);
    }

    /**
     * A jar that keeps at most {@code limits} cookies, with those of {@code file} that have not
     * expired by {@code now}; see {@link #load(Path, Instant)}.
     */
    public static CookieJar load(Path file, CookieLimits limits, Instant now) throws IOException {
        CookieJar jar = new CookieJar(limits);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            jar.importNetscape(in, file.toString(), now);
        }
        return jar;
    }

    /**
     * Adds the cookies of the Netscape cookies.txt {@code file} that have not expired by {@code now};
     * nothing if a line is malformed.
     *
     * @throws CookieFileException naming the file, the first malformed line and what is wrong with it
     */
    public void importNetscape(Path file, Instant now) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            importNetscape(in, file.toString(), now);
        }
    }

    /**
     * Stores the cookies that {@code setCookieValues} (the values of a response's Set-Cookie
     * headers, in order) set for a request to {@code requestUri}, received at {@code now}; a
     * cookie that has expired deletes the one it would replace, and every cookie expired by
     * {@code now} is removed. Values that set nothing are ignored, as is a URI that is not http
     * or https or has no host.
     */
    public void receive(URI requestUri, List<String> setCookieValues, Instant now) {
        Objects.requireNonNull(setCookieValues, "setCookieValues");
        Objects.requireNonNull(now, "now");
        Optional<CookieRequest> request = CookieRequest.of(requestUri);
        if (request.isEmpty()) {
            return;
        }
        synchronized (lock) {
            changes++;
            store.removeExpired(now);
            for (String value : setCookieValues) {
                SetCookieParser.parse(value)
                        .flatMap(setCookie -> CookieAcceptance.accept(setCookie, request.get(), now))
                        .ifPresent(cookie -> store.put(cookie, now));
            }
        }
    }

    /**
     * The value of the Cookie header for a request to {@code requestUri} at {@code now}
     * ({@code a=b; c=d}), or empty if no cookie goes with it. The cookies sent count as used now.
     */
    public Optional<String> cookieHeader(URI requestUri, Instant now) {
        Objects.requireNonNull(now, "now");
        Optional<CookieRequest> request = CookieRequest.of(requestUri);
        if (request.isEmpty()) {
            return Optional.empty();
        }
        List<Cookie> sent;
        synchronized (lock) {
            sent = store.matching(request.get(), now);
            store.touch(sent, now);
        }
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(sent.stream().sorted(HEADER_ORDER).map(Cookie::headerPair)
                .collect(Collectors.joining("; ")));
    }

    /**
     * A count that grows each time cookies were received or imported: a jar whose count has not
     * moved since it was saved need not be saved again.
     */
    public long changes() {
        synchronized (lock) {
            return changes;
        }
    }

    /** How many cookies the jar holds, counting those that expired since it last looked. */
    public int size() {
        synchronized (lock) {
            return store.size();
        }
    }

    /** The cookies that have not expired by {@code now}, oldest first. */
    public List<Cookie> cookies(Instant now) {
        synchronized (lock) {
            return List.copyOf(store.all(now));
        }
    }

    /**
     * Adds the cookies of the Netscape cookies.txt read from {@code in} that have not expired by
     * {@code now}, as if they were received in the order of the file. Nothing is added if a line
     * is malformed.
     *
     * @throws CookieFileException naming the first malformed line and what is wrong with it
     */
    public void importNetscape(Reader in, Instant now) throws IOException {
        importNetscape(in, "cookies.txt", now);
    }

    /** Writes the cookies that have not expired by {@code now} to {@code out} as a Netscape cookies.txt. */
    public void exportNetscape(Writer out, Instant now) throws IOException {
        NetscapeCookies.write(out, cookies(now));
    }

    /**
     * Writes the cookies that have not expired by {@code now} to {@code file} as a Netscape
     * cookies.txt, session cookies with expiry 0. The file is written under a temporary name
     * beside it (readable by its owner only), forced to disk, and moved over {@code file}
     * atomically where the file system can: a reader sees the old jar or the new one, never half.
     */
    public void save(Path file, Instant now) throws IOException {
        List<Cookie> cookies = cookies(now);
        Path directory = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(directory, file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    Writer out = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
                NetscapeCookies.write(out, cookies);
                out.flush();
                channel.force(true);
            }
            MoveIntoPlace.replace(temp, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private void importNetscape(Reader in, String source, Instant now) throws IOException {
        Objects.requireNonNull(now, "now");
        List<Cookie> cookies = NetscapeCookies.read(in, source, now);
        synchronized (lock) {
            changes++;
            cookies.forEach(cookie -> store.put(cookie, now));
        }
    }
}
