package uk.attendance.rules.fact;

/** The windows a ladder can judge attendance over. */
public enum Period {
    YEAR_TO_DATE,
    CURRENT_HALF_TERM,
    /** The last half term that ended before the evaluation date: what half-termly reviews look at. */
    PREVIOUS_HALF_TERM,
    /** The half term before that, for the improved / same / worse arrow. */
    HALF_TERM_BEFORE_PREVIOUS,
    CURRENT_TERM,
    /** The last term that ended before the current one began: what termly certificates and reports look at. */
    PREVIOUS_TERM
}
