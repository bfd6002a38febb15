package dev.crawler.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UrlFilterTest {

    @Test
    void withNoPatternsAcceptsEverything() {
        assertThat(UrlFilter.of(List.of(), List.of()).accepts("http://a.sim/x")).isTrue();
    }

    @Test
    void includeMustMatchOneAnywhere() {
        UrlFilter filter = UrlFilter.of(List.of("/docs/", "\\.pdf$"), List.of());
        assertThat(filter.accepts("http://a.sim/docs/x")).isTrue();
        assertThat(filter.accepts("http://a.sim/file.pdf")).isTrue();
        assertThat(filter.accepts("http://a.sim/blog/x")).isFalse();
    }

    @Test
    void excludeWins() {
        UrlFilter filter = UrlFilter.of(List.of("/docs/"), List.of("\\?session=", "/private"));
        assertThat(filter.accepts("http://a.sim/docs/x")).isTrue();
        assertThat(filter.accepts("http://a.sim/docs/x?session=1")).isFalse();
        assertThat(filter.accepts("http://a.sim/docs/private/x")).isFalse();
        assertThat(UrlFilter.of(List.of(), List.of("logout")).accepts("http://a.sim/logout")).isFalse();
    }

    @Test
    void badRegexIsNamed() {
        assertThatThrownBy(() -> UrlFilter.of(List.of("ok", "a(b"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("include: invalid regular expression 'a(b'");
        assertThatThrownBy(() -> UrlFilter.of(List.of(), List.of("[x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("exclude: invalid regular expression '[x'");
    }
}
