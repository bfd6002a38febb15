package dev.crawler.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "127.0.0.0/8,      127.0.0.1,        true",
            "127.0.0.0/8,      127.255.255.254,  true",
            "127.0.0.0/8,      128.0.0.1,        false",
            "127.0.0.1/8,      127.9.9.9,        true",
            "10.0.0.0/8,       10.1.2.3,         true",
            "172.16.0.0/12,    172.31.255.255,   true",
            "172.16.0.0/12,    172.32.0.0,       false",
            "192.168.1.0/24,   192.168.1.77,     true",
            "192.168.1.0/24,   192.168.2.1,      false",
            "100.64.0.0/10,    100.127.0.1,      true",
            "100.64.0.0/10,    100.128.0.1,      false",
            "0.0.0.0/0,        8.8.8.8,          true",
            "0.0.0.0/0,        ::1,              false",
            "1.2.3.4,          1.2.3.4,          true",
            "1.2.3.4,          1.2.3.5,          false",
            "1.2.3.4/32,       1.2.3.4,          true",
            "::1/128,          ::1,              true",
            "::1,              ::2,              false",
            "fc00::/7,         fd12:3456::1,     true",
            "fc00::/7,         fe80::1,          false",
            "fe80::/10,        febf::1,          true",
            "2001:db8::/32,    2001:db8:ffff::1, true",
            "2001:db8::/32,    2001:db9::1,      false",
            "::/0,             2606:4700::1,     true",
            "::/0,             1.1.1.1,          false",
            "127.0.0.0/8,      ::ffff:127.0.0.1, true",
            "[::1]/128,        ::1,              true",
    })
    void contains(String cidr, String address, boolean expected) throws Exception {
        assertThat(Cidr.parse(cidr).contains(InetAddress.getByName(address))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "127.0.0.1/8,   127.0.0.0/8",
            "10.9.8.7/16,   10.9.0.0/16",
            "1.2.3.4,       1.2.3.4/32",
            "::1,           0:0:0:0:0:0:0:1/128",
            "fe80::1234/10, fe80:0:0:0:0:0:0:0/10",
            "' 127.0.0.0/8 ', 127.0.0.0/8",
    })
    void normalizesTheNetworkAddress(String text, String expected) {
        assertThat(Cidr.parse(text)).hasToString(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.com/8", "127.0.0.0/", "127.0.0.0/33", "::1/129",
            "127.0.0.0/-1", "127.0.0.0/8/8", "127.0.0.0/abc", "256.1.1.1", "1.2.3", "/8", "127.0.0.0/0008"})
    void rejectsBadTextNamingIt(String bad) {
        assertThatThrownBy(() -> Cidr.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + bad + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.0/8", "::1/128", "192.168.0.0/16"})
    void sameRangeIsEqual(String text) {
        assertThat(Cidr.parse(text)).isEqualTo(Cidr.parse(text));
    }
}
