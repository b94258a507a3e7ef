package uk.attendance;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import uk.attendance.config.AttendanceConfig;

/**
 * The suite's clock: the system's, except while a page test runs ({@link OnFixedToday}), when "today" is a Wednesday
 * after the first half term of 2025/26, so every page shows the same school year whatever day the suite runs. One clock
 * for every test, rather than a test profile, keeps the page tests in the same Quarkus start as the rest.
 */
@Singleton
public class FixedClock {

    public static final LocalDate TODAY = LocalDate.of(2025, 11, 5);
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Clock FIXED = Clock.fixed(TODAY.atTime(9, 0).atZone(LONDON).toInstant(), LONDON);

    private static volatile boolean fixed;

    static void fix() {
        fixed = true;
    }

    static void release() {
        fixed = false;
    }

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    Clock clock(AttendanceConfig config) {
        return new Switched(config.timeZone());
    }

    private static final class Switched extends Clock {

        private final ZoneId zone;

        Switched(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return fixed ? FIXED.getZone() : zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return fixed ? FIXED.withZone(other) : Clock.system(other);
        }

        @Override
        public Instant instant() {
            return fixed ? FIXED.instant() : Instant.now();
        }
    }
}
