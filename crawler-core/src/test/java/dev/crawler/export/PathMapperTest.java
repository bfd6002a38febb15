package dev.crawler.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.url.UrlNormalizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathMapperTest {

    private static final Path OUT = Path.of("/srv/crawl/out");
    /** Characters a name may hold: safe on Linux, macOS and Windows. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._~!$&'()+,;=%@^_-]+");
    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul", "conin$", "conout$",
            "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private final PathMapper mapper = new PathMapper();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            http://site-1.sim:8080/page/3                | site-1.sim_8080/page/3.html
            http://site-1.sim:8080/                      | site-1.sim_8080/index.html
            http://site-1.sim:8080                       | site-1.sim_8080/index.html
            http://example.com/                          | example.com/index.html
            https://example.com/                         | example.com_https/index.html
            https://example.com:8443/a                   | example.com_8443_https/a.html
            http://example.com:443/a                     | example.com_443/a.html
            http://127.0.0.1:8080/a                      | 127.0.0.1_8080/a.html
            http://[::1]:8080/a                          | ^5b^3a^3a1^5d_8080/a.html
            http://xn--bcher-kva.de/                     | xn--bcher-kva.de/index.html
            http://example.com/a                         | example.com/a.html
            http://example.com/a/                        | example.com/a/index.html
            http://example.com/a/b                       | example.com/a/b.html
            http://example.com/a/index                   | example.com/a/^69ndex.html
            http://example.com/a/index.html              | example.com/a/index.html.html
            http://example.com/a.html                    | example.com/a.html.html
            http://example.com/a.html/b                  | example.com/a^2ehtml/b.html
            http://example.com/a//b                      | example.com/a/^n/b.html
            http://example.com/?q=1                      | example.com/index@q=1.html
            http://example.com/a?q=1&r=a/b?c             | example.com/a@q=1&r=a^2fb^3fc.html
            http://example.com/a@b?c@d                   | example.com/a^40b@c@d.html
            http://example.com/a:b*c                     | example.com/a^3ab^2ac.html
            http://example.com/caf%C3%A9                 | example.com/caf%C3%A9.html
            http://example.com/a%2Fb                     | example.com/a%2Fb.html
            http://example.com/.env                      | example.com/^2eenv.html
            http://example.com/.git/config               | example.com/^2egit/config.html
            http://example.com/a./b                      | example.com/a^2e/b.html
            http://example.com/con                       | example.com/^63on.html
            http://example.com/nul.txt                   | example.com/^6eul.txt.html
            http://example.com/com1/x                    | example.com/^63om1/x.html
            http://example.com/~1/~user                  | example.com/^7e1/~user.html
            http://con/                                  | ^63on/index.html
            """)
    void mapsReadably(String url, String expected) {
        assertThat(mapper.map(url)).isEqualTo(Path.of(expected));
    }

    @Test
    void upperCaseNamesGetACaseTag() {
        Path upper = mapper.map("http://example.com/A/Page");
        assertThat(upper.toString()).matches("example\\.com/A\\^u[0-9a-f]{8}/Page\\^u[0-9a-f]{8}\\.html");
        assertThat(mapper.map("http://example.com/a/page")).isEqualTo(Path.of("example.com/a/page.html"));
        assertThat(lower(upper)).isNotEqualTo(lower(mapper.map("http://example.com/a/page")))
                .isNotEqualTo(lower(mapper.map("http://example.com/A/PAGE")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "http://example.com/../../x", "http://example.com/a/../../../etc/passwd", "http://example.com/%2e%2e/%2e%2e/x",
        "http://example.com/%2E%2E%2F%2E%2E%2Fx", "http://example.com/..%2f..%2fx", "http://example.com/..%5c..%5cx",
        "http://example.com\\..\\..\\x", "http://example.com/a\\..\\..\\x", "http://example.com/%00", "http://example.com/a%00b/..%00",
        "http://example.com/.", "http://example.com/..", "http://example.com/.../x", "http://example.com/....",
        "http://example.com/.hidden/.x", "http://example.com/CON", "http://example.com/aux.html", "http://example.com/LPT9.txt/x",
        "http://example.com/x?../../y", "http://example.com/x?%2e%2e%2f", "http://example.com/?/../../../x",
        "http://example.com/a:b/c*d/e|f/g\"h/i<j>k", "http://example.com/%C0%AE%C0%AE/x", "http://example.com/%EF%BC%8E%EF%BC%8E/x",
        "http://example.com/\u2025/x", "http://example.com/\uFF0E\uFF0E/x", "http://[::1]/x", "http://0x7f.1/x",
    })
    void hostileUrlsStayInside(String url) {
        assertInside(mapper.map(url));
    }

    @Test
    void longNamesAreCutWithAHash() {
        String longSegment = "a".repeat(300);
        Path p = mapper.map("http://example.com/" + longSegment + "/" + longSegment + "?" + "q".repeat(1000));
        assertInside(p);
        assertThat(p.getFileName().toString()).matches("a{150}\\^t[0-9a-f]{16}\\.html");
        assertThat(p.getParent().getFileName().toString()).matches("a{150}\\^t[0-9a-f]{16}");
        Path other = mapper.map("http://example.com/" + longSegment + "/" + longSegment + "?" + "q".repeat(999));
        assertThat(other).isNotEqualTo(p);
        String multiByte = "%C3%A9".repeat(100);
        assertInside(mapper.map("http://example.com/" + multiByte));
        assertInside(mapper.map("http://" + "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + ".com:65535/"));
    }

    @Test
    void veryDeepPathsAreFolded() {
        String deep = "http://example.com" + "/segment".repeat(300) + "/page";
        Path p = mapper.map(deep);
        assertInside(p);
        assertThat(p.toString().length()).isLessThanOrEqualTo(PathMapper.MAX_PATH_CHARS);
        assertThat(p.getFileName().toString()).matches("\\^z[0-9a-f]{16}\\.html");
        assertThat(mapper.map(deep + "2")).isNotEqualTo(p);
    }

    @Test
    void pageFilesAndDirectoriesNeverShareAName() {
        List<String> urls = List.of("http://e.sim/a", "http://e.sim/a/", "http://e.sim/a/index.html", "http://e.sim/a/index",
                "http://e.sim/a/b", "http://e.sim/a.html", "http://e.sim/a.html/", "http://e.sim/a.html/b", "http://e.sim/a/b/",
                "http://e.sim/a?x", "http://e.sim/a/?x", "http://e.sim/a/index?x", "http://e.sim/a@x", "http://e.sim/A",
                "http://e.sim/a.HTML/b", "http://e.sim/a.HTML", "http://e.sim/", "http://e.sim/index", "http://e.sim/index.html");
        assertInjective(urls);
    }

    @Test
    void rejectsNonHttpUrls() {
        assertThatThrownBy(() -> mapper.map("ftp://example.com/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mapper.map("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equivalentSpellingsShareAFile() {
        assertThat(mapper.map("HTTP://EXAMPLE.com:80/a/./b#x")).isEqualTo(mapper.map("http://example.com/a/b"));
    }

    /** Property test: seeded random hostile URLs. */
    @Test
    void randomUrlsAreDeterministicInjectiveAndInside() {
        Random random = new Random(42);
        List<String> urls = new ArrayList<>();
        while (urls.size() < 20_000) {
            UrlNormalizer.normalize(randomUrl(random)).ifPresent(urls::add);
        }
        for (String url : urls) {
            Path p = mapper.map(url);
            assertInside(p);
            assertThat(mapper.map(url)).isEqualTo(p);
        }
        assertInjective(new ArrayList<>(new HashSet<>(urls)));
    }

    private void assertInjective(List<String> distinctUrls) {
        Map<Path, String> files = new HashMap<>();
        Map<String, String> filesIgnoringCase = new HashMap<>();
        Set<String> dirsIgnoringCase = new HashSet<>();
        for (String url : distinctUrls) {
            String normalized = UrlNormalizer.normalize(url).orElseThrow();
            Path p = mapper.map(normalized);
            String previous = files.put(p, normalized);
            assertThat(previous == null || previous.equals(normalized)).as("%s and %s share %s", previous, normalized, p).isTrue();
            String previousIgnoringCase = filesIgnoringCase.put(lower(p), normalized);
            assertThat(previousIgnoringCase == null || previousIgnoringCase.equals(normalized))
                    .as("%s and %s share %s ignoring case", previousIgnoringCase, normalized, p).isTrue();
            for (Path dir = p.getParent(); dir != null; dir = dir.getParent()) {
                dirsIgnoringCase.add(lower(dir));
            }
        }
        Set<String> clash = new HashSet<>(filesIgnoringCase.keySet());
        clash.retainAll(dirsIgnoringCase);
        assertThat(clash).as("files that are also directories").isEmpty();
    }

    private static void assertInside(Path relative) {
        assertThat(relative.isAbsolute()).isFalse();
        Path resolved = OUT.resolve(relative).normalize();
        assertThat(resolved.startsWith(OUT)).as("%s stays in %s", relative, OUT).isTrue();
        assertThat(resolved).isNotEqualTo(OUT);
        for (Path name : relative) {
            String s = name.toString();
            assertThat(s.getBytes(StandardCharsets.UTF_8).length).as("bytes of %s", s).isBetween(1, 255);
            assertThat(s).matches(SAFE_NAME).doesNotStartWith(".").doesNotEndWith(".");
            int dot = s.indexOf('.');
            assertThat(WINDOWS_DEVICES).doesNotContain((dot < 0 ? s : s.substring(0, dot)).toLowerCase(Locale.ROOT));
        }
    }

    private static String lower(Path p) {
        return p.toString().toLowerCase(Locale.ROOT);
    }

    private static final String[] HOSTS = {"example.com", "Example.com:8080", "a.sim", "con", "127.0.0.1", "[::1]",
        "xn--bcher-kva.de", "b\u00fccher.de", "example.com:443", "site.sim:80"};
    private static final String[] SEGMENTS = {"a", "A", "b", "index", "index.html", "INDEX", ".", "..", "%2e%2e", "..%2f",
        "%2f", "%5c", "\\", "%00", "\u0000", ".hidden", "a.", "a.html", "A.HTML", "con", "Nul.txt", "com1", "lpt9.x", "~1",
        "x~2", ":", "*", "@", "a@b", "^", "%5E", "caf\u00e9", "caf%C3%A9", "CAF%C3%A9", "\u2025", "\uFF0E", "\uD83D\uDE00",
        " ", "%20", "+", "a%3Ab", "a:b", "a%2Ab", "a*b", "", "x".repeat(199), "y".repeat(201), "Z".repeat(300),
        "%41", "%7e", "^n", "^u12345678", "^2e", "^t0", "q@x=1"};
    private static final String[] QUERIES = {"", "q=1", "Q=1", "a/b", "a?b", "..", "x@y", "%2F", ":", "*", "p=" + "v".repeat(250),
        "P=" + "V".repeat(250), "^", "id=1&s=2", "s=%41"};

    private static String randomUrl(Random random) {
        StringBuilder url = new StringBuilder(random.nextInt(4) == 0 ? "https://" : "http://");
        url.append(HOSTS[random.nextInt(HOSTS.length)]);
        int segments = random.nextInt(random.nextInt(20) == 0 ? 250 : 6);
        for (int i = 0; i < segments; i++) {
            url.append(random.nextInt(10) == 0 ? "\\" : "/");
            int pieces = 1 + random.nextInt(2);
            for (int j = 0; j < pieces; j++) {
                url.append(SEGMENTS[random.nextInt(SEGMENTS.length)]);
            }
        }
        if (random.nextBoolean()) {
            url.append('/');
        }
        if (random.nextInt(3) == 0) {
            url.append('?').append(QUERIES[random.nextInt(QUERIES.length)]);
        }
        return url.toString();
    }
}
