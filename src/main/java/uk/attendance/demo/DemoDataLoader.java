package uk.attendance.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import uk.attendance.attendance.AttendanceService;
import uk.attendance.config.AttendanceConfig;
import uk.attendance.config.PolicyDirectory;
import uk.attendance.problem.ProblemException;
import uk.attendance.pupil.PupilRequest;
import uk.attendance.pupil.PupilService;
import uk.attendance.evaluation.EvaluationService;
import uk.attendance.school.School;
import uk.attendance.school.SchoolRequest;
import uk.attendance.school.SchoolService;

/**
 * With {@code ATTENDANCE_DEMO=true} on an empty database, creates one demo school per policy with a
 * half term of marks, through the same services an MIS uses, so a newcomer sees real figures at once.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    private static final long SEED = 20240819L;
    private static final Map<String, SchoolPhase> SECONDARY_POLICIES = Map.of("coopers", SchoolPhase.SECONDARY);
    private static final int PRIMARY_PUPILS = 260;
    private static final int SECONDARY_PUPILS = 1000;

    private final AttendanceConfig config;
    private final PolicyDirectory policies;
    private final SchoolService schools;
    private final PupilService pupils;
    private final AttendanceService attendance;
    private final EvaluationService evaluation;
    private final Clock clock;

    DemoDataLoader(AttendanceConfig config, PolicyDirectory policies, SchoolService schools, PupilService pupils,
            AttendanceService attendance, EvaluationService evaluation, Clock clock) {
        this.config = config;
        this.policies = policies;
        this.schools = schools;
        this.pupils = pupils;
        this.attendance = attendance;
        this.evaluation = evaluation;
        this.clock = clock;
    }

    @ActivateRequestContext
    void onStart(@Observes StartupEvent start) {
        if (!config.demo()) {
            return;
        }
        if (QuarkusTransaction.requiringNew().call(() -> School.count()) > 0) {
            LOG.info("Demo data not created: the database already has schools");
            return;
        }
        createDemoSchools();
    }

    /** One demo school per policy folder, named {@code demo-<policy>}; returns the ids of those created. */
    @ActivateRequestContext
    public List<String> createDemoSchools() {
        List<String> created = new ArrayList<>();
        for (String policy : policies.ids()) {
            createDemoSchool(policy).ifPresent(created::add);
        }
        return created;
    }

    /** The demo school of one policy, {@code demo-<policy>}: its id, or empty when it could not be completed. */
    @ActivateRequestContext
    public Optional<String> createDemoSchool(String policy) {
        List<LocalDate> days = DemoSchoolGenerator.firstHalfTermSchoolDays(LocalDate.now(clock));
        SchoolPhase phase = SECONDARY_POLICIES.getOrDefault(policy, SchoolPhase.PRIMARY);
        String schoolId = "demo-" + policy;
        DemoSchool school = new DemoSchoolGenerator(SEED).school(schoolId, "Demo school (" + policy + ")", policy, phase,
                phase == SchoolPhase.SECONDARY ? SECONDARY_PUPILS : PRIMARY_PUPILS, days);
        try {
            load(school);
            return Optional.of(schoolId);
        } catch (ProblemException e) {
            LOG.warnf("Demo school %s not completed: %s", schoolId, e.toProblem().detail());
            return Optional.empty();
        }
    }

    private void load(DemoSchool school) {
        schools.put(school.schoolId(), new SchoolRequest(school.name(), school.policy()));
        pupils.upsert(school.schoolId(), school.pupils().stream().map(DemoDataLoader::request).toList());
        StringBuilder csv = new StringBuilder("upn,date,session,code\n");
        school.marks().forEach(m -> csv.append(m.upn()).append(',').append(m.date()).append(',').append(m.session())
                .append(',').append(m.code().mark()).append('\n'));
        AttendanceService.StoredBatch stored = attendance.postCsv(school.schoolId(),
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "Demo data", false);
        var evaluated = evaluation.evaluateSchool(school.schoolId(), LocalDate.now(clock));
        LOG.infof("Demo school %s: %d pupils, %d marks, %d actions recommended", school.schoolId(), school.pupils().size(),
                stored.inserted(), evaluated.actionsRaised());
    }

    private static PupilRequest request(DemoPupil pupil) {
        return new PupilRequest(pupil.upn(), pupil.givenName(), pupil.familyName(), pupil.dateOfBirth().toString(),
                pupil.yearGroup(), pupil.characteristics(),
                pupil.parents().stream().map(p -> new PupilRequest.ParentRequest(p.parentId(), p.name())).toList(),
                pupil.registrationGroup());
    }
}
