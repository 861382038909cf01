package dev.gantry.runner.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runner.container.StopEscalation.Signal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StopEscalationTest {

    private static final long START = 1_000;
    /** 7 ns from SIGINT to SIGTERM, 3 ns from SIGTERM to SIGKILL. */
    private static final ExecStopSettings SETTINGS = new ExecStopSettings(Duration.ofNanos(7), Duration.ofNanos(3), 16);

    @Test
    void withoutTimeoutOrCancelNothingIsDueAndTheWaitIsUnbounded() {
        StopEscalation stop = new StopEscalation(SETTINGS, START, Optional.empty());

        assertThat(stop.advance(START + 1_000_000, false)).isEmpty();
        assertThat(stop.waitNanos(START + 1_000_000)).isEqualTo(Long.MAX_VALUE);
        assertThat(stop.stopping()).isFalse();
    }

    @Test
    void aCancelEscalatesFromInterruptToKillAfterEachGracePeriod() {
        StopEscalation stop = new StopEscalation(SETTINGS, START, Optional.empty());

        assertThat(stop.advance(START + 5, true)).contains(Signal.INT);
        assertThat(stop.waitNanos(START + 5)).isEqualTo(7);
        assertThat(stop.advance(START + 11, true)).isEmpty();
        assertThat(stop.waitNanos(START + 11)).isEqualTo(1);
        assertThat(stop.advance(START + 12, true)).contains(Signal.TERM);
        assertThat(stop.advance(START + 14, true)).isEmpty();
        assertThat(stop.advance(START + 15, true)).contains(Signal.KILL);
        assertThat(stop.waitNanos(START + 15)).isEqualTo(Long.MAX_VALUE);
        assertThat(stop.advance(START + 1_000, true)).isEmpty();
        assertThat(stop.cancelled()).isTrue();
        assertThat(stop.timedOut()).isFalse();
    }

    @Test
    void theDeadlineStopsItAsTimedOut() {
        StopEscalation stop = new StopEscalation(SETTINGS, START, Optional.of(Duration.ofNanos(50)));

        assertThat(stop.waitNanos(START + 20)).isEqualTo(30);
        assertThat(stop.due(START + 49, false)).isFalse();
        assertThat(stop.advance(START + 49, false)).isEmpty();
        assertThat(stop.due(START + 50, false)).isTrue();
        assertThat(stop.advance(START + 50, false)).contains(Signal.INT);
        assertThat(stop.stopping()).isTrue();
        assertThat(stop.due(START + 50, true)).isFalse();
        assertThat(stop.timedOut()).isTrue();
        assertThat(stop.cancelled()).isFalse();
    }

    @Test
    void anOverdueStageWaitsZero() {
        StopEscalation stop = new StopEscalation(SETTINGS, START, Optional.of(Duration.ofNanos(50)));

        assertThat(stop.waitNanos(START + 80)).isZero();
        stop.advance(START + 80, false);
        assertThat(stop.waitNanos(START + 100)).isZero();
    }

    @Test
    void elapsedCountsFromTheStart() {
        StopEscalation stop = new StopEscalation(SETTINGS, START, Optional.empty());

        assertThat(stop.elapsed(START + 2_500_000)).isEqualTo(Duration.ofNanos(2_500_000));
    }
}
