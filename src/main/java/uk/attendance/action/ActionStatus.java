package uk.attendance.action;

import java.util.List;

public enum ActionStatus {
    OPEN,
    ACCEPTED,
    DISMISSED,
    COMPLETED,
    /** Withdrawn by the system: after amended marks, its condition held on no day. */
    WITHDRAWN;

    /** What a lead may decide. */
    public static final List<ActionStatus> DECISIONS = List.of(ACCEPTED, DISMISSED, COMPLETED);

    /** Dismissed and completed actions are closed: their decision stands. Withdrawn ones are not the lead's to decide. */
    public boolean isClosed() {
        return this == DISMISSED || this == COMPLETED || this == WITHDRAWN;
    }
}
