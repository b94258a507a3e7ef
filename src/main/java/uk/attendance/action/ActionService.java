package uk.attendance.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import uk.attendance.intervention.AgreedTarget;
import uk.attendance.intervention.Intervention;
import uk.attendance.intervention.InterventionKind;
import uk.attendance.intervention.InterventionService;
import uk.attendance.problem.DateInput;
import uk.attendance.problem.EnumInput;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.problem.TextInput;
import uk.attendance.pupil.Pupil;
import uk.attendance.pupil.PupilEvaluation;
import uk.attendance.security.Caller;
import uk.attendance.pupil.SchoolAccess;

/** The leads' review loop: list recommended actions, and record what was decided and done. */
@ApplicationScoped
public class ActionService {

    /** More than the largest queue a school has had; a bigger body is a mistake, not a morning's work. */
    static final int MAX_BULK_DECISIONS = 5000;

    private final SchoolAccess access;
    private final InterventionService interventions;
    private final Caller caller;
    private final Clock clock;

    ActionService(SchoolAccess access, InterventionService interventions, Caller caller, Clock clock) {
        this.access = access;
        this.interventions = interventions;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public List<ActionView> list(String schoolId, String status, String upn, String type) {
        access.require(schoolId);
        ActionStatus wanted = null;
        if (status != null && !status.isBlank()) {
            wanted = EnumInput.parse(ActionStatus.class, status)
                    .orElseThrow(() -> ProblemException.invalid(FieldError.of("status", EnumInput.notOneOf("status", status, ActionStatus.class))));
        }
        Long pupilId = null;
        if (upn != null && !upn.isBlank()) {
            pupilId = access.requirePupil(schoolId, upn).id;
        }
        String wantedType = type == null || type.isBlank() ? null : type.trim().toUpperCase(Locale.ROOT);
        return RecommendedAction.search(schoolId, wanted, pupilId, wantedType).stream().map(ActionView::of).toList();
    }

    @Transactional
    public ActionView get(String schoolId, Long actionId) {
        access.require(schoolId);
        return RecommendedAction.findInSchool(schoolId, actionId).map(ActionView::of)
                .orElseThrow(() -> ProblemException.notFound("No action " + actionId + " in school '" + schoolId + "'."));
    }

    @Transactional
    public ActionView decide(String schoolId, Long actionId, DecisionRequest request) {
        access.require(schoolId);
        RecommendedAction action = RecommendedAction.findInSchool(schoolId, actionId)
                .orElseThrow(() -> ProblemException.notFound("No action " + actionId + " in school '" + schoolId + "'."));
        if (request == null) {
            throw ProblemException.badRequest("The body must be a decision.");
        }
        ActionStatus decision = parseDecision(request.decision());
        LocalDate date = parseDate(request.date());
        checkText(request);
        refuseRepeat(action, decision);
        if (request.target() != null && decision == ActionStatus.DISMISSED) {
            throw ProblemException.invalid(FieldError.of("target", "a dismissed action agrees no target"));
        }
        AgreedTarget target = request.target() == null ? null : request.target().validate("target", date);
        return apply(action, decision, date, request, target);
    }

    /**
     * Decides many actions at once, all or nothing: every item is checked before any is decided, and an item that
     * cannot be decided refuses the whole batch with its index, nothing decided.
     */
    @Transactional
    public List<ActionView> decideAll(String schoolId, List<BulkDecision> batch) {
        access.require(schoolId);
        if (batch == null) {
            throw ProblemException.badRequest("The body must be a JSON array of decisions: [{id, decision, note?, date?}].");
        }
        if (batch.size() > MAX_BULK_DECISIONS) {
            throw ProblemException.badRequest("At most " + MAX_BULK_DECISIONS + " decisions at once, not " + batch.size() + ".");
        }
        Map<Long, RecommendedAction> actions = RecommendedAction.withDecisions(batch.stream()
                        .filter(d -> d != null && d.id() != null).map(BulkDecision::id).distinct().toList()).stream()
                .filter(a -> a.schoolId.equals(schoolId))
                .collect(Collectors.toMap(a -> a.id, a -> a));
        List<FieldError> errors = new ArrayList<>();
        Map<Long, Integer> firstIndex = new HashMap<>();
        List<Runnable> decisions = new ArrayList<>();
        List<ActionView> decided = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            BulkDecision item = batch.get(i);
            if (item == null) {
                errors.add(FieldError.atRow(i, "decision", "a decision is required, not null"));
                continue;
            }
            RecommendedAction action = item.id() == null ? null : actions.get(item.id());
            if (item.id() == null) {
                errors.add(FieldError.atRow(i, "id", "id is required"));
            } else if (action == null) {
                errors.add(FieldError.atRow(i, "id", "no action " + item.id() + " in school '" + schoolId + "'"));
            } else if (firstIndex.putIfAbsent(item.id(), i) != null) {
                errors.add(FieldError.atRow(i, "id", "action " + item.id() + " appears twice (also item " + firstIndex.get(item.id()) + ")"));
                continue;
            }
            int index = i;
            try {
                ActionStatus decision = parseDecision(item.decision());
                LocalDate date = parseDate(item.date());
                if (action != null) {
                    refuseRepeat(action, decision);
                    DecisionRequest request = new DecisionRequest(item.decision(), item.note(), item.date(), null, null, null, null);
                    checkText(request);
                    decisions.add(() -> decided.add(atIndex(index, () -> apply(action, decision, date, request, null))));
                }
            } catch (ProblemException e) {
                errors.add(asItemError(index, e));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Nothing was decided: " + errors.size() + " problem(s) in the batch.", errors);
        }
        decisions.forEach(Runnable::run);
        return decided;
    }

    private static <T> T atIndex(int index, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ProblemException e) {
            throw ProblemException.invalid("Nothing was decided: item " + index + " could not be decided.", List.of(asItemError(index, e)));
        }
    }

