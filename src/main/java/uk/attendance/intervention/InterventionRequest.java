package uk.attendance.intervention;

public record InterventionRequest(String upn, String kind, String type, String date, String parentId, Boolean parentAttended,
        String outcome, String note) {
}
