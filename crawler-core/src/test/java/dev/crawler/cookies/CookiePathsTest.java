package dev.crawler.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CookiePathsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/, /",
        "'', /",
        "no-slash, /",
        "/foo, /",
        "/foo/, /foo",
        "/foo/bar, /foo",
        "/foo/bar/baz.html, /foo/bar",
        "//, /",
    })
    void theDefaultPathIsTheRequestPathUpToItsLastSlash(String requestPath, String expected) {
        assertThat(CookiePaths.defaultPath(requestPath)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "request {0}, cookie {1}: {2}")
    @CsvSource({
        "/foo, /foo, true",
        "/foo/bar, /foo, true",
        "/foo/, /foo, true",
        "/foobar, /foo, false",
        "/fo, /foo, false",
        "/, /foo, false",
        "/foo/bar, /foo/, true",
        "/foo, /foo/, false",
        "/anything, /, true",
        "/, /, true",
        "/Foo, /foo, false",
    })
    void aCookiePathMatchesItselfAndWhatIsBelowIt(String requestPath, String cookiePath, boolean matches) {
        assertThat(CookiePaths.pathMatches(requestPath, cookiePath)).isEqualTo(matches);
    }
}
