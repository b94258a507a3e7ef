package uk.attendance.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import uk.attendance.security.Caller;
import uk.attendance.security.UserService;

/**
 * Signing in and out of the pages. The form posts to Quarkus form authentication ({@code /j_security_check}),
 * which checks the same users as the API and keeps the session in an encrypted cookie.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@WebPage
@PermitAll
public class SignInPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(boolean failed);
    }

    private final Caller caller;
    private final UserService users;
    private final CurrentVertxRequest request;

    SignInPage(Caller caller, UserService users, CurrentVertxRequest request) {
        this.caller = caller;
        this.users = users;
        this.request = request;
    }

    @GET
    @Path("/login")
    @Operation(hidden = true)
    public TemplateInstance signIn(@QueryParam("error") boolean failed) {
        return Templates.signIn(failed);
    }

    @POST
    @Path("/logout")
    @Operation(hidden = true)
    public Response signOut() {
        if (caller.inPageSession()) {
            // Ended on the server, so a copy of the cookie kept anywhere is refused from now on.
            users.signOut(caller.sessionId());
            FormAuthenticationMechanism.logout(request.getCurrent());
        }
        return Response.seeOther(URI.create("/login")).build();
    }
}
