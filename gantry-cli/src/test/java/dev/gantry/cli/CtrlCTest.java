package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CtrlCTest {

    @Test
    void theCancelTimeoutIsSecondsAndFallsBackToAMinute() {
        assertThat(CtrlC.waitSeconds(null)).isEqualTo(60);
        assertThat(CtrlC.waitSeconds(" ")).isEqualTo(60);
        assertThat(CtrlC.waitSeconds("five")).isEqualTo(60);
        assertThat(CtrlC.waitSeconds("300")).isEqualTo(300);
        assertThat(CtrlC.waitSeconds(" 3 ")).isEqualTo(3);
        assertThat(CtrlC.waitSeconds("-1")).isZero();
    }
}
