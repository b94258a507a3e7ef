package uk.attendance.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.attendance.config.PolicyDirectory;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.security.Caller;

@ApplicationScoped
public class SchoolService {

    private final PolicyDirectory policies;
    private final Caller caller;
    private final Clock clock;

    SchoolService(PolicyDirectory policies, Caller caller, Clock clock) {
        this.policies = policies;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public SchoolView put(String schoolId, SchoolRequest request) {
        List<FieldError> errors = new ArrayList<>();
        School.idProblem(schoolId).ifPresent(problem -> errors.add(FieldError.of("schoolId", problem)));
        if (request == null || request.name() == null || request.name().isBlank()) {
            errors.add(FieldError.of("name", "name is required"));
        }
        if (request == null || request.policy() == null || request.policy().isBlank()) {
            errors.add(FieldError.of("policy", "policy is required"));
        } else if (!policies.exists(request.policy())) {
            errors.add(FieldError.of("policy", "no policy '" + request.policy() + "'; known policies: " + policies.ids()));
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
        school.persist();
        return SchoolView.of(school);
    }

    @Transactional
    public SchoolView get(String schoolId) {
        return SchoolView.of(School.require(schoolId));
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
