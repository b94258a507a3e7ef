package uk.attendance.school;

import java.time.LocalDate;

/** {@code actionsFrom} is null when the school has not set one: actions start with the academic year. */
public record SchoolView(String id, String name, String policy, LocalDate actionsFrom) {

    static SchoolView of(School school) {
        return new SchoolView(school.id, school.name, school.policy, school.actionsFrom);
    }
}
