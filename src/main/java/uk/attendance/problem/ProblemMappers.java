package uk.attendance.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders every error as {@code application/problem+json}. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int MARIADB_DEADLOCK = 1213;
    private static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;
    private static final int MARIADB_LOCK_NOWAIT = 3572;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    // Quarkus REST has its own mappers for these subtypes, which answer with an empty body.
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        // Jackson wraps what the body stream threw, such as BodyLimit's refusal.
        if (e.getCause() instanceof ProblemException refused) {
            return problem(refused);
        }
        String detail = "The request body is not valid JSON for this endpoint: " + e.getOriginalMessage();
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            detail += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return respond(new Problem("about:blank", "Bad request", 400, detail, null, null));
        }
        // A path starting at an array element names the bad row of a batch by its index.
        List<JsonMappingException.Reference> path = mapping.getPath();
        Integer index = path.get(0).getFieldName() == null ? path.get(0).getIndex() : null;
        String field = pathOf(index == null ? path : path.subList(1, path.size()));
        FieldError error = new FieldError(index, field.isEmpty() ? null : field, e.getOriginalMessage());
        return respond(new Problem("about:blank", "Bad request", 400, detail, List.of(error), 1));
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, HttpHeaders headers) {
        String sent = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String problem = (sent == null ? "The request has no Content-Type" : "Content-Type '" + sent + "' is not accepted here")
                + ": bodies are application/json; the nightly post also takes text/csv, and policy validation text/plain.";
        return respond(new Problem("about:blank", "Unsupported media type", 415, problem,
                List.of(FieldError.of("Content-Type", problem)), 1));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        return respond(Problem.of(status, title, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Response contention = contention(e);
        if (contention != null) {
            return contention;
        }
        LOG.error("Unexpected error", e);
        return respond(Problem.of(500, "Internal server error", "The service could not complete the request."));
    }

    /**
     * Two requests changing the same rows at once: the database rolled one back (a deadlock) or it
     * waited too long for a lock. Nothing of it was stored, and the caller can say so and try again.
     */
    private static Response contention(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                if (sql.getErrorCode() == MARIADB_DEADLOCK || "40001".equals(sql.getSQLState())) {
                    LOG.warn("A transaction was rolled back by a deadlock with another request");
                    return respond(Problem.of(409, "Conflict", "Another request changed the same records at the same moment, "
                            + "so nothing of this one was stored. Reload and try again."));
                }
                if (sql.getErrorCode() == MARIADB_LOCK_WAIT_TIMEOUT || sql.getErrorCode() == MARIADB_LOCK_NOWAIT) {
                    LOG.warn("A transaction gave up waiting for a lock held by another request");
                    return Response.fromResponse(respond(Problem.of(503, "Service unavailable", "The records are busy with another "
                            + "request (such as a nightly post), so nothing of this one was stored. Try again shortly.")))
                            .header(HttpHeaders.RETRY_AFTER, "5").build();
                }
            }
        }
        return null;
    }

    private static String pathOf(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    static Response respond(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 413) {
            // The rest of the refused body is still on its way; closing spares reading it to keep the connection.
            response.header("Connection", "close");
        }
        return response.build();
    }
}
