package uk.attendance.rules;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A rule that failed for one pupil during an evaluation: the pupil was not evaluated, the others were. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleErrorView(String upn, String rule, String message) {
}
