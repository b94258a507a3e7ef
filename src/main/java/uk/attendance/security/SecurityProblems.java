package uk.attendance.security;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.attendance.problem.Problem;

/** 401 and 403 as problem documents; a 401 says how to authenticate. */
public class SecurityProblems {

    static final String CHALLENGE = "Basic realm=\"attendance\", charset=\"UTF-8\"";

    @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
    String signInForm;

    @ConfigProperty(name = "quarkus.http.auth.form.error-page")
    Optional<String> signInFailed;

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class, AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, HttpServerRequest request) {
        if (signInFailed.isPresent() && request.method() == HttpMethod.POST && request.path().equals(signInForm)) {
            // A wrong password on the web pages' sign-in form: back to the form, which says so.
            return Response.status(302).location(URI.create(signInFailed.get())).build();
        }
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "Your role does not allow this request."));
    }

    static Response unauthorized() {
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(401, "Unauthorized",
                        "Sign in with HTTP Basic (a person) or send an MIS bearer token.")).build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