    private static FieldError asItemError(int index, ProblemException e) {
        var problem = e.toProblem();
        FieldError first = problem.errors() == null || problem.errors().isEmpty() ? null : problem.errors().get(0);
        return FieldError.atRow(index, first == null || first.field() == null ? "id" : first.field(),
                first == null ? problem.detail() : first.message());
    }

    /** The note, outcome and parent ids are free text with limits; a decision with one too long records nothing. */
    private static void checkText(DecisionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        TextInput.checkNote(errors, "note", request.note(), TextInput.NOTE_MAX);
        TextInput.checkLine(errors, null, "outcome", request.outcome(), 64);
        if (request.parentIds() != null) {
            for (int i = 0; i < request.parentIds().size(); i++) {
                TextInput.checkLine(errors, null, "parentIds[" + i + "]", request.parentIds().get(i), 64);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The decision was not recorded: "
                    + errors.stream().map(FieldError::message).collect(Collectors.joining("; ")), errors);
        }
    }

    /** Decisions are kept as made: a closed action, or one already in the decided status, is refused. */
    private static void refuseRepeat(RecommendedAction action, ActionStatus decision) {
        if (action.status.isClosed()) {
            ActionDecision closed = action.latestDecision().orElseThrow();
            throw ProblemException.conflict("Action " + action.id + " was already " + action.status + " on " + closed.date
                    + " by " + closed.decidedBy + "; decisions are kept as made and never edited.");
        }
        if (decision == action.status) {
            throw ProblemException.conflict("Action " + action.id + " is already " + action.status + ".");
        }
    }

