package uk.attendance.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A user as the API shows it: never the password or its hash. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserView(String username, List<String> roles, List<String> schools, Instant createdAt, String createdBy,
        boolean disabled, Instant disabledAt, String disabledBy, Instant passwordChangedAt, String passwordChangedBy) {

    static UserView of(AppUser user) {
        return new UserView(user.username, List.copyOf(user.roles), user.schools.stream().sorted().toList(),
                user.createdAt, user.createdBy, user.disabled(), user.disabledAt, user.disabledBy,
                user.passwordChangedAt, user.passwordChangedBy);
    }
}
