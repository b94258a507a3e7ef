package uk.attendance.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/users")
@Tag(name = "Users and tokens")
@RolesAllowed(Role.ADMIN_NAME)
public class UserResource {

    private final UserService users;

    UserResource(UserService users) {
        this.users = users;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a person who signs in with HTTP Basic: admin, author, or lead bound to schools")
    public Response create(UserRequest request) {
        return Response.status(Response.Status.CREATED).entity(users.create(request)).build();
    }

    @GET
    @Operation(summary = "Every user, without passwords")
    public List<UserView> list() {
        return users.list();
    }
}
