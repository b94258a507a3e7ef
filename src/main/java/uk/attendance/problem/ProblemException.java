package uk.attendance.problem;

import java.util.List;

/** Refuses a request with a problem document; thrown by services, rendered by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    /** A batch with more bad rows than this lists the first ones and says how many there were. */
    public static final int MAX_LISTED_ERRORS = 1000;

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final int errorCount;

    private ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errorCount = errors.size();
        this.errors = errors.size() > MAX_LISTED_ERRORS ? List.copyOf(errors.subList(0, MAX_LISTED_ERRORS)) : List.copyOf(errors);
    }

    public static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(400, "Invalid request", detail, errors);
    }

    public static ProblemException invalid(FieldError error) {
        return invalid(error.message(), List.of(error));
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "Content too large", detail, List.of());
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "Service unavailable", detail, List.of());
    }

    public int status() {
        return status;
    }

    /** The reasons listed, each naming its field (at most {@link #MAX_LISTED_ERRORS}). */
    public List<FieldError> errors() {
        return errors;
    }

    public Problem toProblem() {
        String detail = getMessage();
        if (errorCount > errors.size()) {
            detail = detail + " (the first " + errors.size() + " of " + errorCount + " errors are listed)";
        }
        return new Problem("about:blank", title, status, detail, errors.isEmpty() ? null : errors,
                errors.isEmpty() ? null : errorCount);
    }
}
