package uk.attendance.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * A generated pupil on a school's roll.
 *
 * @param yearGroup 0 for Reception, otherwise the National Curriculum year (1–11)
 * @param characteristics any of {@code FSM}, {@code SEND}, {@code EAL}, {@code LAC}
 * @param registrationGroup the form or class, e.g. {@code 7B} or {@code R}
 */
public record DemoPupil(
        String upn,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        int yearGroup,
        List<String> characteristics,
        List<DemoParent> parents,
        String registrationGroup) {

    public DemoPupil {
        characteristics = List.copyOf(characteristics);
        parents = List.copyOf(parents);
    }
}
