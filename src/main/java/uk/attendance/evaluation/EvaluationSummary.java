package uk.attendance.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * What the evaluation after a post did and where its time went; {@code problem} says why it could not run,
 * the marks being stored regardless.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationSummary(LocalDate asOf, int pupilsEvaluated, int actionsRaised, String problem, EvaluationTimings timings) {
}
