package uk.attendance.evaluation;

public record PupilListItem(String upn, String givenName, String familyName, int yearGroup) {
}
