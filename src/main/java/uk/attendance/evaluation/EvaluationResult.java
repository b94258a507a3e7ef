package uk.attendance.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import uk.attendance.action.ActionView;
import uk.attendance.rules.RuleErrorView;

/**
 * What an evaluation did, with the actions it raised and where its time went; {@code errors} lists the pupils a rule
 * failed for (each named with the rule and what went wrong), who were left unevaluated while the others were not.
 */
public record EvaluationResult(LocalDate asOf, int pupilsEvaluated, int actionsRaised, List<ActionView> actions,
        EvaluationTimings timings, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RuleErrorView> errors) {

    public EvaluationSummary summary() {
        return new EvaluationSummary(asOf, pupilsEvaluated, actionsRaised, null, timings, errors);
    }
}
