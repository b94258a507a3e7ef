package uk.attendance.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import uk.attendance.security.Role;

/** Who is looking at a page, for the pages' header: {@code {inject:viewer.name}}, {@code {inject:viewer.author}}. */
@Named("viewer")
@RequestScoped
public class Viewer {

    private final SecurityIdentity identity;

    Viewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String name() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    /** May open school pages: a lead, or an admin. */
    public boolean lead() {
        return identity.hasRole(Role.ADMIN_NAME) || identity.hasRole(Role.LEAD_NAME);
    }

    /** May open the policies page: an author, or an admin. */
    public boolean author() {
        return identity.hasRole(Role.ADMIN_NAME) || identity.hasRole(Role.AUTHOR_NAME);
    }
}
