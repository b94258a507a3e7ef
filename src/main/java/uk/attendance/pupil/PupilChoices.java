package uk.attendance.pupil;

import java.util.List;

/** The year groups, registration groups and bands a school's pupils are in: the choices of the pupils list's filters. */
public record PupilChoices(List<Integer> yearGroups, List<String> registrationGroups, List<String> bands) {
}
