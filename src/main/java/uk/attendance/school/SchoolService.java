package uk.attendance.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.attendance.policy.PolicyDirectory;
import uk.attendance.problem.DateInput;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.problem.TextInput;
import uk.attendance.security.Caller;
import uk.attendance.security.SchoolAccess;

@ApplicationScoped
public class SchoolService {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final PolicyDirectory policies;
    private final SchoolAccess access;
    private final Caller caller;
    private final Clock clock;

    SchoolService(PolicyDirectory policies, SchoolAccess access, Caller caller, Clock clock) {
        this.policies = policies;
        this.access = access;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public SchoolView put(String schoolId, SchoolRequest request) {
        List<FieldError> errors = new ArrayList<>();
        School.idProblem(schoolId).ifPresent(problem -> errors.add(FieldError.of("schoolId", problem)));
        if (request == null || request.name() == null || request.name().isBlank()) {
            errors.add(FieldError.of("name", "name is required"));
        } else {
            TextInput.checkLine(errors, null, "name", request.name(), 200);
        }
        if (request == null || request.policy() == null || request.policy().isBlank()) {
            errors.add(FieldError.of("policy", "policy is required"));
        } else if (!policies.exists(request.policy())) {
            errors.add(FieldError.of("policy", "no policy '" + request.policy() + "'; known policies: " + policies.ids()));
        }
        LocalDate actionsFrom = null;
        if (request != null && request.actionsFrom() != null && !request.actionsFrom().isBlank()) {
            DateInput parsed = DateInput.parse("actionsFrom", request.actionsFrom(), LATEST);
            if (!parsed.valid()) {
                errors.add(FieldError.of("actionsFrom", parsed.problem()));
            } else if (parsed.date().isBefore(EARLIEST)) {
                errors.add(FieldError.of("actionsFrom", "actionsFrom " + parsed.date() + " is before " + EARLIEST));
            } else {
                actionsFrom = parsed.date();
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The school was not saved.", errors);
        }
        Instant now = Instant.now(clock);
        School school = School.findById(schoolId);
        if (school == null) {
            school = new School();
            school.id = schoolId;
            school.createdAt = now;
        }
        school.name = request.name().trim();
        school.policy = request.policy();
        school.updatedAt = now;
        LocalDate before = school.actionsFrom;
        school.actionsFrom = actionsFrom;
        school.persist();
        if (before != null && (actionsFrom == null || actionsFrom.isBefore(before))) {
            // Days that raised nothing before now can: judge them again.
            School.judgeAgainFrom(school.id, actionsFrom == null ? EARLIEST : actionsFrom);
        }
        return SchoolView.of(school);
    }

    @Transactional
    public SchoolView get(String schoolId) {
        return SchoolView.of(access.require(schoolId));
    }

    /** The schools the caller may see: every school for an admin. */
    @Transactional
    public List<SchoolView> list() {
        return School.<School>listAll().stream()
                .filter(school -> caller.maySee(school.id))
                .sorted((a, b) -> a.id.compareTo(b.id))
                .map(SchoolView::of)
                .toList();
    }
}
