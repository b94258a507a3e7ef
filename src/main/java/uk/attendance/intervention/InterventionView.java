package uk.attendance.intervention;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record InterventionView(Long id, String upn, InterventionKind kind, String type, LocalDate date, String parentId,
        Boolean parentAttended, String outcome, String note, Long actionId, Instant recordedAt, String recordedBy,
        AgreedTarget target) {

    public static InterventionView of(Intervention i, String upn) {
        return new InterventionView(i.id, upn, i.kind, i.type, i.date, i.parentId, i.parentAttended, i.outcome, i.note,
                i.actionId, i.recordedAt, i.recordedBy, i.target());
    }
}
