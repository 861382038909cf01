package dev.gantry.runner.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortMappingTest {

    @Test
    void aBarePortGetsAFreeLoopbackPort() {
        assertThat(PortMapping.parse("6379")).contains(new PortMapping("127.0.0.1", OptionalInt.empty(), 6379, "tcp"));
    }

    @Test
    void hostPortAddressAndProtocolAreRead() {
        assertThat(PortMapping.parse("8080:80")).contains(new PortMapping("127.0.0.1", OptionalInt.of(8080), 80, "tcp"));
        assertThat(PortMapping.parse("0.0.0.0:53:53/UDP")).contains(new PortMapping("0.0.0.0", OptionalInt.of(53), 53, "udp"));
        assertThat(PortMapping.parse(" 11211/udp ")).contains(new PortMapping("127.0.0.1", OptionalInt.empty(), 11211, "udp"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http", "0", "65536", "80/sctp", "a:80", "1:2:3:4", "80:", "-1", "123456"})
    void malformedPortsAreRefused(String text) {
        assertThat(PortMapping.parse(text)).isEmpty();
    }
}
