package uk.attendance.intervention;

/** What the school did about a pupil's attendance. */
public enum InterventionKind {
    LETTER,
    MEETING,
    PENALTY_NOTICE,
    NOTICE_TO_IMPROVE,
    HOME_VISIT,
    PARENTING_CONTRACT,
    EARLY_HELP,
    LA_REFERRAL,
    ATTENDANCE_TARGET,
    OTHER
}
