package uk.attendance.security;

/** A new password; {@code currentPassword} is asked of a person changing their own from a page session. */
public record PasswordChange(String password, String currentPassword) {
}
