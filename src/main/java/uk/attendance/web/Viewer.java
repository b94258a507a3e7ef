package uk.attendance.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Set;

/** Who is looking at a page, for the pages' header and the schools they may open ({@code {inject:viewer.name}}). */
@Named("viewer")
@RequestScoped
public class Viewer {

    static final String ADMIN = "admin";
    static final String AUTHOR = "author";
    static final String LEAD = "lead";

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

    public boolean admin() {
        return identity.hasRole(ADMIN);
    }

    public boolean author() {
        return identity.hasRole(ADMIN) || identity.hasRole(AUTHOR);
    }

    public boolean lead() {
        return identity.hasRole(ADMIN) || identity.hasRole(LEAD);
    }

    /** The schools a lead is bound to; an admin sees every school. */
    @SuppressWarnings("unchecked")
    Set<String> boundSchools() {
        Object schools = identity.getAttribute("schools");
        return schools instanceof Set<?> set ? (Set<String>) set : Set.of();
    }
}
