package uk.attendance.rules;

import java.time.LocalDate;
import uk.attendance.rules.fact.ActionFact;
import uk.attendance.rules.fact.EvaluationContext;
import uk.attendance.rules.fact.InterventionFact;
import uk.attendance.rules.fact.ParentFact;
import uk.attendance.rules.fact.Period;
import uk.attendance.rules.fact.PeriodFacts;
import uk.attendance.rules.fact.PupilFacts;
import uk.attendance.rules.fact.UnresolvedNCode;

/** Facts for ladder tests, with the defaults of an unremarkable pupil on {@link #AS_OF}. */
public final class Facts {

    public static final LocalDate AS_OF = LocalDate.of(2025, 11, 20);
    public static final long PUPIL = 1L;

    private Facts() {
    }

    public static EvaluationContext context() {
        return new EvaluationContext(AS_OF, "2025/26", "2025/26 from 2025-11-03", LocalDate.of(2025, 10, 24));
    }

    /** Full attendance, of compulsory school age, nothing unusual. */
    public static PupilFacts pupil() {
        return new PupilFacts().setPupilId(PUPIL).setUpn("B801200005001").setYearGroup(5).setCompulsorySchoolAge(true)
                .setAsOf(AS_OF).setAcademicYear("2025/26").setPossibleSessions(100).setAttendancePercent(100.0)
                .setLast10SchoolWeeksStart(LocalDate.of(2025, 9, 8)).setUnansweredSince(LocalDate.of(2025, 9, 8));
    }

    /** Attendance at {@code percent} over {@code possible} sessions, with the absent sessions and days to match. */
    public static PupilFacts pupilAttending(double percent, int possible) {
        int absent = (int) Math.round(possible * (100.0 - percent) / 100.0);
        return pupil().setPossibleSessions(possible).setAttendancePercent(percent).setAbsencePercent(100.0 - percent)
                .setAbsentSessions(absent).setDaysAbsent(absent / 2.0)
                .setPersistentlyAbsent(absent * 10 >= possible).setSeverelyAbsent(absent * 2 >= possible);
    }

    /** Days of absence this year, on 380 possible sessions. */
    public static PupilFacts pupilAbsentDays(double days) {
        int absent = (int) Math.round(days * 2);
        int possible = 380;
        double attendance = 100.0 * (possible - absent) / possible;
        return pupil().setPossibleSessions(possible).setAttendancePercent(attendance).setAbsencePercent(100.0 - attendance)
                .setAbsentSessions(absent).setDaysAbsent(days).setPersistentlyAbsent(absent * 10 >= possible)
                .setSeverelyAbsent(absent * 2 >= possible);
    }

    public static PeriodFacts period(Period period, double attendancePercent) {
        return period(period, attendancePercent, 0);
    }

    public static PeriodFacts period(Period period, double attendancePercent, int unauthorisedSessions) {
        int possible = 70;
        int absent = (int) Math.round(possible * (100.0 - attendancePercent) / 100.0);
        return new PeriodFacts(PUPIL, period, AS_OF.minusWeeks(7), AS_OF, possible, attendancePercent, absent,
                unauthorisedSessions, 0, 0);
    }

    public static InterventionFact letter(String type, int schoolDaysSince) {
        return intervention("LETTER", schoolDaysSince).setType(type);
    }

    public static InterventionFact meeting(int schoolDaysSince, Boolean parentAttended, String outcome) {
        return intervention("MEETING", schoolDaysSince).setParentAttended(parentAttended).setOutcome(outcome);
    }

    /**
     * An intervention {@code schoolDaysSince} school days (taken as weekdays) before {@link #AS_OF}. Its attendance at the
     * date and since are unset (NaN, which no comparison matches): a test of "improved" or "not improved" sets them, or
     * builds the pupil from register marks, rather than silently taking one branch from a default.
     */
    public static InterventionFact intervention(String kind, int schoolDaysSince) {
        LocalDate date = AS_OF;
        for (int d = 0; d < schoolDaysSince; ) {
            date = date.minusDays(1);
            if (date.getDayOfWeek().getValue() <= 5) {
                d++;
            }
        }
        return new InterventionFact().setPupilId(PUPIL).setId(schoolDaysSince + 1000L).setKind(kind).setDate(date)
                .setAcademicYear("2025/26").setSchoolDaysSince(schoolDaysSince)
                .setCalendarDaysSince(AS_OF.toEpochDay() - date.toEpochDay())
                .setAttendancePercentAtDate(Double.NaN).setAttendancePercentSince(Double.NaN)
                .setPossibleSessionsSince(schoolDaysSince * 2);
    }

    public static InterventionFact penaltyNotice(String parentId, LocalDate date) {
        return new InterventionFact().setPupilId(PUPIL).setId(date.toEpochDay()).setKind("PENALTY_NOTICE").setDate(date)
                .setParentId(parentId).setAcademicYear("2025/26")
                .setCalendarDaysSince(AS_OF.toEpochDay() - date.toEpochDay());
    }

    public static ParentFact parent(String parentId) {
        return new ParentFact(PUPIL, parentId);
    }

    public static ActionFact action(String type, String status) {
        return new ActionFact(PUPIL, type, status, AS_OF.minusDays(30), "2025/26", 20);
    }

    public static UnresolvedNCode nCode(LocalDate date, int schoolDaysSince) {
        return new UnresolvedNCode(PUPIL, date, "AM", schoolDaysSince);
    }
}
