package uk.attendance.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The CSRF token the pages put in every form, as {@code {inject:csrf.token}}: a random value kept in a
 * SameSite=Strict, HttpOnly cookie, which another site can neither read nor make the browser send, so only
 * a form served by this service can post it back (see {@link CsrfGuard}).
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {

    static final String COOKIE = "attendance-csrf";
    static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CurrentVertxRequest request;
    private String token;

    CsrfToken(CurrentVertxRequest request) {
        this.request = request;
    }

    public String parameterName() {
        return FIELD;
    }

    /** The browser's token, or a new one set on the response the first time a page is served. */
    public String token() {
        if (token == null) {
            RoutingContext routing = request.getCurrent();
            Cookie existing = routing.request().getCookie(COOKIE);
            if (existing != null && !existing.getValue().isBlank()) {
                token = existing.getValue();
            } else {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                routing.response().addCookie(Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT).setSecure(routing.request().isSSL()));
            }
        }
        return token;
    }
}
