package uk.attendance.security;

import java.time.Instant;
import java.util.List;

/** A user as the API shows it: never the password or its hash. */
public record UserView(String username, List<String> roles, List<String> schools, Instant createdAt, String createdBy) {

    static UserView of(AppUser user) {
        return new UserView(user.username, List.copyOf(user.roleIds()), user.schools.stream().sorted().toList(),
                user.createdAt, user.createdBy);
    }
}
