package uk.attendance.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import uk.attendance.rules.RuleErrorView;

/**
 * What the evaluation after a post did and where its time went; {@code problem} says why it could not run,
 * the marks being stored regardless; {@code errors}, the pupils a rule failed for (the others were evaluated).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationSummary(LocalDate asOf, int pupilsEvaluated, int actionsRaised, String problem, EvaluationTimings timings,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RuleErrorView> errors) {
}
