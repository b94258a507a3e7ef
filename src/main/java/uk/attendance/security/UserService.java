package uk.attendance.security;

import io.quarkus.security.ForbiddenException;
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
    private final PasswordPolicy policy;
    private final Caller caller;
    private final Clock clock;
    private final KnownSchools knownSchools;

    UserService(Passwords passwords, PasswordPolicy policy, Caller caller, Clock clock, KnownSchools knownSchools) {
        this.passwords = passwords;
        this.policy = policy;
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
        policy.problem(request.password(), request.username()).ifPresent(problem -> errors.add(FieldError.of("password", problem)));
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

    /**
     * Sets a user's password: an admin for anyone, a person for themselves. Someone signed in to the pages (not with
     * the password itself, as HTTP Basic is) also gives the current password. Every page session of the user ends.
     */
    @Transactional
    public UserView changePassword(String username, PasswordChange request) {
        AppUser user = AppUser.findByUsername(username).orElse(null);
        boolean self = user != null && user.username.equals(caller.name());
        if (!caller.isAdmin() && !self) {
            throw new ForbiddenException("Only an admin may change another user's password.");
        }
        if (user == null) {
            throw ProblemException.notFound("No user '" + username + "'.");
        }
        if (request == null) {
            throw ProblemException.invalid(FieldError.of("password", "the request needs a body: {password}"));
        }
        if (!caller.isAdmin() && caller.inPageSession() && (request.currentPassword() == null
                || !passwords.matches(user.username, request.currentPassword().toCharArray(), user.passwordHash))) {
            throw ProblemException.invalid(FieldError.of("currentPassword", "give your current password to change it"));
        }
        policy.problem(request.password(), user.username).ifPresent(problem -> {
            throw ProblemException.invalid(FieldError.of("password", problem));
        });
        Instant now = Instant.now(clock);
        user.passwordHash = passwords.hash(request.password());
        user.passwordChangedAt = now;
        user.passwordChangedBy = caller.name();
        UserSession.endAll(user.id, now, UserSession.PASSWORD_CHANGED);
        return UserView.of(user);
    }

    /** Stops a user at once: their page sessions end and HTTP Basic refuses them until they are enabled. */
    @Transactional
    public UserView disable(String username) {
        AppUser user = require(username);
        if (user.username.equals(caller.name())) {
            throw ProblemException.conflict("An admin cannot disable their own account; another admin can.");
        }
        Instant now = Instant.now(clock);
        if (!user.disabled()) {
            user.disabledAt = now;
            user.disabledBy = caller.name();
        }
        UserSession.endAll(user.id, now, UserSession.DISABLED);
        return UserView.of(user);
    }

    @Transactional
    public UserView enable(String username) {
        AppUser user = require(username);
        user.disabledAt = null;
        user.disabledBy = null;
        return UserView.of(user);
    }

    /** Ends one page session: its cookie is refused from now on, wherever it is kept. */
    @Transactional
    public void signOut(String sessionId) {
        UserSession.<UserSession>findByIdOptional(sessionId).filter(s -> s.endedAt == null).ifPresent(session -> {
            session.endedAt = Instant.now(clock);
            session.endedWhy = UserSession.SIGNED_OUT;
        });
    }

    private static AppUser require(String username) {
        return AppUser.findByUsername(username).orElseThrow(() -> ProblemException.notFound("No user '" + username + "'."));
    }

    AppUser persist(String username, String password, Set<String> roles, Set<String> schools, String createdBy) {
        AppUser user = new AppUser();
        user.username = username;
        user.passwordHash = passwords.hash(password);
        user.roles = new TreeSet<>(roles);
        user.schools = new TreeSet<>(schools);
        user.createdAt = Instant.now(clock);
        user.createdBy = createdBy;
        user.persist();
        return user;
    }
}
