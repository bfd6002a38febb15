package dev.crawler.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.url.UrlNormalizer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property tests: arbitrary strings, biased towards the hostile (traversal plain and encoded,
 * backslashes, NUL, Windows device names, long names, Unicode look-alikes, case variants), thrown
 * at URL normalization, path mapping and the mirror exporter. Never an exception, never a path
 * outside the output directory, the same input always the same file, and no two URLs one file
 * (not even on a case-insensitive file system).
 */
class PathMappingProperties {

    private static final PathMapper MAPPER = new PathMapper();
    private static Path out;
    private static MirrorExporter mirror;

    @BeforeContainer
    static void createOutput() throws IOException {
        out = Files.createTempDirectory("mirror-props");
        mirror = new MirrorExporter(out.resolve("out"));
    }

    @AfterContainer
    static void deleteOutput() throws IOException {
        mirror.close();
        try (var walk = Files.walk(out)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> scheme = Arbitraries.of("http://", "https://", "HTTP://", "http:\\\\", "http:/", "http:///",
                "https:\\/", "//", "ftp://", "file:///", "javascript:", "", " http://");
        Arbitrary<String> host = Arbitraries.oneOf(
                Arbitraries.of("a.example", "A.Example.", "[::1]", "127.0.0.1", "0x7f.1", "xn--80ak6aa92e.com",
                        "%41.example", "ex ample", "ex%00ample", "\u0430pple.com", "\uff41.example", "user:pw@h.example",
                        "h.example:8080", "h.example:99999", "CON", "..", "h.example:0"),
                Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("..", ".", "%2e%2e", "%2E.", ".%2e", "%2f", "%5c", "..%2f..%2f", "\\..\\", "%00", "\u0000",
                        "con", "NUL.txt", "aux", "COM1", "lpt9.log", "~1", "a~1", "index", "index.html", "a.html",
                        ".hidden", "trailing.", "A", "a", "\u00e9", "e\u0301", "\u0410", "\uff21", "\ud83d\ude00",
                        "*", ":", "?", "#", "@", "^", "^2e", "%", "%zz", "%C3%A9", " ", "\t", "\n"),
                Arbitraries.strings().ofMaxLength(8),
                Arbitraries.strings().withChars("aA.%/\\").ofMinLength(200).ofMaxLength(400));
        Arbitrary<String> path = segment.list().ofMaxSize(8).map(l -> "/" + String.join("/", l));
        Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""),
                segment.list().ofMaxSize(3).map(l -> "?" + String.join("&", l)));
        Arbitrary<String> built = Combinators.combine(scheme, host, path, query).as((s, h, p, q) -> s + h + p + q);
        return Arbitraries.oneOf(built, built, built, Arbitraries.strings().ofMaxLength(60));
    }

    @Property(tries = 2000)
    void normalizationNeverThrowsIsIdempotentAndParses(@ForAll("urls") String raw) {
        Optional<String> n = UrlNormalizer.normalize(raw);
        n.ifPresent(u -> {
            assertThat(UrlNormalizer.normalize(u)).contains(u);
            assertThat(URI.create(u).getHost()).isNotNull();
            assertThat(u).startsWith("http");
        });
    }

    @Property(tries = 1000)
    void resolvingNeverThrows(@ForAll("urls") String base, @ForAll("urls") String href) {
        UrlNormalizer.resolve(base, href).ifPresent(u -> assertThat(UrlNormalizer.normalize(u)).contains(u));
    }

    @Property(tries = 2000)
    void everyUrlMapsToOneSafeRelativeFile(@ForAll("urls") String raw) {
        UrlNormalizer.normalize(raw).ifPresent(u -> {
            Path p = MAPPER.map(u);
            assertThat(p.isAbsolute()).isFalse();
            Path root = Path.of("/out");
            Path resolved = root.resolve(p).normalize();
            assertThat(resolved.startsWith(root) && !resolved.equals(root)).as("%s stays inside", p).isTrue();
            assertThat(p.getFileName().toString()).endsWith(".html");
            for (Path part : p) {
                String name = part.toString();
                assertThat(name).isNotIn(".", "..").doesNotContain("/", "\\", "\u0000", ":", "*", "?", "\"", "<", ">", "|");
                assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
                assertThat(name.chars().allMatch(c -> c > 0x20 && c < 0x7f)).as("ASCII only: %s", name).isTrue();
                assertThat(name).doesNotStartWith(".");
                String stem = name.toLowerCase(Locale.ROOT).split("\\.")[0];
                assertThat(stem).isNotIn("con", "prn", "aux", "nul", "com1", "lpt1", "lpt9");
            }
            assertThat(MAPPER.map(u)).as("same input, same file").isEqualTo(p);
            assertThat(MAPPER.map(raw)).as("every spelling of the URL, the same file").isEqualTo(p);
        });
    }

    @Property(tries = 2000)
    void distinctUrlsNeverShareAFileEvenIgnoringCase(@ForAll("urls") String a, @ForAll("urls") String b) {
        Optional<String> na = UrlNormalizer.normalize(a);
        Optional<String> nb = UrlNormalizer.normalize(b);
        if (na.isEmpty() || nb.isEmpty() || na.get().equals(nb.get())) {
            return;
        }
        String pa = MAPPER.map(na.get()).toString().toLowerCase(Locale.ROOT);
        String pb = MAPPER.map(nb.get()).toString().toLowerCase(Locale.ROOT);
        assertThat(pa).isNotEqualTo(pb);
        assertThat(pb).as("a page file is never another page's directory").doesNotStartWith(pa + "/");
        assertThat(pa).doesNotStartWith(pb + "/");
    }

    /** Case variants of one path, the usual way two URLs could collide on a case-insensitive disk. */
    @Property(tries = 500)
    void caseVariantsGetDistinctFiles(@ForAll("urls") String raw) {
        UrlNormalizer.normalize(raw).ifPresent(u -> {
            String upper = u.substring(0, u.indexOf("://") + 3) + URI.create(u).getRawAuthority()
                    + URI.create(u).getRawPath().toUpperCase(Locale.ROOT)
                    + (URI.create(u).getRawQuery() == null ? "" : "?" + URI.create(u).getRawQuery());
            UrlNormalizer.normalize(upper).filter(v -> !v.equals(u)).ifPresent(v -> assertThat(
                    MAPPER.map(v).toString().toLowerCase(Locale.ROOT))
                    .isNotEqualTo(MAPPER.map(u).toString().toLowerCase(Locale.ROOT)));
        });
    }

    @Property(tries = 200)
    void theMirrorWritesEveryUrlInsideItsDirectory(@ForAll("urls") String raw) throws IOException {
        Optional<String> u = UrlNormalizer.normalize(raw);
        if (u.isEmpty()) {
            return;
        }
        Path written = mirror.write(u.get(), raw.getBytes(StandardCharsets.UTF_8));
        Path file = mirror.root().resolve(written);
        assertThat(file.toRealPath().startsWith(mirror.root())).as("%s stays inside", written).isTrue();
        assertThat(Files.readAllBytes(file)).isEqualTo(raw.getBytes(StandardCharsets.UTF_8));
        try (var beside = Files.list(out)) {
            assertThat(beside.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("out"));
        }
    }
}
