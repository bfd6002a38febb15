package dev.crawler.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopeTest {

    @ParameterizedTest(name = "{0}: {1} -> {2} = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            HOST   | example.com       | example.com        | true
            HOST   | example.com       | EXAMPLE.com        | true
            HOST   | example.com       | www.example.com    | false
            HOST   | www.example.com   | example.com        | false
            HOST   | site-1.sim        | site-2.sim         | false
            DOMAIN | www.example.com   | example.com        | true
            DOMAIN | www.example.com   | a.b.example.com    | true
            DOMAIN | example.com       | example.org        | false
            DOMAIN | www.bbc.co.uk     | news.bbc.co.uk     | true
            DOMAIN | www.bbc.co.uk     | www.itv.co.uk      | false
            DOMAIN | bbc.co.uk         | co.uk              | false
            DOMAIN | a.blogspot.com    | b.blogspot.com     | false
            DOMAIN | a.blogspot.com    | x.a.blogspot.com   | true
            DOMAIN | site-1.sim        | site-1.sim         | true
            DOMAIN | site-1.sim        | site-2.sim         | false
            DOMAIN | 127.0.0.1         | 127.0.0.1          | true
            DOMAIN | 127.0.0.1         | 127.0.0.2          | false
            DOMAIN | 10.0.0.1          | 1.0.0.1            | false
            DOMAIN | [::1]             | [::1]              | true
            DOMAIN | localhost         | localhost          | true
            ANY    | example.com       | other.org          | true
            ANY    | site-1.sim        | 127.0.0.1          | true
            """)
    void allows(Scope scope, String seedHost, String candidate, boolean expected) {
        assertThat(scope.allows(seedHost, candidate)).isEqualTo(expected);
    }

    @Test
    void nullHostsAreOutOfScopeButForAny() {
        assertThat(Scope.HOST.allows("a", null)).isFalse();
        assertThat(Scope.DOMAIN.allows(null, "a")).isFalse();
        assertThat(Scope.ANY.allows(null, null)).isTrue();
    }

    @Test
    void parsesCaseInsensitively() {
        assertThat(Scope.parse("host")).isEqualTo(Scope.HOST);
        assertThat(Scope.parse(" Domain ")).isEqualTo(Scope.DOMAIN);
        assertThat(Scope.parse("ANY")).isEqualTo(Scope.ANY);
    }

    @Test
    void unknownScopeNamesTheValidValues() {
        assertThatThrownBy(() -> Scope.parse("site"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown scope 'site'; valid values: host, domain, any");
        assertThatThrownBy(() -> Scope.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
