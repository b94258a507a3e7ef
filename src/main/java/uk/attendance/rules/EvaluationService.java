package uk.attendance.rules;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import uk.attendance.action.ActionStatus;
import uk.attendance.action.ActionView;
import uk.attendance.action.RecommendedAction;
import uk.attendance.attendance.AttendanceMeasures;
import uk.attendance.attendance.AttendanceSummary;
import uk.attendance.attendance.MarkedSession;
import uk.attendance.attendance.SchoolCalendar;
import uk.attendance.attendance.SessionMark;
import uk.attendance.intervention.Intervention;
import uk.attendance.policy.LoadedPolicy;
import uk.attendance.policy.PolicyRegistry;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.pupil.LatestStanding;
import uk.attendance.pupil.Pupil;
import uk.attendance.rules.PhaseTimer.Phase;
import uk.attendance.rules.fact.PupilFacts;
import uk.attendance.rules.fact.Recommendation;
import uk.attendance.school.School;
import uk.attendance.security.SchoolAccess;

/**
 * Runs a school's policy over its pupils: facts in, recommendations out, each new one stored once
 * per pupil, type and period. Pupils are evaluated in batches, one Drools session per batch.
 */
@ApplicationScoped
public class EvaluationService {

    private static final Logger LOG = Logger.getLogger(EvaluationService.class);
    /** Large enough to amortise a session, small enough that a batch's marks stay modest in memory. */
    static final int PUPILS_PER_SESSION = 200;
    /** A nightly post of a year of marks holds the school for minutes; an evaluation waits its turn. */
    private static final int LOCK_WAIT_SECONDS = 900;

    private final SchoolAccess access;
    private final PolicyRegistry policies;
    private final Clock clock;

    EvaluationService(SchoolAccess access, PolicyRegistry policies, Clock clock) {
        this.access = access;
        this.policies = policies;
        this.clock = clock;
    }

    /** Evaluates every pupil of the school as of {@code asOf}. */
    public EvaluationResult evaluateSchool(String schoolId, LocalDate asOf) {
        return evaluateSchool(schoolId, asOf, false);
    }

    /**
     * With {@code measuresOnly}, loads the facts and computes the measures of every pupil but fires no rule
     * and stores nothing: the same path without the rules, so that their own cost can be measured.
     */
    public EvaluationResult evaluateSchool(String schoolId, LocalDate asOf, boolean measuresOnly) {
        if (asOf.isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalid(FieldError.of("asOf", "asOf " + asOf + " is in the future"));
        }
        PhaseTimer timer = new PhaseTimer();
        Roll roll = QuarkusTransaction.requiringNew().call(() -> roll(schoolId, asOf));
        timer.lap(Phase.LOAD_FACTS);
        return evaluate(roll, asOf, measuresOnly, timer);
    }

    /**
     * Evaluates the pupils a nightly post touched. The marks are already stored, so a policy that cannot
     * run is reported in the summary rather than failing the post.
     */
    public EvaluationSummary evaluatePupils(String schoolId, List<Long> pupilIds, LocalDate asOf) {
        try {
            PhaseTimer timer = new PhaseTimer();
            Roll roll = QuarkusTransaction.requiringNew().call(() ->
                    new Roll(access.require(schoolId), pupilIds, calendar(schoolId, asOf)));
            timer.lap(Phase.LOAD_FACTS);
            return evaluate(roll, asOf, false, timer).summary();
        } catch (ProblemException e) {
            LOG.warnf("School %s: evaluation after the post did not run: %s", schoolId, e.getMessage());
            return new EvaluationSummary(asOf, 0, 0, e.getMessage(), null);
        }
    }

    private EvaluationResult evaluate(Roll roll, LocalDate asOf, boolean measuresOnly, PhaseTimer timer) {
        School school = roll.school();
        List<Long> pupilIds = roll.pupilIds();
        SchoolCalendar calendar = roll.calendar();
        LoadedPolicy policy = policies.require(school.policy);
        List<ActionView> raised = new ArrayList<>();
        for (int from = 0; from < pupilIds.size(); from += PUPILS_PER_SESSION) {
            List<Long> batch = pupilIds.subList(from, Math.min(pupilIds.size(), from + PUPILS_PER_SESSION));
            raised.addAll(evaluateBatchInTurn(school, policy, calendar, batch, asOf, measuresOnly, timer));
        }
        EvaluationTimings timings = timer.timings();
        LOG.infof("School %s evaluated as of %s with policy %s version %s%s: %d pupils, %d actions raised, %s", school.id, asOf,
                policy.id(), policy.version(), measuresOnly ? " (measures only)" : "", pupilIds.size(), raised.size(), timings);
        return new EvaluationResult(asOf, pupilIds.size(), raised.size(), raised, timings);
    }

