package uk.attendance.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

/** Turns checked credentials into a {@link SecurityIdentity} carrying the caller's roles and schools. */
@ApplicationScoped
public class Identities {

    /** The identity attribute holding the school ids a caller is bound to. */
    public static final String SCHOOLS = "schools";
    /** The person's username; the principal's name is the session secret for a page session. */
    static final String USERNAME = "username";
    /** Present on the identity of a page session: the {@link UserSession} id. */
    static final String SESSION = "session";

    private final Passwords passwords;
    private final SignInThrottle throttle;
    private final Clock clock;

    Identities(Passwords passwords, SignInThrottle throttle, Clock clock) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** HTTP Basic: the username and password, checked on every request. */
    @Transactional
    public SecurityIdentity person(String username, char[] password) {
        AppUser user = check(username, password);
        return identityOf(user, new QuarkusPrincipal(user.username), null);
    }

    /**
     * The pages' sign-in form: checks the password and opens a session. The principal's name is the session's
     * secret, which form authentication keeps in its encrypted cookie; only its hash is stored.
     */
    @Transactional
    public SecurityIdentity signIn(String username, char[] password) {
        AppUser user = check(username, password);
        String secret = Passwords.generateSecret();
        UserSession session = new UserSession();
        session.id = Passwords.tokenHash(secret);
        session.userId = user.id;
        session.createdAt = Instant.now(clock);
        session.persist();
        return identityOf(user, new QuarkusPrincipal(secret), session.id);
    }

    /**
     * A page session named by the cookie's secret: refused once it has ended (signed out, user disabled, password
     * changed). Roles and schools are read afresh, so a change to the user applies to the next page they open.
     */
    @Transactional
    public SecurityIdentity signedIn(String secret) {
        String id = Passwords.tokenHash(secret);
        UserSession session = UserSession.findOpen(id).orElseThrow(AuthenticationFailedException::new);
        AppUser user = AppUser.<AppUser>findByIdOptional(session.userId).filter(u -> !u.disabled())
                .orElseThrow(AuthenticationFailedException::new);
        return identityOf(user, new QuarkusPrincipal(secret), id);
    }

    private AppUser check(String username, char[] password) {
        throttle.check(username);
        AppUser user = AppUser.findByUsername(username).orElse(null);
        boolean tooLong = new String(password).getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES;
        if (user == null || tooLong) {
            // As slow as a real check, so the answer's timing does not say whether the user exists.
            passwords.decoyCheck(Arrays.copyOf(password, Math.min(password.length, PasswordPolicy.MAX_BYTES / 4)));
            throttle.failed(username);
            throw new AuthenticationFailedException();
        }
        if (!passwords.matches(user.username, password, user.passwordHash) || user.disabled()) {
            throttle.failed(username);
            throw new AuthenticationFailedException();
        }
        throttle.succeeded(username);
        return user;
    }

    private static SecurityIdentity identityOf(AppUser user, QuarkusPrincipal principal, String sessionId) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(principal)
                .addRoles(user.roles)
                .addAttribute(USERNAME, user.username)
                .addAttribute(SCHOOLS, Set.copyOf(user.schools));
        if (sessionId != null) {
            identity.addAttribute(SESSION, sessionId);
        }
        return identity.build();
    }

    @Transactional
    public SecurityIdentity misSystem(String token) {
        MisToken found = MisToken.findActiveByHash(Passwords.tokenHash(token))
                .orElseThrow(AuthenticationFailedException::new);
        String name = "mis:" + found.schoolId + "/" + found.name;
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addRole(Role.MIS_NAME)
                .addAttribute(USERNAME, name)
                .addAttribute(SCHOOLS, Set.of(found.schoolId))
                .build();
    }
}
