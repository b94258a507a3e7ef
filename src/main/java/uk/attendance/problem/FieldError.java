package uk.attendance.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason a request was refused. {@code index} is the 0-based row of a batch or CSV body
 * (header excluded); it is absent for a single object.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(Integer index, String field, String message) {

    public static FieldError of(String field, String message) {
        return new FieldError(null, field, message);
    }

    public static FieldError atRow(int index, String field, String message) {
        return new FieldError(index, field, message);
    }
}
