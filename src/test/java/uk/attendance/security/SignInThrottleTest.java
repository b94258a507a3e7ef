package uk.attendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.security.AuthenticationFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final SignInThrottle throttle = new SignInThrottle(new Settings(), clock);

    @Test
    void tenFailuresWithinFifteenMinutesPauseTheUsernameUntilTheFirstOfThemIsFifteenMinutesOld() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("lead");
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(throttle.blockedFor("lead")).contains(Duration.ofMinutes(5));
        assertThatThrownBy(() -> throttle.check("LEAD")).isInstanceOf(AuthenticationFailedException.class)
                .satisfies(e -> assertThat(((AuthenticationFailedException) e).<Long>getAttribute(SignInThrottle.RETRY_AFTER_SECONDS))
                        .isEqualTo(300L));
        assertThat(throttle.blockedFor("someone-else")).isEmpty();

        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(throttle.blockedFor("lead")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.blockedFor("lead")).isEmpty();
    }

    @Test
    void failuresSpreadOverMoreThanFifteenMinutesNeverPause() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("lead");
            clock.advance(Duration.ofMinutes(2));
            assertThat(throttle.blockedFor("lead")).isEmpty();
        }
    }

    @Test
    void aSuccessfulSignInClearsEarlierFailures() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("lead");
        }
        throttle.succeeded("lead");
        throttle.failed("lead");
        assertThat(throttle.blockedFor("lead")).isEqualTo(Optional.empty());
    }

    private static final class Settings implements SecurityConfig {
        @Override
        public int maxFailedSignIns() {
            return 10;
        }

        @Override
        public Duration failureWindow() {
            return Duration.ofMinutes(15);
        }

        @Override
        public Optional<String> publicBaseUrl() {
            return Optional.empty();
        }

        @Override
        public boolean behindTlsProxy() {
            return false;
        }

        @Override
        public int passwordHashCost() {
            return 4;
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2025-11-05T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
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
}
