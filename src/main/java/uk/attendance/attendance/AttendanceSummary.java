package uk.attendance.attendance;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A pupil's attendance as it stood at the end of {@code asOf}: the academic year to date, plus the rolling
 * figures the statutory duties use. Serialised as the "Attendance summary" of the REST contract.
 *
 * <p>{@link #attendancePercent()} and {@link #absencePercent()} are exact, for rules and thresholds; the
 * JSON carries them rounded to one decimal place for display only, and {@code null} when there are no
 * possible sessions (see {@link PeriodAttendance}).
 */
@JsonPropertyOrder({"asOf", "possibleSessions", "presentSessions", "approvedActivitySessions",
        "authorisedAbsenceSessions", "unauthorisedAbsenceSessions", "attendancePercent", "absencePercent",
        "daysAbsent", "persistentlyAbsent", "severelyAbsent", "unauthorisedSessionsLast10SchoolWeeks",
        "consecutiveAbsenceSchoolDays", "lateSessions"})
public record AttendanceSummary(
        LocalDate asOf,
        @JsonIgnore PeriodAttendance yearToDate,
        int unauthorisedSessionsLast10SchoolWeeks,
        int consecutiveAbsenceSchoolDays) {

    @JsonProperty
    public int possibleSessions() {
        return yearToDate.possibleSessions();
    }

    @JsonProperty
    public int presentSessions() {
        return yearToDate.presentSessions();
    }

    @JsonProperty
    public int approvedActivitySessions() {
        return yearToDate.approvedActivitySessions();
    }

    @JsonProperty
    public int authorisedAbsenceSessions() {
        return yearToDate.authorisedAbsenceSessions();
    }

    @JsonProperty
    public int unauthorisedAbsenceSessions() {
        return yearToDate.unauthorisedAbsenceSessions();
    }

    @JsonProperty
    public int lateSessions() {
        return yearToDate.lateSessions();
    }

    @JsonProperty
    public BigDecimal daysAbsent() {
        return yearToDate.daysAbsent();
    }

    @JsonProperty
    public boolean persistentlyAbsent() {
        return yearToDate.persistentlyAbsent();
    }

    @JsonProperty
    public boolean severelyAbsent() {
        return yearToDate.severelyAbsent();
    }

    @JsonIgnore
    public int absentSessions() {
        return yearToDate.absentSessions();
    }

    /** Exact; NaN with no possible sessions. */
    @JsonIgnore
    public double attendancePercent() {
        return yearToDate.attendancePercent();
    }

    /** Exact; NaN with no possible sessions. */
    @JsonIgnore
    public double absencePercent() {
        return yearToDate.absencePercent();
    }

    @JsonProperty("attendancePercent")
    public BigDecimal displayedAttendancePercent() {
        return roundedPercent(yearToDate.attendedSessions());
    }

    @JsonProperty("absencePercent")
    public BigDecimal displayedAbsencePercent() {
        return roundedPercent(yearToDate.absentSessions());
    }

    /** Rounded from the whole-number counts, so 95.25 shows as 95.3 whatever binary doubles would do. */
    private BigDecimal roundedPercent(int sessions) {
        if (!yearToDate.hasPossibleSessions()) {
            return null;
        }
        return BigDecimal.valueOf(100L * sessions)
                .divide(BigDecimal.valueOf(yearToDate.possibleSessions()), 1, RoundingMode.HALF_UP);
    }
}
