package uk.attendance.attendance;

/** What a register code counts as in the DfE measures. */
public enum CodeCategory {
    PRESENT,
    APPROVED_ACTIVITY,
    AUTHORISED_ABSENCE,
    UNAUTHORISED_ABSENCE,
    NOT_POSSIBLE
}
