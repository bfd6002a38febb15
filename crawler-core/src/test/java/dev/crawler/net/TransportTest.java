package dev.crawler.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TransportTest {

    @ParameterizedTest
    @CsvSource({"epoll, EPOLL", "EPOLL, EPOLL", "io_uring, IO_URING", "io-uring, IO_URING", "nio, NIO",
            "nio-poll, NIO_POLL", "nio_poll, NIO_POLL"})
    void parsesNames(String name, Transport expected) {
        assertThat(Transport.fromName(name)).isEqualTo(expected);
    }

    @Test
    void unknownNameListsTheChoices() {
        assertThatThrownBy(() -> Transport.fromName("kqueue"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kqueue").hasMessageContaining("epoll, io_uring, nio, nio-poll");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void selectFallsBackToNioWhenMissing(Transport t) {
        IoTransport io = IoTransport.select(t);
        assertThat(io.transport()).isEqualTo(IoTransport.isAvailable(t) ? t : Transport.NIO);
    }

    @Test
    void linuxDefaultsToEpoll() {
        if (System.getProperty("os.name").toLowerCase().contains("linux")) {
            assertThat(Transport.defaultForPlatform()).isEqualTo(Transport.EPOLL);
        }
    }
}
