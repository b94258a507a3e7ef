package uk.attendance.action;

public enum ActionStatus {
    OPEN,
    ACCEPTED,
    DISMISSED,
    COMPLETED;

    /** Dismissed and completed actions are closed: their decision stands. */
    public boolean isClosed() {
        return this == DISMISSED || this == COMPLETED;
    }
}
