package uk.attendance.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.attendance.security.Role;

@Path("/api/schools/{schoolId}/letters.pdf")
@Tag(name = "Recommended actions")
public class LetterPdfResource {

    static final String PDF = "application/pdf";

    private final LetterPdf letters;
    private final Clock clock;

    LetterPdfResource(LetterPdf letters, Clock clock) {
        this.letters = letters;
        this.clock = clock;
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.LEAD_NAME})
    @GET
    @Produces(PDF)
    @Operation(summary = "The letter actions' letters as one PDF to print, one letter per page or more, e.g. actions=12,13,14")
    public Response pdf(@PathParam("schoolId") String schoolId, @QueryParam("actions") List<String> actions) {
        return pdfResponse(letters.pdfOf(schoolId, actions), "letters-" + schoolId + "-" + LocalDate.now(clock) + ".pdf");
    }

    static Response pdfResponse(byte[] pdf, String fileName) {
        return Response.ok(pdf, PDF).header("Content-Disposition", "inline; filename=\"" + fileName + "\"").build();
    }
}
