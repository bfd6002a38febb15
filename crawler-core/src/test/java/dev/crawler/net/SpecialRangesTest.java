package dev.crawler.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecialRangesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1,          loopback",
            "127.1.2.3,          loopback",
            "::1,                loopback",
            "::ffff:127.0.0.1,   loopback",
            "64:ff9b::7f00:1,    loopback",
            "10.0.0.1,           private",
            "172.16.5.4,         private",
            "172.31.255.255,     private",
            "192.168.0.1,        private",
            "169.254.169.254,    link-local",
            "fe80::1,            link-local",
            "fc00::1,            unique-local",
            "fd00:ec2::254,      unique-local",
            "224.0.0.251,        multicast",
            "239.255.255.250,    multicast",
            "ff02::1,            multicast",
            "0.0.0.0,            unspecified",
            "::,                 unspecified",
            "100.64.0.1,         carrier-grade NAT",
            "100.127.255.255,    carrier-grade NAT",
            "192.0.2.1,          documentation",
            "2001:db8::1,        documentation",
            "198.18.0.1,         benchmarking",
            "255.255.255.255,    broadcast",
            "240.0.0.1,          reserved",
            "fec0::1,            site-local",
    })
    void classifiesSpecialAddresses(String address, String kind) throws Exception {
        assertThat(SpecialRanges.classify(InetAddress.getByName(address))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "100.128.0.1",
            "169.253.255.255", "2606:4700:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8",
            "64:ff9b::808:808"})
    void publicAddressesAreNotSpecial(String address) throws Exception {
        assertThat(SpecialRanges.classify(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void policyRefusesSpecialAddressesUnlessAllowed() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        assertThat(AddressPolicy.publicOnly().refusal(loopback)).hasValueSatisfying(
                m -> assertThat(m).contains("loopback").contains("127.0.0.1").contains("--allow-net"));
        assertThat(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.0/8"))).refusal(loopback)).isEmpty();
        assertThat(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.0/8")))
                .refusal(InetAddress.getByName("10.0.0.1"))).isPresent();
        assertThat(AddressPolicy.publicOnly().refusal(InetAddress.getByName("8.8.8.8"))).isEmpty();
    }
}
