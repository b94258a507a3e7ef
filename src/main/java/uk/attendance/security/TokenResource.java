package uk.attendance.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/schools/{schoolId}/tokens")
@Tag(name = "Users and tokens")
@RolesAllowed(Role.ADMIN_NAME)
public class TokenResource {

    private final TokenService tokens;

    TokenResource(TokenService tokens) {
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates an MIS bearer token for this school; the token is shown only in this answer")
    public Response create(@PathParam("schoolId") String schoolId, TokenRequest request) {
        return Response.status(Response.Status.CREATED).entity(tokens.create(schoolId, request)).build();
    }

    @GET
    @Operation(summary = "The school's tokens, without their secrets")
    public List<TokenView> list(@PathParam("schoolId") String schoolId) {
        return tokens.list(schoolId);
    }

    @DELETE
    @Path("/{tokenId}")
    @Operation(summary = "Revokes a token: it stops working at once and stays listed as revoked")
    public TokenView revoke(@PathParam("schoolId") String schoolId, @PathParam("tokenId") Long tokenId) {
        return tokens.revoke(schoolId, tokenId);
    }
}
