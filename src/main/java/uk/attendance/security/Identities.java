package uk.attendance.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Set;

/** Turns checked credentials into a {@link SecurityIdentity} carrying the caller's roles and schools. */
@ApplicationScoped
public class Identities {

    /** The identity attribute holding the school ids a caller is bound to. */
    public static final String SCHOOLS = "schools";

    private final Passwords passwords;

    Identities(Passwords passwords) {
        this.passwords = passwords;
    }

    @Transactional
    public SecurityIdentity person(String username, char[] password) {
        AppUser user = AppUser.findByUsername(username).orElse(null);
        if (user == null) {
            passwords.decoyCheck(password);
            throw new AuthenticationFailedException();
        }
        if (!passwords.matches(user.username, password, user.passwordHash)) {
            throw new AuthenticationFailedException();
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRoles(user.roleIds())
                .addAttribute(SCHOOLS, Set.copyOf(user.schools))
                .build();
    }

    @Transactional
    public SecurityIdentity misSystem(String token) {
        MisToken found = MisToken.findActiveByHash(Passwords.tokenHash(token))
                .orElseThrow(AuthenticationFailedException::new);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("mis:" + found.schoolId + "/" + found.name))
                .addRole(Role.MIS_NAME)
                .addAttribute(SCHOOLS, Set.of(found.schoolId))
                .build();
    }
}
