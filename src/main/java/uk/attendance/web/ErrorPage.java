package uk.attendance.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uk.attendance.problem.Problem;
import uk.attendance.problem.ProblemException;

/** A problem (unknown school or pupil, a refused decision) as a page a person can read, not problem+json. */
final class ErrorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Problem problem);
    }

    private ErrorPage() {
    }

    static Response of(ProblemException e) {
        Problem problem = e.toProblem();
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(problem)).build();
    }
}
