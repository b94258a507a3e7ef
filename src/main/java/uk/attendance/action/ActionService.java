package uk.attendance.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import uk.attendance.intervention.Intervention;
import uk.attendance.intervention.InterventionKind;
import uk.attendance.intervention.InterventionService;
import uk.attendance.problem.DateInput;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.problem.TextInput;
import uk.attendance.pupil.Pupil;
import uk.attendance.pupil.PupilEvaluation;
import uk.attendance.security.Caller;
import uk.attendance.security.SchoolAccess;

/** The leads' review loop: list recommended actions, and record what was decided and done. */
@ApplicationScoped
public class ActionService {

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
            try {
                wanted = ActionStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(FieldError.of("status", "status must be OPEN, ACCEPTED, DISMISSED, COMPLETED or WITHDRAWN, not '" + status + "'"));
            }
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
        if (action.status.isClosed()) {
            ActionDecision closed = action.latestDecision().orElseThrow();
            throw ProblemException.conflict("Action " + actionId + " was already " + action.status + " on " + closed.date
                    + " by " + closed.decidedBy + "; decisions are kept as made and never edited.");
        }
        if (decision == action.status) {
            throw ProblemException.conflict("Action " + actionId + " is already " + action.status + ".");
        }
        // A decision happens once: of two requests deciding the same action at once, the second waits for the
        // first's row lock, then finds the status no longer what it read, changes nothing and answers 409.
        if (RecommendedAction.moveStatus(action.id, action.status, decision) == 0) {
            throw ProblemException.conflict("Action " + actionId + " was decided by another request a moment ago; nothing was"
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
        if (decision == ActionStatus.COMPLETED && action.recordsKind != null) {
            recordIntervention(action, request, date);
        }
        return ActionView.of(action);
    }

    /** Completing a letter, meeting, visit or notice records what was done, so the ladder moves on. */
    private void recordIntervention(RecommendedAction action, DecisionRequest request, LocalDate date) {
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
            interventions.save(pupil, intervention, action.id);
        }
    }

    private static ActionStatus parseDecision(String decision) {
        if (decision != null) {
            try {
                ActionStatus status = ActionStatus.valueOf(decision.trim().toUpperCase(Locale.ROOT));
                if (status != ActionStatus.OPEN && status != ActionStatus.WITHDRAWN) {
                    return status;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw ProblemException.invalid(FieldError.of("decision", "decision must be ACCEPTED, DISMISSED or COMPLETED, not '" + decision + "'"));
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
