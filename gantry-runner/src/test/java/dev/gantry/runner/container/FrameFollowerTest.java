package dev.gantry.runner.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FrameFollowerTest {

    private final FrameFollower follower = new FrameFollower(1024);
    private final List<String> lines = new ArrayList<>();
    private final ExecListener listener = (stream, line) -> lines.add(stream + " " + line);

    private static Frame frame(StreamType type, String text) {
        return new Frame(type, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void deliversLinesPerStreamAndTheLastUnterminatedOnes() {
        follower.callback().onNext(frame(StreamType.STDOUT, "one\ntw"));
        follower.callback().onNext(frame(StreamType.STDERR, "oops\nhalf"));
        follower.callback().onNext(frame(StreamType.RAW, "o\n"));
        follower.callback().onComplete();

        Optional<Throwable> error = follower.follow(listener, () -> Long.MAX_VALUE);

        assertThat(error).isEmpty();
        assertThat(lines).containsExactly("STDOUT one", "STDERR oops", "STDOUT two", "STDERR half");
    }

    @Test
    void aStreamErrorEndsTheFollowAndIsReturned() {
        IllegalStateException failure = new IllegalStateException("connection reset");
        follower.callback().onNext(frame(StreamType.STDOUT, "partial"));
        follower.callback().onError(failure);

        assertThat(follower.follow(listener, () -> Long.MAX_VALUE)).contains(failure);
        assertThat(lines).containsExactly("STDOUT partial");
    }

    @Test
    @Timeout(10)
    void cancelWakesTheWaitSoTheCallerCanDecideAgain() throws InterruptedException {
        AtomicInteger decisions = new AtomicInteger();
        Thread canceller = Thread.ofVirtual().start(follower::cancel);

        follower.follow(listener, () -> {
            if (follower.cancelRequested()) {
                follower.callback().onComplete();
            }
            decisions.incrementAndGet();
            return Long.MAX_VALUE;
        });

        canceller.join();
        assertThat(follower.cancelRequested()).isTrue();
        assertThat(decisions.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anInterruptWhileWaitingIsACancelAndIsSetAgainOnClose() {
        follower.follow(listener, () -> {
            if (follower.cancelRequested()) {
                follower.callback().onComplete();
            } else {
                Thread.currentThread().interrupt();
            }
            return Long.MAX_VALUE;
        });

        assertThat(follower.cancelRequested()).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        follower.close();
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void beginTakesAPendingInterruptAsCancelAndRunsOnce() {
        Thread.currentThread().interrupt();

        assertThat(follower.begin()).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThatThrownBy(follower::begin).isInstanceOf(IllegalStateException.class)
                .hasMessage("await was already called");
    }

    @Test
    void beginWithoutCancelLetsTheCommandStart() {
        assertThat(follower.begin()).isFalse();
        follower.cancel();
        assertThat(follower.cancelRequested()).isTrue();
    }
}
