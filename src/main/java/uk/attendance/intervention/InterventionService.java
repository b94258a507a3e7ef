package uk.attendance.intervention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import uk.attendance.problem.DateInput;
import uk.attendance.problem.EnumInput;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.problem.TextInput;
import uk.attendance.pupil.Pupil;
import uk.attendance.pupil.PupilEvaluation;
import uk.attendance.security.Caller;
import uk.attendance.pupil.SchoolAccess;

@ApplicationScoped
public class InterventionService {

    private final SchoolAccess access;
    private final Caller caller;
    private final Clock clock;

    InterventionService(SchoolAccess access, Caller caller, Clock clock) {
        this.access = access;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public InterventionView record(String schoolId, InterventionRequest request) {
        access.require(schoolId);
        if (request == null) {
            throw ProblemException.badRequest("The body must be an intervention.");
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.upn() == null || request.upn().isBlank()) {
            errors.add(FieldError.of("upn", "upn is required"));
        }
        InterventionKind kind = null;
        if (request.kind() == null || request.kind().isBlank()) {
            errors.add(FieldError.of("kind", "kind is required: " + EnumInput.oneOf(Arrays.asList(InterventionKind.values()))));
        } else {
            kind = EnumInput.parse(InterventionKind.class, request.kind()).orElse(null);
            if (kind == null) {
                errors.add(FieldError.of("kind", EnumInput.notOneOf("kind", request.kind(), InterventionKind.class)));
            }
        }
        DateInput date = DateInput.parse("date", request.date(), LocalDate.now(clock));
        if (!date.valid()) {
            errors.add(FieldError.of("date", date.problem()));
        }
        if (kind == InterventionKind.LETTER && blank(request.type())) {
            errors.add(FieldError.of("type", "a LETTER needs the letter's type, e.g. AT1, STAGE_1, PATHWAY_1"));
        }
        if (kind == InterventionKind.PENALTY_NOTICE && blank(request.parentId())) {
            errors.add(FieldError.of("parentId", "a PENALTY_NOTICE is issued to a parent: parentId is required"));
        }
        TextInput.checkLine(errors, null, "type", request.type(), 64);
        TextInput.checkLine(errors, null, "parentId", request.parentId(), 64);
        TextInput.checkLine(errors, null, "outcome", request.outcome(), 64);
        TextInput.checkNote(errors, "note", request.note(), TextInput.NOTE_MAX);
        if (request.target() != null && kind != null && kind != InterventionKind.ATTENDANCE_TARGET) {
            errors.add(FieldError.of("target", "only an ATTENDANCE_TARGET carries a target, not a " + kind));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The intervention was not recorded.", errors);
        }
        AgreedTarget target = request.target() == null ? null : request.target().validate("target", date.date());
        Pupil pupil = access.requirePupil(schoolId, request.upn().trim());
        if (!blank(request.parentId()) && pupil.parent(request.parentId().trim()).isEmpty()) {
            throw ProblemException.invalid(FieldError.of("parentId", "'" + request.parentId().trim() + "' is not a parent of this pupil"));
        }
        Intervention intervention = new Intervention();
        intervention.kind = kind;
        intervention.type = blank(request.type()) ? null : request.type().trim().toUpperCase(Locale.ROOT);
        intervention.date = date.date();
        intervention.parentId = blank(request.parentId()) ? null : request.parentId().trim();
        intervention.parentAttended = request.parentAttended();
        intervention.outcome = blank(request.outcome()) ? null : request.outcome().trim().toUpperCase(Locale.ROOT);
        intervention.note = blank(request.note()) ? null : request.note().trim();
        if (target != null) {
            intervention.agree(target);
        }
        return InterventionView.of(save(pupil, intervention, null), pupil.upn);
    }

    /** Records what the school did; used directly when a lead completes a recommended action. */
    @Transactional
    public Intervention save(Pupil pupil, Intervention intervention, Long actionId) {
        intervention.schoolId = pupil.schoolId;
        intervention.pupilId = pupil.id;
        intervention.actionId = actionId;
        intervention.recordedAt = Instant.now(clock);
        intervention.recordedBy = caller.name();
        intervention.persist();
        PupilEvaluation.judgeAgainFrom(pupil.id, intervention.date);
        return intervention;
    }

    @Transactional
    public List<InterventionView> list(String schoolId, String upn) {
        Pupil pupil = access.requirePupil(schoolId, upn);
        return Intervention.forPupil(pupil.id).stream().map(i -> InterventionView.of(i, pupil.upn)).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