    /**
     * Evaluations of one school take turns (two nightly posts, or a post and a lead's "evaluate", may cover
     * the same pupils), so each sees the actions the one before it raised and an action is raised once.
     * A measures-only run raises nothing and does not wait.
     */
    private List<ActionView> evaluateBatchInTurn(School school, LoadedPolicy policy, SchoolCalendar calendar, List<Long> batch,
            LocalDate asOf, boolean measuresOnly, PhaseTimer timer) {
        return QuarkusTransaction.requiringNew().timeout(LOCK_WAIT_SECONDS).call(() -> {
            if (!measuresOnly) {
                School.lockForUpdate(school.id, LOCK_WAIT_SECONDS);
            }
            return evaluateBatch(school, policy, calendar, batch, asOf, measuresOnly, timer);
        });
    }

    private List<ActionView> evaluateBatch(School school, LoadedPolicy policy, SchoolCalendar calendar, List<Long> pupilIds,
            LocalDate asOf, boolean measuresOnly, PhaseTimer timer) {
        timer.restart();
        // The batch's own transaction changes nothing it loads and only adds actions: without snapshots and
        // automatic flushes before each query, Hibernate does not dirty-check the loaded pupils and actions.
        Session session = RecommendedAction.getEntityManager().unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.COMMIT);
        BatchData batch = load(pupilIds, asOf);
        timer.lap(Phase.LOAD_FACTS);
        List<Object> facts = facts(calendar, asOf, batch);
        timer.lap(Phase.COMPUTE_MEASURES);
        if (measuresOnly) {
            return List.of();
        }
        LadderSession.Outcome outcome = LadderSession.run(policy.kieBase(), policy.parameters(), facts);
        timer.lap(Phase.FIRE_RULES);
        Set<String> alreadyRaised = batch.actions().values().stream().flatMap(List::stream)
                .map(a -> key(a.pupilId, a.type, a.period)).collect(Collectors.toCollection(HashSet::new));
        Instant now = Instant.now(clock);
        List<ActionView> raised = new ArrayList<>();
        for (Recommendation r : outcome.recommendations()) {
            if (!alreadyRaised.add(key(r.getPupilId(), r.getType(), r.getPeriod()))) {
                continue;
            }
            RecommendedAction action = new RecommendedAction();
            action.schoolId = school.id;
            action.pupilId = r.getPupilId();
            action.upn = batch.pupils().get(r.getPupilId()).upn;
            action.type = r.getType();
            action.title = r.getTitle() == null ? r.getType() : r.getTitle();
            action.stage = r.getStage();
            action.policy = policy.id();
            action.policyVersion = policy.version();
            action.rule = r.getRule();
            action.reason = r.getReason() == null ? "" : r.getReason();
            action.clause = r.getClause() == null ? "" : r.getClause();
            action.period = r.getPeriod();
            action.raisedOn = asOf;
            action.raisedAt = now;
            action.status = ActionStatus.OPEN;
            action.parentIds = r.getParentIds().isEmpty() ? null : String.join(",", r.getParentIds());
            action.recordsKind = r.getRecordsKind();
            action.recordsType = r.getRecordsType();
            action.persist();
            raised.add(ActionView.of(action));
        }
        // Written here rather than at commit, so that the time is the store's.
        RecommendedAction.flush();
        LatestStanding.record(school.id, asOf, figures(facts), bands(outcome), now);
        timer.lap(Phase.STORE_ACTIONS);
        return raised;
    }

    /** What the pupils list sorts and filters by, from the facts the rules were given. */
    private static List<LatestStanding.Figures> figures(List<Object> facts) {
        return facts.stream().filter(PupilFacts.class::isInstance).map(PupilFacts.class::cast)
                .map(f -> new LatestStanding.Figures(f.getPupilId(), f.getPossibleSessions(),
                        f.getPossibleSessions() - f.getAbsentSessions(), f.isPersistentlyAbsent()))
                .toList();
    }

    private static Map<Long, String> bands(LadderSession.Outcome outcome) {
        Map<Long, String> bands = new HashMap<>();
        outcome.bands().forEach(band -> bands.putIfAbsent(band.getPupilId(), band.getBand()));
        return bands;
    }

    /** A pupil's attendance summary and ladder band as of a date; the band comes from a session whose recommendations are not stored. */
    public PupilStanding standing(School school, Pupil pupil, LocalDate asOf) {
        return standings(school, calendar(school.id, asOf), List.of(pupil.id), asOf).get(pupil.id);
    }

    /** Some pupils' standings as of a date, e.g. for a batch of letters, read in the caller's transaction. */
    public Map<Long, PupilStanding> standings(School school, List<Long> pupilIds, LocalDate asOf) {
        SchoolCalendar calendar = calendar(school.id, asOf);
        Map<Long, PupilStanding> standings = new HashMap<>();
        for (int from = 0; from < pupilIds.size(); from += PUPILS_PER_SESSION) {
            standings.putAll(standings(school, calendar, pupilIds.subList(from, Math.min(pupilIds.size(), from + PUPILS_PER_SESSION)),
                    asOf));
        }
        return standings;
    }

    /** Every pupil's standing in the school as of a date, by pupil id, the pupils batched as in an evaluation. */
    public Map<Long, PupilStanding> standings(String schoolId, LocalDate asOf) {
        Roll roll = QuarkusTransaction.requiringNew().call(() -> roll(schoolId, asOf));
        School school = roll.school();
        SchoolCalendar calendar = roll.calendar();
        List<Long> pupilIds = roll.pupilIds();
        Map<Long, PupilStanding> standings = new HashMap<>();
        for (int from = 0; from < pupilIds.size(); from += PUPILS_PER_SESSION) {
            List<Long> batch = pupilIds.subList(from, Math.min(pupilIds.size(), from + PUPILS_PER_SESSION));
            standings.putAll(QuarkusTransaction.requiringNew().call(() -> {
                // Nothing is written here: without snapshots and automatic flushes Hibernate dirty-checks nothing.
                Session session = Pupil.getEntityManager().unwrap(Session.class);
                session.setDefaultReadOnly(true);
                session.setHibernateFlushMode(FlushMode.MANUAL);
                return standings(school, calendar, batch, asOf);
            }));
        }
        return standings;
    }

    private Map<Long, PupilStanding> standings(School school, SchoolCalendar calendar, List<Long> pupilIds, LocalDate asOf) {
        BatchData batch = load(pupilIds, asOf);
        List<Object> facts = facts(calendar, asOf, batch);
        Map<Long, String> bands = new HashMap<>();
        policies.find(school.policy).filter(LoadedPolicy::usable).ifPresent(policy ->
                LadderSession.run(policy.kieBase(), policy.parameters(), facts).bands()
                        .forEach(band -> bands.putIfAbsent(band.getPupilId(), band.getBand())));
        Map<Long, PupilStanding> standings = new HashMap<>();
        for (Long pupilId : pupilIds) {
            AttendanceSummary summary = AttendanceMeasures.summarise(batch.marks().getOrDefault(pupilId, List.of()), calendar, asOf);
            standings.put(pupilId, new PupilStanding(summary, bands.get(pupilId)));
        }
        return standings;
    }

    public record PupilStanding(AttendanceSummary attendance, String band) {
    }

    /** The school, the pupils to evaluate and its calendar, read together before any batch. */
    private record Roll(School school, List<Long> pupilIds, SchoolCalendar calendar) {
    }

    private Roll roll(String schoolId, LocalDate asOf) {
        return new Roll(access.require(schoolId), Pupil.idsBySchool(schoolId), calendar(schoolId, asOf));
    }

    private static SchoolCalendar calendar(String schoolId, LocalDate asOf) {
        return SchoolCalendar.of(SessionMark.schoolDays(schoolId, FactAssembler.marksNeededFrom(asOf).minusYears(1), asOf));
    }

    /** Everything the facts are computed from, read in a few queries per batch rather than a few per pupil. */
    private static BatchData load(List<Long> pupilIds, LocalDate asOf) {
        Map<Long, Pupil> pupils = Pupil.withParentsAndCharacteristics(pupilIds).stream().collect(Collectors.toMap(p -> p.id, p -> p));
        Map<Long, List<MarkedSession>> marks = SessionMark.forPupils(pupilIds, FactAssembler.marksNeededFrom(asOf), asOf);
        Map<Long, List<Intervention>> interventions = Intervention.forPupils(pupilIds, asOf).stream()
                .collect(Collectors.groupingBy(i -> i.pupilId));
        Map<Long, List<RecommendedAction>> actions = RecommendedAction.forPupilsWithDecisions(pupilIds).stream()
                .collect(Collectors.groupingBy(a -> a.pupilId));
        return new BatchData(pupils, marks, interventions, actions);
    }

    private static List<Object> facts(SchoolCalendar calendar, LocalDate asOf, BatchData batch) {
        FactAssembler assembler = new FactAssembler(calendar, asOf);
        List<Object> facts = new ArrayList<>();
        facts.add(assembler.context());
        facts.add(assembler.calendarFact());
        for (Pupil pupil : batch.pupils().values()) {
            facts.addAll(assembler.facts(pupil, batch.marks().getOrDefault(pupil.id, List.of()),
                    batch.interventions().getOrDefault(pupil.id, List.of()), batch.actions().getOrDefault(pupil.id, List.of())));
        }
        return facts;
    }

    private static String key(long pupilId, String type, String period) {
        return pupilId + "|" + type + "|" + period;
    }

    private record BatchData(Map<Long, Pupil> pupils, Map<Long, List<MarkedSession>> marks,
            Map<Long, List<Intervention>> interventions, Map<Long, List<RecommendedAction>> actions) {
    }
}
