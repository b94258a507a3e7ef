package uk.attendance.web;

import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Today" for the page tests: a Wednesday after the first half term of 2025/26, so every page shows the same
 * school year whatever day the suite runs. Enabled by {@link WebTestProfile} only.
 */
@Alternative
@Singleton
public class FixedClock {

    public static final LocalDate TODAY = LocalDate.of(2025, 11, 5);
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.fixed(TODAY.atTime(9, 0).atZone(LONDON).toInstant(), LONDON);
    }
}
