package uk.attendance.pupil;

public record PupilListItem(String upn, String givenName, String familyName, int yearGroup) {
}
