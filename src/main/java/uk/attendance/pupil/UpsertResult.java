package uk.attendance.pupil;

public record UpsertResult(int created, int updated) {
}
