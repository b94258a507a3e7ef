package uk.attendance.action;

/** One item of a bulk decision: the action, the decision, and the note and date it shares with the others or its own. */
public record BulkDecision(Long id, String decision, String note, String date) {
}
