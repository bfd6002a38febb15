package dev.crawler.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link SetCookieParser}: RFC 6265 §5.2. */
class CookieParsingTest {

    private static SetCookie parse(String header) {
        return SetCookieParser.parse(header).orElseThrow();
    }

    @Test
    void aBareNameAndValue() {
        assertThat(parse("SID=31d4d96e407aad42")).isEqualTo(new SetCookie("SID", "31d4d96e407aad42", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, false));
    }

    @Test
    void theRfcExampleWithEveryAttribute() {
        SetCookie c = parse("lang=en-US; Expires=Wed, 09 Jun 2021 10:18:14 GMT; Max-Age=3600; Domain=.Example.COM; "
                + "Path=/docs; Secure; HttpOnly; SameSite=Lax");
        assertThat(c.name()).isEqualTo("lang");
        assertThat(c.value()).isEqualTo("en-US");
        assertThat(c.expires()).contains(Instant.parse("2021-06-09T10:18:14Z"));
        assertThat(c.maxAge()).contains(3600L);
        assertThat(c.domain()).as("leading dot dropped, lower-cased").contains("example.com");
        assertThat(c.path()).contains("/docs");
        assertThat(c.secure()).isTrue();
        assertThat(c.httpOnly()).isTrue();
    }

    @Test
    void whitespaceAroundNamesValuesAndAttributesIsTrimmed() {
        SetCookie c = parse(" a = b c ;  path = /x ;\tsecure\t");
        assertThat(c.name()).isEqualTo("a");
        assertThat(c.value()).isEqualTo("b c");
        assertThat(c.path()).contains("/x");
        assertThat(c.secure()).isTrue();
    }

    @Test
    void theValueRunsToTheFirstSemicolonAndMayHoldEqualsAndQuotes() {
        assertThat(parse("a=b=c").value()).isEqualTo("b=c");
        assertThat(parse("a=\"quoted\"; Path=/").value()).isEqualTo("\"quoted\"");
        assertThat(parse("a=").value()).isEmpty();
    }

    @Test
    void attributeNamesIgnoreCaseAndUnknownOnesAreSkipped() {
        SetCookie c = parse("a=b; SECURE; hTtPoNlY; pAtH=/p; Priority=High; Partitioned; =x; ;");
        assertThat(c.secure()).isTrue();
        assertThat(c.httpOnly()).isTrue();
        assertThat(c.path()).contains("/p");
    }

    @Test
    void theLastValidAttributeCounts() {
        assertThat(parse("a=b; Path=/one; Path=/two").path()).contains("/two");
        assertThat(parse("a=b; Path=/one; Path=relative").path()).as("an invalid Path means the default path").isEmpty();
        assertThat(parse("a=b; Domain=one.test; Domain=two.test").domain()).contains("two.test");
        assertThat(parse("a=b; Domain=one.test; Domain=").domain()).as("an empty Domain is skipped").contains("one.test");
        assertThat(parse("a=b; Max-Age=10; Max-Age=ten").maxAge()).as("a bad Max-Age is skipped").contains(10L);
        assertThat(parse("a=b; Expires=Wed, 09 Jun 2021 10:18:14 GMT; Expires=never").expires())
                .as("a bad Expires is skipped").contains(Instant.parse("2021-06-09T10:18:14Z"));
    }

    @Test
    void maxAgeIsAnOptionalMinusAndDigits() {
        assertThat(parse("a=b; Max-Age=0").maxAge()).contains(0L);
        assertThat(parse("a=b; Max-Age=-5").maxAge()).contains(-5L);
        assertThat(parse("a=b; Max-Age=99999999999999999999999").maxAge()).contains(Long.MAX_VALUE);
        assertThat(parse("a=b; Max-Age=-99999999999999999999999").maxAge()).contains(Long.MIN_VALUE);
        for (String bad : new String[] {"", "-", "+5", "5s", "1.5", " ", "0x10"}) {
            assertThat(parse("a=b; Max-Age=" + bad).maxAge()).as(bad).isEmpty();
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "",
        "novalue",
        "novalue; Path=/",
        "=value",
        "  =value",
        "a=b\u0001",
        "a\u0000=b",
        "a=b\tc",
        "a=line\nbreak",
        "a=b\u007f",
    })
    void noCookieWithoutAnEqualsANameOrWithControlCharacters(String header) {
        assertThat(SetCookieParser.parse(header)).isEmpty();
    }

    @Test
    void aCookieOfMoreThan4096BytesIsDropped() {
        String value4094 = "v".repeat(4094);
        assertThat(SetCookieParser.parse("ab=" + value4094)).as("4096 bytes").isPresent();
        assertThat(SetCookieParser.parse("abc=" + value4094)).as("4097 bytes").isEmpty();
        assertThat(SetCookieParser.parse("ab=" + "\u00e9".repeat(2047))).as("counted in UTF-8 bytes").isPresent();
        assertThat(SetCookieParser.parse("ab=" + "\u00e9".repeat(2047) + "x")).isEmpty();
    }

    @Test
    void anAttributeValueOver1024BytesIsSkipped() {
        assertThat(parse("a=b; Path=/" + "p".repeat(1023)).path()).isPresent();
        assertThat(parse("a=b; Path=/" + "p".repeat(1024)).path()).isEmpty();
    }

    @Test
    void aPathWithAControlCharacterIsNoPath() {
        assertThat(parse("a=b; Path=/x\ty").path()).isEmpty();
    }

    @Test
    void sameSiteChangesNothing() {
        assertThat(parse("a=b; SameSite=Strict")).isEqualTo(parse("a=b"));
    }
}
