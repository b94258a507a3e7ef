package uk.attendance.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import uk.attendance.action.MatchedValue;
import uk.attendance.action.RecommendedAction;
import uk.attendance.policy.LoadedPolicy;
import uk.attendance.policy.PolicyFolder;
import uk.attendance.policy.PolicyRegistry;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.rules.CompileError;
import uk.attendance.rules.PolicyCompiler;
import uk.attendance.rules.RuleErrorView;
import uk.attendance.rules.RuleSource;

/**
 * Tries a candidate version of a policy on a school's live data: the candidate and the version in use each judge every
 * school day of the year up to a date through the day stream ({@link EvaluationService#judgeSchoolWithoutStoring}),
 * nothing is stored, and the answer is what the candidate would raise that the version in use does not, what it would
 * no longer raise, and what it would raise differently (another first day, reason, title, stage, clause or parents).
 */
@ApplicationScoped
public class PolicyDryRun {

    private static final Comparator<TrialAction> ORDER = Comparator.comparing(TrialAction::upn).thenComparing(TrialAction::type)
            .thenComparing(TrialAction::period);

    private final PolicyRegistry registry;
    private final EvaluationService evaluation;
    private final Clock clock;

    PolicyDryRun(PolicyRegistry registry, EvaluationService evaluation, Clock clock) {
        this.registry = registry;
        this.evaluation = evaluation;
        this.clock = clock;
    }

    /** An action a policy would raise in a trial that stores nothing, with the values its rule read on its first day. */
    public record TrialAction(String upn, String type, String title, String stage, String period, LocalDate conditionMetOn, String rule,
            String reason, String clause, List<String> parentIds, String recordsKind, String recordsType,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MatchedValue> because) {

        /** The action as an evaluation would store it (EvaluationService.raised), for a trial that stores nothing. */
        static TrialAction of(String upn, DayStream.Held held) {
            RecommendedAction a = EvaluationService.raised(0, held, held.on());
            return new TrialAction(upn, a.type, a.title, a.stage, a.period, a.conditionMetOn, a.rule, a.reason, a.clause,
                    a.parentIds == null ? null : List.copyOf(a.parentIds), a.recordsKind, a.recordsType, a.becauseList());
        }

        /** One action per pupil, type and period, as the evaluation stores them. */
        String key() {
            return upn + "|" + type + "|" + period;
        }

        boolean sameAs(TrialAction other) {
            return Objects.equals(conditionMetOn, other.conditionMetOn) && Objects.equals(title, other.title)
                    && Objects.equals(stage, other.stage) && Objects.equals(reason, other.reason) && Objects.equals(clause, other.clause)
                    && Objects.equals(rule, other.rule) && Objects.equals(parentIds, other.parentIds)
                    && Objects.equals(recordsKind, other.recordsKind) && Objects.equals(recordsType, other.recordsType);
        }
    }

    /** The answer of a dry run; {@code errors}, the pupils a rule of the candidate failed for. */
    public record Result(String policy, String version, String activeVersion, String school, LocalDate asOf, List<TrialAction> added,
            List<TrialAction> removed, List<Change> changed, int unchanged, List<RuleErrorView> errors) {
    }

    public record Change(TrialAction before, TrialAction after) {
    }

    /** A candidate that does not compile: nothing was judged. */
    public record Rejected(List<CompileError> errors) {
    }

    /** Either a {@link Result} or, when the candidate does not compile, a {@link Rejected}. */
    public Object run(String policyId, String schoolId, LocalDate asOf, List<RuleSource> changed) {
        if (asOf.isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalid(FieldError.of("asOf", "asOf " + asOf + " is in the future"));
        }
        PolicyFolder candidate = registry.candidate(policyId, changed);
        LoadedPolicy active = registry.find(policyId).filter(LoadedPolicy::usable).orElse(null);
        PolicyCompiler.Compilation compilation = registry.trial(candidate);
        if (!compilation.succeeded()) {
            return new Rejected(compilation.errors());
        }
        try {
            EvaluationService.Judged after = evaluation.judgeSchoolWithoutStoring(schoolId, compilation.kieBase(), candidate.parameters(),
                    asOf);
            EvaluationService.Judged before = active == null ? null
                    : evaluation.judgeSchoolWithoutStoring(schoolId, active.kieBase(), active.parameters(), asOf);
            List<RuleErrorView> errors = after.failures().entrySet().stream()
                    .map(e -> new RuleErrorView(after.upns().get(e.getKey()), e.getValue().rule(), e.getValue().message()))
                    .sorted(Comparator.comparing(RuleErrorView::upn)).toList();
            return compare(policyId, candidate.version(), active == null ? null : active.version(), schoolId, asOf,
                    before == null ? List.of() : actions(before), actions(after), errors);
        } finally {
            registry.discard(compilation);
        }
    }

    private static List<TrialAction> actions(EvaluationService.Judged judged) {
        List<TrialAction> actions = new ArrayList<>();
        judged.held().forEach((pupilId, held) -> held.values().forEach(h -> actions.add(TrialAction.of(judged.upns().get(pupilId), h))));
        return actions;
    }

    static Result compare(String policyId, String version, String activeVersion, String schoolId, LocalDate asOf, List<TrialAction> before,
            List<TrialAction> after, List<RuleErrorView> errors) {
        Map<String, TrialAction> was = new HashMap<>();
        before.forEach(a -> was.put(a.key(), a));
        Map<String, TrialAction> will = new HashMap<>();
        after.forEach(a -> will.put(a.key(), a));
        List<TrialAction> added = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        int unchanged = 0;
        for (TrialAction action : will.values()) {
            TrialAction old = was.get(action.key());
            if (old == null) {
                added.add(action);
            } else if (!old.sameAs(action)) {
                changes.add(new Change(old, action));
            } else {
                unchanged++;
            }
        }
        List<TrialAction> removed = was.values().stream().filter(a -> !will.containsKey(a.key())).sorted(ORDER).toList();
        added.sort(ORDER);
        changes.sort(Comparator.comparing(Change::after, ORDER));
        return new Result(policyId, version, activeVersion, schoolId, asOf, added, removed, changes, unchanged, errors);
    }
}
