package uk.attendance.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import uk.attendance.problem.Problem;

/**
 * The one place school scope is decided: every resource with a {@code {schoolId}} path parameter
 * answers 401 to a caller without valid credentials and 403 to one not bound to that school, before
 * the resource runs. Whether the school exists (404) is only said to callers who may see it.
 */
public class SchoolScopeFilter {

    static final String SCHOOL_ID = "schoolId";

    private final CurrentIdentityAssociation identities;

    SchoolScopeFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> scope(UriInfo uri) {
        String schoolId = uri.getPathParameters().getFirst(SCHOOL_ID);
        if (schoolId == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .map(identity -> decide(identity, schoolId))
                .onFailure(AuthenticationFailedException.class).recoverWithItem(SecurityProblems::unauthorized);
    }

    private static Response decide(SecurityIdentity identity, String schoolId) {
        if (identity.isAnonymous()) {
            return SecurityProblems.unauthorized();
        }
        if (identity.hasRole(Role.ADMIN_NAME) || Caller.schoolsOf(identity).contains(schoolId)) {
            return null;
        }
        return SecurityProblems.respond(Problem.of(403, "Forbidden", "You are not bound to school '" + schoolId + "'."));
    }
}
