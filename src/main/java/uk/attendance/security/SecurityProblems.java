package uk.attendance.security;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
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

    @ConfigProperty(name = "quarkus.http.auth.form.login-page", defaultValue = "/login")
    String signInPage;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String sessionCookie;

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class, AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, HttpServerRequest request) {
        if (e instanceof AuthenticationFailedException failed && failed.getAttribute(SignInThrottle.RETRY_AFTER_SECONDS) != null) {
            return tooManySignIns(failed.getAttribute(SignInThrottle.RETRY_AFTER_SECONDS), request);
        }
        if (signInFailed.isPresent() && request.method() == HttpMethod.POST && request.path().equals(signInForm)) {
            // A wrong password on the web pages' sign-in form: back to the form, which says so.
            return Response.status(302).header(HttpHeaders.LOCATION, signInFailed.get()).build();
        }
        if (!request.path().startsWith("/api/") && !request.path().startsWith("/q/")) {
            // A page opened with a session that has ended (signed out, disabled, password changed): sign in again.
            return Response.status(302).header(HttpHeaders.LOCATION, signInPage)
                    .cookie(new NewCookie.Builder(sessionCookie).path("/").maxAge(0).value("").build()).build();
        }
        return unauthorized();
    }

    /** 429 for the username, Basic or form alike; the same for a username that does not exist. */
    private Response tooManySignIns(long seconds, HttpServerRequest request) {
        long minutes = (seconds + 59) / 60;
        String wait = minutes == 1 ? "a minute" : minutes + " minutes";
        if (request.method() == HttpMethod.POST && request.path().equals(signInForm)) {
            return Response.status(429).header(HttpHeaders.RETRY_AFTER, seconds).type("text/html;charset=UTF-8")
                    .entity("<!DOCTYPE html><html lang=\"en-GB\"><title>Too many attempts</title>"
                            + "<h1>Too many failed sign-ins</h1><p>Sign-in for this username is paused after too many "
                            + "wrong passwords. Try again in " + wait + ".</p><p><a href=\"/login\">Back to sign in</a></p></html>")
                    .build();
        }
        return Response.status(429).header(HttpHeaders.RETRY_AFTER, seconds).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(429, "Too many requests", "Sign-in for this username is paused after too many failed "
                        + "attempts. Try again in " + wait + ".")).build();
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
