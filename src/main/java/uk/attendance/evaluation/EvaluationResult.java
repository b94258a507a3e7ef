package uk.attendance.evaluation;

import java.time.LocalDate;
import java.util.List;
import uk.attendance.action.ActionView;

/** What an evaluation did, with the actions it raised and where its time went. */
public record EvaluationResult(LocalDate asOf, int pupilsEvaluated, int actionsRaised, List<ActionView> actions,
        EvaluationTimings timings) {

    public EvaluationSummary summary() {
        return new EvaluationSummary(asOf, pupilsEvaluated, actionsRaised, null, timings);
    }
}
