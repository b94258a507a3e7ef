package uk.attendance.rules;

import java.time.LocalDate;
import java.util.List;
import uk.attendance.action.ActionView;

/** What an evaluation did, with the actions it raised. */
public record EvaluationResult(LocalDate asOf, int pupilsEvaluated, int actionsRaised, List<ActionView> actions) {

    public EvaluationSummary summary() {
        return new EvaluationSummary(asOf, pupilsEvaluated, actionsRaised, null);
    }
}
