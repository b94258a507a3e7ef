package uk.attendance.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Set;

/** The web page tests run with a fixed "today" ({@link FixedClock}); they share this one profile, so one start. */
public class WebTestProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FixedClock.class);
    }
}
