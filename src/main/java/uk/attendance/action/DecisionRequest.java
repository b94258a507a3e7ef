package uk.attendance.action;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.attendance.intervention.AgreedTarget;

/**
 * A lead's decision. For a completed meeting, {@code parentAttended} and {@code outcome} are recorded on
 * the meeting; for a completed penalty-notice action, {@code parentIds} names the parents the notices went to
 * (default: the parents the action listed). {@code target} is the target agreed with the family, recorded as an
 * ATTENDANCE_TARGET intervention carrying it (or on the ATTENDANCE_TARGET the action itself records).
 */
public record DecisionRequest(String decision, @Schema(maxLength = 2000) String note,
        @Schema(format = "date", description = "1900-01-01 to 2100-12-31; default today") String date, Boolean parentAttended,
        @Schema(maxLength = 64) String outcome, List<String> parentIds,
        @Schema(description = "the target agreed with the family: attendancePercent or maxAbsentSessions, and reviewOn") AgreedTarget.Request target) {
}
