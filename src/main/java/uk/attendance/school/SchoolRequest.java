package uk.attendance.school;

public record SchoolRequest(String name, String policy) {
}
