package dev.gantry.runner.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionValuesTest {

    @Test
    void goDurations() {
        assertThat(OptionValues.duration("10s")).contains(Duration.ofSeconds(10));
        assertThat(OptionValues.duration("1m30s")).contains(Duration.ofSeconds(90));
        assertThat(OptionValues.duration("1.5s")).contains(Duration.ofMillis(1500));
        assertThat(OptionValues.duration("250ms")).contains(Duration.ofMillis(250));
        assertThat(OptionValues.duration("2h")).contains(Duration.ofHours(2));
        assertThat(OptionValues.duration("0")).contains(Duration.ZERO);
        assertThat(OptionValues.duration("10")).isEmpty();
        assertThat(OptionValues.duration("s")).isEmpty();
        assertThat(OptionValues.duration("-1s")).isEmpty();
        assertThat(OptionValues.duration("1d")).isEmpty();
    }

    @Test
    void binarySizes() {
        assertThat(OptionValues.bytes("512")).contains(512L);
        assertThat(OptionValues.bytes("64k")).contains(64L * 1024);
        assertThat(OptionValues.bytes("512m")).contains(512L << 20);
        assertThat(OptionValues.bytes("2G")).contains(2L << 30);
        assertThat(OptionValues.bytes("1.5g")).contains(3L << 29);
        assertThat(OptionValues.bytes("64MiB")).contains(64L << 20);
        assertThat(OptionValues.bytes("64mb")).contains(64L << 20);
        assertThat(OptionValues.bytes("lots")).isEmpty();
        assertThat(OptionValues.bytes("1x")).isEmpty();
    }

    @Test
    void capabilitiesLoseTheirPrefix() {
        assertThat(OptionValues.capability("cap_net_admin")).contains("NET_ADMIN");
        assertThat(OptionValues.capability("ALL")).contains("ALL");
        assertThat(OptionValues.capability("net admin")).isEmpty();
    }
}
