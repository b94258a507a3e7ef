package uk.attendance.rules.fact;

import java.time.LocalDate;

/** The evaluation itself: its date and the periods a repeating action is raised once in. */
public class EvaluationContext {

    private final LocalDate asOf;
    private final String academicYear;
    private final String halfTerm;
    private final LocalDate previousHalfTermEnd;

    public EvaluationContext(LocalDate asOf, String academicYear, String halfTerm, LocalDate previousHalfTermEnd) {
        this.asOf = asOf;
        this.academicYear = academicYear;
        this.halfTerm = halfTerm;
        this.previousHalfTermEnd = previousHalfTermEnd;
    }

    public LocalDate getAsOf() { return asOf; }
    /** E.g. "2025/26": the default period an action is raised once in. */
    public String getAcademicYear() { return academicYear; }
    /** E.g. "2025/26 from 2025-11-03": the period of an action the ladder repeats each half term. */
    public String getHalfTerm() { return halfTerm; }
    /** The last school day of the previous half term, or null early in the records. */
    public LocalDate getPreviousHalfTermEnd() { return previousHalfTermEnd; }
}
