package uk.attendance.action;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.attendance.intervention.InterventionKind;

/**
 * A recommended action as the contract shows it: {@code conditionMetOn} is the first school day on which its condition
 * held; {@code basisChanged} marks an accepted action whose condition, after amended marks, held on no day; {@code decidedBy}, {@code decidedAt} and {@code note} are null
 * until a lead decides; {@code parentIds} appears only on a penalty-notice action; {@code decisions} lists every
 * decision, oldest first; {@code recordsKind} and {@code recordsType} say what completing the action records as an
 * intervention (e.g. LETTER / AT1), null when it records nothing; {@code because} lists the values the rule read, as
 * they stood on {@code conditionMetOn} (absent for actions raised before they were kept).
 */
public record ActionView(Long id, String schoolId, String upn, String type, String title, String stage, String policy,
        String policyVersion, String rule, String reason, String clause, String period, LocalDate raisedOn, LocalDate conditionMetOn, boolean basisChanged, ActionStatus status,
        String decidedBy, Instant decidedAt, String note, @JsonInclude(JsonInclude.Include.NON_NULL) List<String> parentIds,
        List<Decision> decisions, String recordsKind, String recordsType,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MatchedValue> because) {

    public record Decision(ActionStatus decision, LocalDate date, String note, String decidedBy, Instant decidedAt) {
    }

    public static ActionView of(RecommendedAction a) {
        ActionDecision latest = a.latestDecision().orElse(null);
        List<String> parents = a.parentIdList();
        return new ActionView(a.id, a.schoolId, a.upn, a.type, a.title, a.stage, a.policy, a.policyVersion, a.rule, a.reason,
                a.clause, a.period, a.raisedOn, a.conditionMetOn, a.basisChanged, a.status,
                latest == null ? null : latest.decidedBy, latest == null ? null : latest.decidedAt, latest == null ? null : latest.note,
                parents.isEmpty() ? null : parents,
                a.decisions.stream().map(d -> new Decision(d.decision, d.date, d.note, d.decidedBy, d.decidedAt)).toList(),
                a.recordsKind, a.recordsType, a.becauseList());
    }

    /** Completing this action records an intervention of {@code kind}. */
    public boolean records(InterventionKind kind) {
        return kind.name().equals(recordsKind);
    }
}
