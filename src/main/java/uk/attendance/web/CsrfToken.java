package uk.attendance.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import uk.attendance.security.Caller;

/**
 * The CSRF token the pages put in every form, as {@code {inject:csrf.token}}: bound to the signed-in session
 * (see {@link uk.attendance.security.SessionCsrf}), so only a form this service served to that session can post it
 * back (see {@link CsrfGuard}). Also in the page's {@code csrf-token} meta element, for scripts calling the API.
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {

    static final String FIELD = "csrf";

    private final Caller caller;

    CsrfToken(Caller caller) {
        this.caller = caller;
    }

    public String parameterName() {
        return FIELD;
    }

    public String token() {
        return caller.csrfToken();
    }
}
