package uk.attendance.action;

import java.util.List;

/**
 * A lead's decision. For a completed meeting, {@code parentAttended} and {@code outcome} are recorded on
 * the meeting; for a completed penalty-notice action, {@code parentIds} names the parents the notices went to
 * (default: the parents the action listed).
 */
public record DecisionRequest(String decision, String note, String date, Boolean parentAttended, String outcome,
        List<String> parentIds) {
}
