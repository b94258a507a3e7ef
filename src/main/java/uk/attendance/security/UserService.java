package uk.attendance.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;

@ApplicationScoped
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final Passwords passwords;
    private final Caller caller;
    private final Clock clock;
    private final KnownSchools knownSchools;

    UserService(Passwords passwords, Caller caller, Clock clock, KnownSchools knownSchools) {
        this.passwords = passwords;
        this.caller = caller;
        this.clock = clock;
        this.knownSchools = knownSchools;
    }

    @Transactional
    public UserView create(UserRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("The request needs a body: {username, password, roles, schools}.");
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
            errors.add(FieldError.of("username", "a username is 1 to 64 characters of letters, digits and . _ @ -"));
        }
        if (request.password() == null || request.password().length() < Passwords.MIN_LENGTH) {
            errors.add(FieldError.of("password", "a password has at least " + Passwords.MIN_LENGTH + " characters"));
        }
        Set<String> roles = new LinkedHashSet<>();
        if (request.roles() == null || request.roles().isEmpty()) {
            errors.add(FieldError.of("roles", "at least one role is required: admin, author or lead"));
        } else {
            for (String role : request.roles()) {
                Role.ofPerson(role).ifPresentOrElse(r -> roles.add(r.id()),
                        () -> errors.add(FieldError.of("roles", "unknown role '" + role + "'; roles are admin, author and lead")));
            }
        }
        Set<String> schools = new TreeSet<>(request.schools() == null ? List.of() : request.schools());
        for (String school : schools) {
            if (!knownSchools.exists(school)) {
                errors.add(FieldError.of("schools", "no school '" + school + "'"));
            }
        }
        if (roles.contains(Role.LEAD_NAME) && schools.isEmpty()) {
            errors.add(FieldError.of("schools", "a lead is bound to at least one school"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The user was not created.", errors);
        }
        if (AppUser.findByUsername(request.username()).isPresent()) {
            throw ProblemException.conflict("A user '" + request.username() + "' already exists.");
        }
        return UserView.of(persist(request.username(), request.password(), roles, schools, caller.name()));
    }

    @Transactional
    public List<UserView> list() {
        return AppUser.<AppUser>list("order by username").stream().map(UserView::of).toList();
    }

    AppUser persist(String username, String password, Set<String> roles, Set<String> schools, String createdBy) {
        AppUser user = new AppUser();
        user.username = username;
        user.passwordHash = passwords.hash(password);
        user.roles = String.join(",", roles);
        user.schools = new TreeSet<>(schools);
        user.createdAt = Instant.now(clock);
        user.createdBy = createdBy;
        user.persist();
        return user;
    }
}
