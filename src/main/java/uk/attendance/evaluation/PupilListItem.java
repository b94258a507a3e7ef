package uk.attendance.evaluation;

import java.math.BigDecimal;

/**
 * A row of the pupils list: attendance (rounded to one decimal place), band and persistent absence as of the pupil's
 * latest evaluation, or of {@code asOf} when one is asked for; {@code openActions} counts the actions still to do
 * (open or accepted).
 */
public record PupilListItem(String upn, String givenName, String familyName, int yearGroup, String registrationGroup,
        BigDecimal attendancePercent, String band, String stage, boolean persistentlyAbsent, int openActions) {

    public String name() {
        return givenName + " " + familyName;
    }
}
