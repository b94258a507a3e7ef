package uk.attendance.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** One clock for "today" and "now", in the schools' time zone, so "a future date" means the same everywhere. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock(AttendanceConfig config) {
        return Clock.system(config.timeZone());
    }
}
