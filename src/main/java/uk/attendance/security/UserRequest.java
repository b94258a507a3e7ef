package uk.attendance.security;

import java.util.List;

public record UserRequest(String username, String password, List<String> roles, List<String> schools) {
}
