package uk.attendance.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.attendance.security.Role;

/** {@code POST /api/policies/{id}/scenarios/run}: here rather than in {@code policy} because scenarios are judged as evaluations. */
@Path("/api/policies/{id}/scenarios/run")
@Tag(name = "Policies")
public class PolicyScenariosResource {

    private final PolicyScenarios scenarios;

    PolicyScenariosResource(PolicyScenarios scenarios) {
        this.scenarios = scenarios;
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.AUTHOR_NAME})
    @POST
    @Operation(summary = "Runs the policy's scenarios (policies/<id>/scenarios/) against its version in use, in memory: "
            + "each passed or failed with why, and the ladder's rules no scenario fired")
    public ScenarioRunner.Report run(@PathParam("id") String id) {
        return scenarios.run(id);
    }
}
