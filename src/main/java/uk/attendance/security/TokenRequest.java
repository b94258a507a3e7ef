package uk.attendance.security;

public record TokenRequest(String name) {
}
