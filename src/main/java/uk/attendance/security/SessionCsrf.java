package uk.attendance.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import uk.attendance.problem.Problem;

/**
 * CSRF tokens bound to the page session: derived from the session's secret, which only the server and the encrypted
 * cookie hold, so a token is good for that session alone and dies with it. The pages put it in every form; the API,
 * when called with the session cookie instead of HTTP Basic or an MIS token, wants it in {@value #HEADER} on
 * anything that changes data.
 */
public class SessionCsrf {

    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final CurrentIdentityAssociation identities;

    SessionCsrf(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    /** The token of a page session's identity; null for HTTP Basic, MIS tokens and nobody. */
    public static String tokenOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || identity.getAttribute(Identities.SESSION) == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("csrf\0" + identity.getPrincipal().getName()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }

    public static boolean matches(String expected, String sent) {
        return expected != null && sent != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    @ServerRequestFilter
    public Uni<Response> apiWithSessionCookie(ResteasyReactiveContainerRequestContext context) {
        if (SAFE.contains(context.getMethod()) || !context.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        String sent = context.getHeaderString(HEADER);
        return identities.getDeferredIdentity()
                .map(identity -> {
                    String expected = tokenOf(identity);
                    if (expected == null || matches(expected, sent)) {
                        return null;
                    }
                    return SecurityProblems.respond(Problem.of(403, "Forbidden", "Signed in with the pages' cookie, a request that "
                            + "changes data needs the page's CSRF token in the " + HEADER + " header; scripts and MIS systems "
                            + "use HTTP Basic or a bearer token instead."));
                })
                .onFailure().recoverWithNull();
    }
}
