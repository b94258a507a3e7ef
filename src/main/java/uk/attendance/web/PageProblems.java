package uk.attendance.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import uk.attendance.problem.Problem;

/**
 * A problem answered to a page request (unknown pupil, another school's page, a refused decision) becomes a
 * page a person can read; the API keeps answering problem+json.
 */
// Rendered here, not left to quarkus-rest-qute: response filters run in no fixed order relative to its own.
public class PageProblems {

    @WebPage
    @ServerResponseFilter
    public void asPage(ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem) {
            response.setEntity(ErrorPage.Templates.error(problem).render(), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }
}
