package uk.attendance.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Set;

/**
 * Who is making the request, as written into register history, interventions and decisions, and
 * which schools they may see. Work the service does on its own (the demo loader) is "system".
 * The pages' header reads it too: {@code {inject:caller.name}}.
 */
@Named("caller")
@RequestScoped
public class Caller {

    static final String SYSTEM = "system";

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        if (identity.isAnonymous()) {
            return SYSTEM;
        }
        String username = identity.getAttribute(Identities.USERNAME);
        return username != null ? username : identity.getPrincipal().getName();
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    /** May open school pages: a lead, or an admin. */
    public boolean reviewsSchools() {
        return isAdmin() || identity.hasRole(Role.LEAD_NAME);
    }

    /** May open the policies page: an author, or an admin. */
    public boolean authorsPolicies() {
        return isAdmin() || identity.hasRole(Role.AUTHOR_NAME);
    }

    /** Signed in to the pages (a session cookie), rather than HTTP Basic or an MIS token. */
    public boolean inPageSession() {
        return sessionId() != null;
    }

    /** The page session's id, or null for HTTP Basic and MIS tokens. */
    public String sessionId() {
        return identity.isAnonymous() ? null : identity.getAttribute(Identities.SESSION);
    }

    /** The CSRF token of this page session, for its forms; empty for anyone else. */
    public String csrfToken() {
        String token = SessionCsrf.tokenOf(identity);
        return token == null ? "" : token;
    }

    public boolean isAdmin() {
        return identity.hasRole(Role.ADMIN_NAME);
    }

    /** The schools this caller is bound to; an admin sees every school whatever this says. */
    public Set<String> schools() {
        return schoolsOf(identity);
    }

    public boolean maySee(String schoolId) {
        return isAdmin() || schools().contains(schoolId);
    }

    static Set<String> schoolsOf(SecurityIdentity identity) {
        Set<String> schools = identity.getAttribute(Identities.SCHOOLS);
        return schools == null ? Set.of() : schools;
    }
}
