package uk.attendance.evaluation;

import java.time.LocalDate;
import java.util.Optional;
import uk.attendance.action.ActionStatus;
import uk.attendance.action.RecommendedAction;

/**
 * An action as history for the days after its condition was met: a stored one, with its decisions, or
 * one raised earlier in the same evaluation, still open.
 */
public record RaisedAction(String type, String period, LocalDate metOn, RecommendedAction stored) {

    static RaisedAction of(RecommendedAction action) {
        return new RaisedAction(action.type, action.period,
                action.conditionMetOn == null ? action.raisedOn : action.conditionMetOn, action);
    }

    /** The date of the decision that dismissed the action, when it stands dismissed at the end of {@code day}. */
    Optional<LocalDate> dismissedOn(LocalDate day) {
        if (stored == null || statusOn(day) != ActionStatus.DISMISSED) {
            return Optional.empty();
        }
        return stored.decisions.stream().map(d -> d.date).filter(d -> !d.isAfter(day)).max(LocalDate::compareTo);
    }

    /** The action's status at the end of {@code day}: its latest decision dated on or before it. */
    ActionStatus statusOn(LocalDate day) {
        return stored == null ? ActionStatus.OPEN : FactAssembler.statusOn(stored, day);
    }
}
