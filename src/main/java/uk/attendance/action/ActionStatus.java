package uk.attendance.action;

public enum ActionStatus {
    OPEN,
    ACCEPTED,
    DISMISSED,
    COMPLETED,
    /** Withdrawn by the system: after amended marks, its condition held on no day. */
    WITHDRAWN;

    /** Dismissed and completed actions are closed: their decision stands. Withdrawn ones are not the lead's to decide. */
    public boolean isClosed() {
        return this == DISMISSED || this == COMPLETED || this == WITHDRAWN;
    }
}