    private ActionView apply(RecommendedAction action, ActionStatus decision, LocalDate date, DecisionRequest request, AgreedTarget target) {
        // A decision happens once: of two requests deciding the same action at once, the second waits for the
        // first's row lock, then finds the status no longer what it read, changes nothing and answers 409.
        if (RecommendedAction.moveStatus(action.id, action.status, decision) == 0) {
            throw ProblemException.conflict("Action " + action.id + " was decided by another request a moment ago; nothing was"
                    + " recorded. Reload it to see that decision.");
        }
        ActionDecision recorded = new ActionDecision();
        recorded.action = action;
        recorded.decision = decision;
        recorded.date = date;
        recorded.note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
        recorded.decidedBy = caller.name();
        recorded.decidedAt = Instant.now(clock);
        recorded.persist();
        action.decisions.add(recorded);
        action.status = decision;
        // Rules see an action's status as of each day: the days from the decision's date are judged again.
        PupilEvaluation.judgeAgainFrom(action.pupilId, date);
        boolean recordsTarget = InterventionKind.ATTENDANCE_TARGET.name().equals(action.recordsKind);
        if (decision == ActionStatus.COMPLETED && action.recordsKind != null) {
            recordIntervention(action, request, date, recordsTarget ? target : null);
        }
        if (target != null && !(decision == ActionStatus.COMPLETED && recordsTarget)) {
            recordTarget(action, request, date, target);
        }
        return ActionView.of(action);
    }

    /** A target agreed at a step that records something else (a meeting with targets): its own ATTENDANCE_TARGET, typed by the step. */
    private void recordTarget(RecommendedAction action, DecisionRequest request, LocalDate date, AgreedTarget target) {
        Intervention intervention = new Intervention();
        intervention.kind = InterventionKind.ATTENDANCE_TARGET;
        intervention.type = action.type;
        intervention.date = date;
        intervention.note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
        intervention.agree(target);
        interventions.save(Pupil.findById(action.pupilId), intervention, action.id);
    }

    /** Completing a letter, meeting, visit or notice records what was done, so the ladder moves on. */
    private void recordIntervention(RecommendedAction action, DecisionRequest request, LocalDate date, AgreedTarget target) {
        Pupil pupil = Pupil.findById(action.pupilId);
        InterventionKind kind = InterventionKind.valueOf(action.recordsKind);
        List<String> parents = new ArrayList<>();
        if (kind == InterventionKind.PENALTY_NOTICE) {
            parents.addAll(request.parentIds() != null && !request.parentIds().isEmpty() ? request.parentIds() : action.parentIdList());
            for (String parent : parents) {
                if (pupil.parent(parent).isEmpty()) {
                    throw ProblemException.invalid(FieldError.of("parentIds", "'" + parent + "' is not a parent of this pupil"));
                }
            }
            if (parents.isEmpty()) {
                throw ProblemException.invalid(FieldError.of("parentIds", "name the parents the penalty notices were issued to"));
            }
        } else {
            parents.add(null);
        }
        for (String parent : parents) {
            Intervention intervention = new Intervention();
            intervention.kind = kind;
            intervention.type = action.recordsType;
            intervention.date = date;
            intervention.parentId = parent;
            intervention.parentAttended = request.parentAttended();
            intervention.outcome = request.outcome() == null || request.outcome().isBlank() ? null : request.outcome().trim().toUpperCase(Locale.ROOT);
            intervention.note = request.note();
            if (target != null) {
                intervention.agree(target);
            }
            interventions.save(pupil, intervention, action.id);
        }
    }

    private static ActionStatus parseDecision(String decision) {
        return EnumInput.parse(ActionStatus.DECISIONS, decision).orElseThrow(() -> ProblemException.invalid(
                FieldError.of("decision", EnumInput.notOneOf("decision", decision, ActionStatus.DECISIONS))));
    }

    /** The day the decision took effect: today unless the lead says otherwise. */
    private LocalDate parseDate(String date) {
        LocalDate today = LocalDate.now(clock);
        if (date == null || date.isBlank()) {
            return today;
        }
        DateInput parsed = DateInput.parse("date", date, today);
        if (!parsed.valid()) {
            throw ProblemException.invalid(FieldError.of("date", parsed.problem()));
        }
        return parsed.date();
    }
}
