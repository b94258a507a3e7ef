package uk.attendance.security;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.attendance.problem.Problem;

/** 401 and 403 as problem documents; a 401 says how to authenticate. */
public class SecurityProblems {

    static final String CHALLENGE = "Basic realm=\"attendance\", charset=\"UTF-8\"";

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class, AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e) {
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
