package uk.attendance.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

    @PUT
    @Path("/{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_NAME, Role.AUTHOR_NAME, Role.LEAD_NAME})
    @Operation(summary = "Sets a password: an admin for anyone, a person for themselves; the user's page sessions end")
    public UserView changePassword(@PathParam("username") String username, PasswordChange request) {
        return users.changePassword(username, request);
    }

    @POST
    @Path("/{username}/disable")
    @Operation(summary = "Stops a user at once: their page sessions end and HTTP Basic refuses them")
    public UserView disable(@PathParam("username") String username) {
        return users.disable(username);
    }

    @POST
    @Path("/{username}/enable")
    @Operation(summary = "Lets a disabled user sign in again")
    public UserView enable(@PathParam("username") String username) {
        return users.enable(username);
    }
}
