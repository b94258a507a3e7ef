package uk.attendance.web;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import uk.attendance.security.SessionCsrf;

/**
 * Refuses a page form post whose CSRF token is not the signed-in session's (see {@link CsrfToken}). The page paths
 * are signed in before the request reaches this filter (their HTTP permission), so the session is known here; a
 * post from nobody signed in carries no session to forge, and signing in is what refuses it. Sign-out, outside
 * those paths, checks the token itself.
 */
public class CsrfGuard {

    @WebPage
    @ServerRequestFilter(readBody = true)
    public Optional<Response> verify(ResteasyReactiveContainerRequestContext context, RoutingContext routing) {
        if ("GET".equals(context.getMethod()) || "HEAD".equals(context.getMethod())
                || !(routing.user() instanceof QuarkusHttpUser user)) {
            return Optional.empty();
        }
        String expected = SessionCsrf.tokenOf(user.getSecurityIdentity());
        Object sent = ((ResteasyReactiveRequestContext) context.getServerRequestContext())
                .getFormParameter(CsrfToken.FIELD, true, false);
        if (expected == null || (sent instanceof String token && SessionCsrf.matches(expected, token))) {
            return Optional.empty();
        }
        return Optional.of(expired());
    }

    static Response expired() {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity("<!DOCTYPE html><html lang=\"en-GB\"><title>Form expired</title><h1>This form has expired</h1>"
                        + "<p>Nothing was saved. Go back, reload the page and try again.</p></html>")
                .build();
    }
}
