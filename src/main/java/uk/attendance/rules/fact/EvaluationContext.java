package uk.attendance.rules.fact;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;

/** The day judged: its date and the periods a repeating action is raised once in. */
public class EvaluationContext {

    private final LocalDate asOf;
    private final String academicYear;
    private final String halfTerm;
    private final LocalDate previousHalfTermEnd;
    private final LocalDate termStart;
    private final LocalDate fourWeekBlockStart;

    /** A day whose term and four-week block are unknown (e.g. a test of one rule): they fall back on the year and week. */
    public EvaluationContext(LocalDate asOf, String academicYear, String halfTerm, LocalDate previousHalfTermEnd) {
        this(asOf, academicYear, halfTerm, previousHalfTermEnd, null, null);
    }

    /**
     * @param termStart the first school day of the term the day is in (the latest one begun), from the school's calendar
     * @param fourWeekBlockStart the Monday starting the block of four school weeks, counted from the first school
     *        week of the year, that the day is in
     */
    public EvaluationContext(LocalDate asOf, String academicYear, String halfTerm, LocalDate previousHalfTermEnd, LocalDate termStart,
            LocalDate fourWeekBlockStart) {
        this.asOf = asOf;
        this.academicYear = academicYear;
        this.halfTerm = halfTerm;
        this.previousHalfTermEnd = previousHalfTermEnd;
        this.termStart = termStart;
        this.fourWeekBlockStart = fourWeekBlockStart;
    }

    /** The period an action of a rule repeating as {@code repeat} belongs to on this day. */
    public String period(Repeat repeat) {
        return switch (repeat) {
            case ONCE_A_YEAR -> academicYear;
            case EACH_TERM -> academicYear + " term from " + (termStart == null ? academicYear : termStart);
            case EACH_HALF_TERM -> halfTerm;
            case EVERY_FOUR_WEEKS -> academicYear + " four weeks from "
                    + (fourWeekBlockStart == null ? asOf.with(DayOfWeek.MONDAY) : fourWeekBlockStart);
            case EACH_MONTH -> academicYear + " month " + YearMonth.from(asOf);
            case EACH_WEEK -> academicYear + " week of " + asOf.with(DayOfWeek.MONDAY);
        };
    }

    public LocalDate getAsOf() { return asOf; }
    /** E.g. "2025/26": the default period an action is raised once in. */
    public String getAcademicYear() { return academicYear; }
    /** E.g. "2025/26 from 2025-11-03": the period of an action the ladder repeats each half term. */
    public String getHalfTerm() { return halfTerm; }
    /** The last school day of the previous half term, or null early in the records. */
    public LocalDate getPreviousHalfTermEnd() { return previousHalfTermEnd; }
    /** The first school day of the current term, or null before the first. */
    public LocalDate getTermStart() { return termStart; }
    /** The Monday starting the current block of four school weeks, or null before the first school day of the year. */
    public LocalDate getFourWeekBlockStart() { return fourWeekBlockStart; }
}
