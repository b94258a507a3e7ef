package uk.attendance.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import uk.attendance.problem.Problem;

/** The page that shows a problem to a person (see {@link PageProblems}). */
final class ErrorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Problem problem);
    }

    private ErrorPage() {
    }
}
