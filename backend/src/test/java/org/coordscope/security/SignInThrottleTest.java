package org.coordscope.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on a hand-turned clock: free tries, doubling waits, what a success forgets, the window. */
class SignInThrottleTest {

    /** A clock the test moves. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInThrottle.Settings(2, 3, Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofSeconds(60)),
            clock);

    @Test
    void aNameFailsFreelyThenWaitsTwiceAsLongEachTimeUpToTheLongestWait() {
        assertThat(throttle.failed("eve", "10.0.0.1").startedWaiting()).isFalse();
        assertThat(throttle.retryAfter("eve", "10.0.0.2")).isZero();
        SignInThrottle.Outcome second = throttle.failed("eve", "10.0.0.2");
        assertThat(second.startedWaiting()).isFalse();
        SignInThrottle.Outcome third = throttle.failed("EVE", "10.0.0.3"); // names are compared without case
        assertThat(third.startedWaiting()).isTrue();
        assertThat(third.waitSeconds()).isEqualTo(1);
        assertThat(throttle.retryAfter("eve", "10.0.0.9"))
                .as("from any address")
                .isEqualTo(1);
        assertThat(throttle.retryAfter("mallory", "10.0.0.9")).isZero();
        long[] waits = new long[8];
        for (int i = 0; i < waits.length; i++) {
            clock.advance(Duration.ofSeconds(throttle.retryAfter("eve", null)));
            assertThat(throttle.retryAfter("eve", null)).isZero();
            SignInThrottle.Outcome next = throttle.failed("eve", "10.0.0." + (10 + i));
            assertThat(next.startedWaiting()).isFalse();
            waits[i] = next.waitSeconds();
        }
        assertThat(waits).containsExactly(2, 4, 8, 16, 32, 60, 60, 60);
    }

    @Test
    void aSuccessForgetsTheNamesFailuresButNotTheAddresss() {
        throttle.failed("eve", "10.0.0.1");
        throttle.failed("eve", "10.0.0.1");
        throttle.succeeded("Eve");
        assertThat(throttle.failed("eve", "10.0.0.1").startedWaiting())
                .as("the address's third failure is free")
                .isFalse();
        // a fourth failure from the address, whatever the name, starts its wait; the others' names are free elsewhere
        SignInThrottle.Outcome sprayed = throttle.failed("someone-else", "10.0.0.1");
        assertThat(sprayed.startedWaiting()).isTrue();
        assertThat(throttle.retryAfter("a-third-name", "10.0.0.1")).isEqualTo(1);
        assertThat(throttle.retryAfter("a-third-name", "10.0.0.2")).isZero();
        throttle.succeeded("someone-else");
        assertThat(throttle.retryAfter("someone-else", "10.0.0.1"))
                .as("a success does not clear an address")
                .isEqualTo(1);
    }

    @Test
    void failuresAreForgottenOnceAKeyHasBeenQuietForTheWindow() {
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(throttle.retryAfter("eve", "10.0.0.1")));
            throttle.failed("eve", "10.0.0.1");
        }
        assertThat(throttle.retryAfter("eve", "10.0.0.1")).isPositive();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(throttle.retryAfter("eve", "10.0.0.1")).isZero();
        assertThat(throttle.failed("eve", "10.0.0.1").startedWaiting())
                .as("counting starts again")
                .isFalse();
    }
}
