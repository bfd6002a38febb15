package dev.crawler.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResolversTest {

    private static final NameLookup NO_DNS = host -> {
        throw new AssertionError("no lookup expected for " + host);
    };

    @Test
    void overridesComeFirstAndIgnoreCase() throws Exception {
        ResolveOverrides o = ResolveOverrides.parse(List.of("Site-1.SIM=127.0.1.1", "site-2.sim = ::1"));
        BlockingResolver r = new BlockingResolver(o, NO_DNS);
        assertThat(r.resolve("site-1.sim")).isEqualTo(InetAddress.getByName("127.0.1.1"));
        assertThat(r.resolve("SITE-2.sim")).isEqualTo(InetAddress.getByName("::1"));
    }

    @Test
    void literalsNeedNoLookup() throws Exception {
        BlockingResolver r = new BlockingResolver(ResolveOverrides.none(), NO_DNS);
        assertThat(r.resolve("10.1.2.3")).isEqualTo(InetAddress.getByName("10.1.2.3"));
        assertThat(r.resolve("[::1]")).isEqualTo(InetAddress.getByName("::1"));
    }

    @Test
    void namesGoToTheLookupAndIpv4IsPreferred() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        NameLookup lookup = host -> {
            calls.incrementAndGet();
            return new InetAddress[] {InetAddress.getByName("2001:db8::1"), InetAddress.getByName("192.0.2.7")};
        };
        assertThat(new BlockingResolver(ResolveOverrides.none(), lookup).resolve("example.test"))
                .isEqualTo(InetAddress.getByName("192.0.2.7"));
        assertThat(calls).hasValue(1);
    }

    @Test
    void emptyAnswerIsUnknownHost() {
        BlockingResolver r = new BlockingResolver(ResolveOverrides.none(), host -> new InetAddress[0]);
        assertThatThrownBy(() -> r.resolve("empty.test")).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void badOverrideIsRejectedWithItsText() {
        assertThatThrownBy(() -> ResolveOverrides.parse(List.of("site.sim=not-an-ip")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'site.sim=not-an-ip'");
        assertThatThrownBy(() -> ResolveOverrides.parse(List.of("127.0.0.1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'127.0.0.1'");
    }

    @Test
    void constructorLowerCasesKeys() throws Exception {
        ResolveOverrides o = new ResolveOverrides(Map.of("UPPER.test", InetAddress.getByName("127.0.0.2")));
        assertThat(o.lookup("upper.TEST")).contains(InetAddress.getByName("127.0.0.2"));
    }

    @Test
    void ipLiteralParsingNeverResolves() {
        assertThat(IpLiteral.parse("localhost")).isEmpty();
        assertThat(IpLiteral.parse("example.com")).isEmpty();
        assertThat(IpLiteral.parse("1.2.3.4")).isPresent();
        assertThat(IpLiteral.parse("[2001:db8::1]")).isPresent();
    }
}
