package uk.attendance.attendance;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * A school's compact registers compared with its marks: every session whose compact code differs from the
 * mark (the first {@value RegisterCheck#LISTED} listed), and register days missing or extra.
 *
 * @param pupilYears pupil-years with marks
 * @param schoolDays days on which the marks show the school held a session
 * @param rebuilt whether the stored rows were replaced by those rebuilt from the marks
 */
public record RegisterReport(String schoolId, int pupilYears, int schoolDays, int sessionsDiffering,
        List<Difference> differences, List<LocalDate> daysMissing, List<LocalDate> daysExtra, boolean rebuilt) {

    /** One session: the code the marks hold and the one the compact register holds ({@code null}: none). */
    public record Difference(String upn, LocalDate date, Session session, String mark, String compact) {
    }

    @JsonProperty
    public boolean matches() {
        return sessionsDiffering == 0 && daysMissing.isEmpty() && daysExtra.isEmpty();
    }

    @JsonProperty
    public int daysDiffering() {
        return daysMissing.size() + daysExtra.size();
    }
}
