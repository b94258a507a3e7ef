package uk.attendance.web;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import uk.attendance.security.SessionCsrf;

/**
 * Refuses a page form post whose CSRF token is not the signed-in session's (see {@link CsrfToken}). A post from
 * nobody signed in carries no session to forge; signing in is what refuses it.
 */
public class CsrfGuard {

    private final CurrentIdentityAssociation identities;

    CsrfGuard(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @WebPage
    @ServerRequestFilter(readBody = true)
    public Uni<Response> verify(ResteasyReactiveContainerRequestContext context) {
        if ("GET".equals(context.getMethod()) || "HEAD".equals(context.getMethod())) {
            return Uni.createFrom().nullItem();
        }
        Object sent = ((ResteasyReactiveRequestContext) context.getServerRequestContext())
                .getFormParameter(CsrfToken.FIELD, true, false);
        return identities.getDeferredIdentity()
                .map(identity -> {
                    String expected = SessionCsrf.tokenOf(identity);
                    if (expected == null || (sent instanceof String token && SessionCsrf.matches(expected, token))) {
                        return null;
                    }
                    return expired();
                })
                // An ended session: the page itself sends the browser to sign in again.
                .onFailure().recoverWithNull();
    }

    private static Response expired() {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity("<!DOCTYPE html><html lang=\"en-GB\"><title>Form expired</title><h1>This form has expired</h1>"
                        + "<p>Nothing was saved. Go back, reload the page and try again.</p></html>")
                .build();
    }
}
