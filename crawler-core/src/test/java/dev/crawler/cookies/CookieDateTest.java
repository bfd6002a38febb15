package dev.crawler.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CookieDateTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Wed, 09 Jun 2021 10:18:14 GMT       | 2021-06-09T10:18:14Z",
        "Sunday, 06-Nov-94 08:49:37 GMT      | 1994-11-06T08:49:37Z",
        "Sun Nov  6 08:49:37 1994            | 1994-11-06T08:49:37Z",
        "Sun, 06 Nov 1994 08:49:37 GMT       | 1994-11-06T08:49:37Z",
        "Thu, 01-Jan-1970 00:00:01 GMT       | 1970-01-01T00:00:01Z",
        "Fri, 31 Dec 9999 23:59:59 GMT       | 9999-12-31T23:59:59Z",
        "wed, 09 JUNE 2021 10:18:14 gmt      | 2021-06-09T10:18:14Z",
        "09 Jun 2021 10:18:14                | 2021-06-09T10:18:14Z",
        "2021 Jun 09 10:18:14                | 2021-06-09T10:18:14Z",
        "Wed, 09-Jun-21 1:2:3 GMT            | 2021-06-09T01:02:03Z",
        "Wed, 09 Jun 2021 10:18:14 +0200     | 2021-06-09T10:18:14Z",
        "Wed,09/Jun/2021/10:18:14.123GMT     | 2021-06-09T10:18:14Z",
        "29 Feb 2024 00:00:00                | 2024-02-29T00:00:00Z",
        "1 Jan 1601 00:00:00                 | 1601-01-01T00:00:00Z",
    })
    void readsWhatServersSend(String text, String expected) {
        assertThat(CookieDate.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1 Jan 70 00:00:00 | 1970-01-01T00:00:00Z",
        "1 Jan 99 00:00:00 | 1999-01-01T00:00:00Z",
        "1 Jan 00 00:00:00 | 2000-01-01T00:00:00Z",
        "1 Jan 69 00:00:00 | 2069-01-01T00:00:00Z",
    })
    void twoDigitYearsAre1970To2069(String text, String expected) {
        assertThat(CookieDate.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "",
        "not a date",
        "Wed, 09 Jun 2021 GMT",            // no time
        "Wed, Jun 2021 10:18:14 GMT",      // no day of month
        "Wed, 09 2021 10:18:14 GMT",       // no month
        "Wed, 09 Jun 10:18:14 GMT",        // no year
        "Wed, 32 Jun 2021 10:18:14 GMT",   // day 32
        "Wed, 31 Jun 2021 10:18:14 GMT",   // June has 30 days
        "29 Feb 2023 00:00:00",            // not a leap year
        "Wed, 09 Jun 1600 10:18:14 GMT",   // before 1601
        "Wed, 09 Jun 2021 24:00:00 GMT",   // hour 24
        "Wed, 09 Jun 2021 10:60:00 GMT",   // minute 60
        "Wed, 09 Jun 2021 10:18:60 GMT",   // second 60
        "Wed, 09 Jun 2021 100:18:14 GMT",  // three-digit hour
        "Wed, 09 Jun 12345 10:18:14 GMT",  // five-digit year
        "Wed, 09 Jun 1 10:18:14 GMT",      // one-digit year
    })
    void refusesWhatIsNoDate(String text) {
        assertThat(CookieDate.parse(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theFirstTokenThatFitsAFieldTakesIt() {
        // 08:49:37 is the time; the second time-like token then fits nothing still missing but the day
        assertThat(CookieDate.parse("Nov 08:49:37 1994 10:00:00")).contains(Instant.parse("1994-11-10T08:49:37Z"));
    }
}
