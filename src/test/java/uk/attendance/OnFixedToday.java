package uk.attendance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A page test: while each of its tests runs, "today" is {@link FixedClock#TODAY}. */
public interface OnFixedToday {

    @BeforeEach
    default void fixToday() {
        FixedClock.fix();
    }

    @AfterEach
    default void systemClock() {
        FixedClock.release();
    }
}
