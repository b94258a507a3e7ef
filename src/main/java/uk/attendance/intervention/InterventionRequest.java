package uk.attendance.intervention;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record InterventionRequest(String upn, String kind, @Schema(maxLength = 64) String type,
        @Schema(format = "date", description = "1900-01-01 to 2100-12-31, not in the future") String date,
        @Schema(maxLength = 64) String parentId, Boolean parentAttended, @Schema(maxLength = 64) String outcome,
        @Schema(maxLength = 2000) String note,
        @Schema(description = "only for an ATTENDANCE_TARGET: the target agreed with the family") AgreedTarget.Request target) {
}
