package uk.attendance.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is making the request, as written into register history, interventions and decisions.
 * Authentication plugs in here and in {@link SchoolAccess}; nothing else asks who the caller is.
 */
@RequestScoped
public class Caller {

    static final String ANONYMOUS = "anonymous";

    public String name() {
        return ANONYMOUS;
    }
}
