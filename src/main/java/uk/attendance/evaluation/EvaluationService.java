package uk.attendance.evaluation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.kie.api.KieBase;
import uk.attendance.action.ActionDecision;
import uk.attendance.action.ActionStatus;
import uk.attendance.action.ActionView;
import uk.attendance.action.RecommendedAction;
import uk.attendance.attendance.AcademicYear;
import uk.attendance.attendance.AttendanceMeasures;
import uk.attendance.attendance.AttendanceSummary;
import uk.attendance.attendance.MarkAmendment;
import uk.attendance.attendance.MarkedSession;
import uk.attendance.attendance.PupilRegister;
import uk.attendance.attendance.SchoolCalendar;
import uk.attendance.calendar.CalendarService;
import uk.attendance.intervention.Intervention;
import uk.attendance.policy.LoadedPolicy;
import uk.attendance.policy.PolicyRegistry;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.pupil.LatestStanding;
import uk.attendance.pupil.Pupil;
import uk.attendance.evaluation.PhaseTimer.Phase;
import uk.attendance.pupil.PupilEvaluation;
import uk.attendance.rules.LadderSession;
import uk.attendance.rules.PolicyParameters;
import uk.attendance.rules.RuleErrorView;
import uk.attendance.rules.fact.Recommendation;
import uk.attendance.rules.fact.Words;
import uk.attendance.school.School;
import uk.attendance.pupil.SchoolAccess;

/**
 * Runs a school's policy over its pupils: facts in, recommendations out, each new one stored once
 * per pupil, type and period. Pupils are evaluated in batches, one Drools session per batch.
 */
@ApplicationScoped
public class EvaluationService {

    private static final Logger LOG = Logger.getLogger(EvaluationService.class);
    /** Who decides what an evaluation changes on its own (a withdrawal), in an action's decisions. */
    public static final String SYSTEM = "system";
    /** Large enough to amortise a session, small enough that a batch's marks stay modest in memory. */
    static final int PUPILS_PER_SESSION = 200;
    /** A nightly post of a year of marks holds the school for minutes; an evaluation waits its turn. */
    private static final int LOCK_WAIT_SECONDS = 900;

    private final SchoolAccess access;
    private final PolicyRegistry policies;
    private final Clock clock;
    private final CalendarService calendars;

    EvaluationService(SchoolAccess access, PolicyRegistry policies, Clock clock, CalendarService calendars) {
        this.access = access;
        this.policies = policies;
        this.clock = clock;
        this.calendars = calendars;
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
                    new Roll(access.require(schoolId), pupilIds, calendarToToday(schoolId, asOf)));
            timer.lap(Phase.LOAD_FACTS);
            return evaluate(roll, asOf, false, timer).summary();
        } catch (ProblemException e) {
            LOG.warnf("School %s: evaluation after the post did not run: %s", schoolId, e.getMessage());
            return new EvaluationSummary(asOf, 0, 0, e.getMessage(), null, List.of());
        } catch (RuntimeException e) {
            // The marks are committed: whatever stopped the evaluation is reported, never a 500 for a stored post.
            LOG.errorf(e, "School %s: evaluation after the post failed", schoolId);
            return new EvaluationSummary(asOf, 0, 0, "The evaluation after the post failed: " + e.getMessage()
                    + ". The marks are stored; evaluate the school again once the policy is fixed.", null, List.of());
        }
    }

    private EvaluationResult evaluate(Roll roll, LocalDate asOf, boolean measuresOnly, PhaseTimer timer) {
        School school = roll.school();
        List<Long> pupilIds = roll.pupilIds();
        SchoolCalendar calendar = roll.calendar();
        LoadedPolicy policy = policies.require(school.policy);
        List<ActionView> raised = new ArrayList<>();
        List<RuleErrorView> errors = new ArrayList<>();
        for (int from = 0; from < pupilIds.size(); from += PUPILS_PER_SESSION) {
            List<Long> batch = pupilIds.subList(from, Math.min(pupilIds.size(), from + PUPILS_PER_SESSION));
            raised.addAll(evaluateBatchInTurn(school, policy, calendar, batch, asOf, measuresOnly, timer, errors));
        }
        if (!errors.isEmpty()) {
            LOG.warnf("School %s: policy %s version %s failed for %d pupils, who were not evaluated", school.id, policy.id(),
                    policy.version(), errors.size());
            policies.reportRuleErrors(policy.id(), school.id, asOf, errors);
        }
        EvaluationTimings timings = timer.timings();
        LOG.infof("School %s evaluated as of %s with policy %s version %s%s: %d pupils, %d actions raised, %s", school.id, asOf,
                policy.id(), policy.version(), measuresOnly ? " (measures only)" : "", pupilIds.size(), raised.size(), timings);
        return new EvaluationResult(asOf, pupilIds.size() - errors.size(), raised.size(), raised, timings, errors);
    }

    /**
     * Evaluations of one school take turns (two nightly posts, or a post and a lead's "evaluate", may cover
     * the same pupils), so each sees the actions the one before it raised and an action is raised once.
     * A measures-only run raises nothing and does not wait.
     */
    private List<ActionView> evaluateBatchInTurn(School school, LoadedPolicy policy, SchoolCalendar calendar, List<Long> batch,
            LocalDate asOf, boolean measuresOnly, PhaseTimer timer, List<RuleErrorView> errors) {
        return QuarkusTransaction.requiringNew().timeout(LOCK_WAIT_SECONDS).call(() -> {
            if (!measuresOnly) {
                School.lockForUpdate(school.id, LOCK_WAIT_SECONDS);
            }
            return evaluateBatch(school, policy, calendar, batch, asOf, measuresOnly, timer, errors);
        });
    }

    private List<ActionView> evaluateBatch(School school, LoadedPolicy policy, SchoolCalendar calendar, List<Long> pupilIds,
            LocalDate asOf, boolean measuresOnly, PhaseTimer timer, List<RuleErrorView> errors) {
        timer.restart();
        // The batch's own transaction mostly adds actions: without snapshots and automatic flushes before each query,
        // Hibernate does not dirty-check the loaded pupils and actions; the few actions it changes are made writable.
        Session session = RecommendedAction.getEntityManager().unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.COMMIT);
        Map<Long, PupilEvaluation> progress = PupilEvaluation.forPupils(pupilIds);
        // Days already judged are judged again up to the last one when their facts changed, even past asOf: a
        // correction posted for last month is judged through to the last day judged, so it can withdraw an action.
        Map<Long, LocalDate> judgeTo = new HashMap<>();
        pupilIds.forEach(id -> judgeTo.put(id, progress.containsKey(id) && progress.get(id).evaluatedTo.isAfter(asOf)
                ? progress.get(id).evaluatedTo : asOf));
        LocalDate end = judgeTo.values().stream().max(LocalDate::compareTo).orElse(asOf);
        BatchData batch = load(pupilIds, end);
        timer.lap(Phase.LOAD_FACTS);
        Map<Long, LocalDate> judgeFrom = new HashMap<>();
        LocalDate floor = firstDayOfActions(school, asOf);
        for (Long pupilId : batch.pupils().keySet()) {
            PupilEvaluation evaluated = progress.get(pupilId);
            LocalDate from = evaluated == null ? floor : evaluated.judgeFrom();
            judgeFrom.put(pupilId, from.isBefore(floor) ? floor : from);
        }
        DayStream.Judgement stream = DayStream.judge(calendar, batch.pupils().values(), batch.marks(), batch.interventions(),
                batch.actions(), judgeFrom, judgeTo, measuresOnly ? null : policy.kieBase(), policy.parameters(), asOf);
        Map<Long, Map<String, DayStream.Held>> judgement = stream.held();
        // A pupil a rule failed for is reported, and neither stored nor marked as judged: the next evaluation tries again.
        stream.failures().forEach((pupilId, e) -> errors.add(new RuleErrorView(batch.pupils().get(pupilId).upn, e.rule(), e.message())));
        timer.lap(measuresOnly ? Phase.COMPUTE_MEASURES : Phase.FIRE_RULES);
        if (measuresOnly) {
            return List.of();
        }
        Instant now = Instant.now(clock);
        List<ActionView> raised = new ArrayList<>();
        List<PupilEvaluation.Judged> judged = new ArrayList<>();
        for (Pupil pupil : batch.pupils().values()) {
            if (stream.failures().containsKey(pupil.id)) {
                continue;
            }
            PupilEvaluation evaluated = progress.get(pupil.id);
            raised.addAll(store(session, school, policy, pupil, batch.actions().getOrDefault(pupil.id, List.of()),
                    judgement.getOrDefault(pupil.id, Map.of()), judgeFrom.get(pupil.id), evaluated, judgeTo.get(pupil.id), now));
            judged.add(new PupilEvaluation.Judged(pupil.id, evaluated == null ? null : evaluated.dirtyFrom));
        }
        PupilEvaluation.judged(judged, asOf, now);
        // Written here rather than at commit, so that the time is the store's.
        RecommendedAction.flush();
        // The pupils list sorts and filters by these figures and bands in SQL.
        LatestStanding.record(school.id, asOf, figures(standings(school, calendar, batch, stream, judgeFrom, judgeTo, end, asOf)), now);
        timer.lap(Phase.STORE_ACTIONS);
        return raised;
    }

    /** The first day whose conditions raise actions: the start of the academic year, or the school's {@code actionsFrom}. */
    private static LocalDate firstDayOfActions(School school, LocalDate asOf) {
        LocalDate yearStart = AcademicYear.containing(asOf).start();
        return school.actionsFrom != null && school.actionsFrom.isAfter(yearStart) ? school.actionsFrom : yearStart;
    }

    /**
     * Stores what judging the pupil's days concluded: a new action for each condition met for the first time; for
     * an action already stored whose days were judged again, its first day moved, or, when its condition held on
     * none of them, an open action withdrawn and an accepted one marked as resting on changed facts.
     */
    private List<ActionView> store(Session session, School school, LoadedPolicy policy, Pupil pupil, List<RecommendedAction> actions,
            Map<String, DayStream.Held> held, LocalDate judgedFrom, PupilEvaluation evaluated, LocalDate asOf, Instant now) {
        Map<String, RecommendedAction> byKey = new HashMap<>();
        actions.forEach(a -> byKey.put(key(a.type, a.period), a));
        List<ActionView> raised = new ArrayList<>();
        for (Map.Entry<String, DayStream.Held> entry : held.entrySet()) {
            DayStream.Held first = entry.getValue();
            RecommendedAction existing = byKey.get(entry.getKey());
            if (existing == null) {
                raised.add(ActionView.of(newAction(school, policy, pupil, first, asOf, now)));
                continue;
            }
            if (existing.status == ActionStatus.WITHDRAWN) {
                RecommendedAction action = writable(session, existing);
                describe(action, first);
                decide(action, ActionStatus.OPEN, "Raised again: its condition held on " + Words.date(first.on()) + ".", now, LocalDate.now(clock));
                raised.add(ActionView.of(action));
            } else if (existing.status == ActionStatus.OPEN && !first.on().equals(existing.conditionMetOn)) {
                describe(writable(session, existing), first);
            } else if (existing.status == ActionStatus.ACCEPTED && existing.basisChanged) {
                writable(session, existing).basisChanged = false;
            }
        }
        for (RecommendedAction action : actions) {
            boolean judgedAgain = !RaisedAction.of(action).metOn().isBefore(judgedFrom) && !RaisedAction.of(action).metOn().isAfter(asOf);
            if (!judgedAgain || held.containsKey(key(action.type, action.period)) || !action.policy.equals(policy.id())) {
                continue;
            }
            if (action.status == ActionStatus.OPEN) {
                decide(writable(session, action), ActionStatus.WITHDRAWN, withdrawalNote(pupil, evaluated, judgedFrom), now, LocalDate.now(clock));
            } else if (action.status == ActionStatus.ACCEPTED && !action.basisChanged) {
                writable(session, action).basisChanged = true;
            }
        }
        return raised;
    }

    /** The stored action behind an evaluation's detached copy, loaded to be changed. */
    private static RecommendedAction writable(Session session, RecommendedAction copy) {
        RecommendedAction action = session.get(RecommendedAction.class, copy.id);
        session.setReadOnly(action, false);
        return action;
    }

    private static RecommendedAction newAction(School school, LoadedPolicy policy, Pupil pupil, DayStream.Held first, LocalDate asOf, Instant now) {
        RecommendedAction action = raised(pupil.id, first, asOf);
        action.schoolId = school.id;
        action.upn = pupil.upn;
        action.policy = policy.id();
        action.policyVersion = policy.version();
        action.raisedAt = now;
        action.persist();
        return action;
    }

    /** An open action as the rules raised it on its first day, not stored: what evaluations store and scenarios replay. */
    static RecommendedAction raised(long pupilId, DayStream.Held first, LocalDate raisedOn) {
        Recommendation r = first.recommendation();
        RecommendedAction action = new RecommendedAction();
        action.pupilId = pupilId;
        action.type = r.getType();
        action.stage = r.getStage();
        action.rule = r.getRule();
        action.clause = r.getClause() == null ? "" : r.getClause();
        action.period = r.getPeriod();
        action.raisedOn = raisedOn;
        action.status = ActionStatus.OPEN;
        action.recordsKind = r.getRecordsKind();
        action.recordsType = r.getRecordsType();
        describe(action, first);
        return action;
    }

    /** The action as the rules put it on the first day its condition held: the reason states that day's facts. */
    private static void describe(RecommendedAction action, DayStream.Held first) {
        Recommendation r = first.recommendation();
        action.conditionMetOn = first.on();
        action.title = r.getTitle() == null ? r.getType() : r.getTitle();
        action.reason = "On " + Words.date(first.on()) + ": " + (r.getReason() == null ? "" : r.getReason());
        action.parentIds = r.getParentIds().isEmpty() ? null : r.getParentIds();
        action.because = r.getBecause().isEmpty() ? null : r.getBecause();
    }

    private static void decide(RecommendedAction action, ActionStatus status, String note, Instant now, LocalDate today) {
        ActionDecision decision = new ActionDecision();
        decision.action = action;
        decision.decision = status;
        decision.date = today;
        decision.note = note;
        decision.decidedBy = SYSTEM;
        decision.decidedAt = now;
        decision.persist();
        action.status = status;
    }

    private static String withdrawalNote(Pupil pupil, PupilEvaluation evaluated, LocalDate judgedFrom) {
        List<LocalDate> amended = MarkAmendment.amendedDates(pupil.id, evaluated == null ? null : evaluated.evaluatedAt, judgedFrom);
        String because = amended.isEmpty()
                ? "After the register, interventions and decisions recorded since it was raised"
                : "After the marks amended for " + Words.list(amended.stream().map(Words::date).toList());
        return because + ", its condition held on no school day. Withdrawn by the evaluation.";
    }

    /**
     * What a policy would raise for the school's pupils over the academic year up to {@code asOf}, every school day
     * judged from the start of the year (or the school's {@code actionsFrom}) as if no action had been raised yet:
     * per pupil, each action key (type and period) with the first day its condition held. Stores nothing, so a
     * candidate policy can be compared with the active one.
     */
    public Map<Long, Map<String, DayStream.Held>> judgeWithoutStoring(String schoolId, KieBase kieBase, PolicyParameters parameters,
            LocalDate asOf) {
        return judgeSchoolWithoutStoring(schoolId, kieBase, parameters, asOf).held();
    }

    /** What judging a school without storing concluded, with each pupil's UPN and the pupils a rule failed for. */
    public record Judged(Map<Long, String> upns, Map<Long, Map<String, DayStream.Held>> held,
            Map<Long, LadderSession.RuleError> failures) {
    }

    /** As {@link #judgeWithoutStoring}, with the pupils' UPNs and the pupils a rule failed for (who hold nothing). */
    public Judged judgeSchoolWithoutStoring(String schoolId, KieBase kieBase, PolicyParameters parameters, LocalDate asOf) {
        Roll roll = QuarkusTransaction.requiringNew().call(() -> roll(schoolId, asOf));
        LocalDate from = firstDayOfActions(roll.school(), asOf);
        Map<Long, Map<String, DayStream.Held>> held = new HashMap<>();
        Map<Long, String> upns = new HashMap<>();
        Map<Long, LadderSession.RuleError> failures = new HashMap<>();
        List<Long> pupilIds = roll.pupilIds();
        for (int start = 0; start < pupilIds.size(); start += PUPILS_PER_SESSION) {
            List<Long> batch = pupilIds.subList(start, Math.min(pupilIds.size(), start + PUPILS_PER_SESSION));
            DayStream.Judgement judgement = QuarkusTransaction.requiringNew().call(() -> {
                Session session = Pupil.getEntityManager().unwrap(Session.class);
                session.setDefaultReadOnly(true);
                session.setHibernateFlushMode(FlushMode.MANUAL);
                BatchData data = load(batch, asOf);
                data.pupils().forEach((id, pupil) -> upns.put(id, pupil.upn));
                Map<Long, LocalDate> judgeFrom = new HashMap<>();
                Map<Long, LocalDate> judgeTo = new HashMap<>();
                batch.forEach(id -> {
                    judgeFrom.put(id, from);
                    judgeTo.put(id, asOf);
                });
                return DayStream.judgeDays(roll.calendar(), data.pupils().values(), data.marks(), data.interventions(), Map.of(),
                        judgeFrom, judgeTo, kieBase, parameters);
            });
            held.putAll(judgement.held());
            failures.putAll(judgement.failures());
        }
        return new Judged(upns, held, failures);
    }

    private static Map<Long, LatestStanding.Figures> figures(Map<Long, PupilStanding> standings) {
        Map<Long, LatestStanding.Figures> figures = new HashMap<>();
        standings.forEach((id, s) -> figures.put(id, new LatestStanding.Figures(id, s.attendance().possibleSessions(),
                s.attendance().yearToDate().attendedSessions(), s.attendance().persistentlyAbsent(), s.band())));
        return figures;
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

    /**
     * The standings of an evaluated batch as of {@code asOf}, from what the evaluation already read and judged: a pupil
     * whose days were judged through {@code asOf} (a school day) has the band its rules gave that day, and the summary
     * of the marks already loaded. Only the others (asOf not a school day, not judged that day, or days judged past it)
     * are read and run again.
     */
    private Map<Long, PupilStanding> standings(School school, SchoolCalendar calendar, BatchData batch, DayStream.Judgement judged,
            Map<Long, LocalDate> judgeFrom, Map<Long, LocalDate> judgeTo, LocalDate end, LocalDate asOf) {
        Map<Long, PupilStanding> standings = new HashMap<>();
        List<Long> others = new ArrayList<>();
        boolean streamedThroughAsOf = end.equals(asOf) && calendar.isSchoolDay(asOf);
        for (Long pupilId : batch.pupils().keySet()) {
            if (streamedThroughAsOf && !judgeFrom.get(pupilId).isAfter(asOf) && !judgeTo.get(pupilId).isBefore(asOf)) {
                AttendanceSummary summary = AttendanceMeasures.summarise(batch.marks().getOrDefault(pupilId, List.of()), calendar, asOf);
                standings.put(pupilId, new PupilStanding(summary, judged.bandsOn().get(pupilId)));
            } else {
                others.add(pupilId);
            }
        }
        if (!others.isEmpty()) {
            standings.putAll(standings(school, calendar, others, asOf));
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

    /**
     * The calendar an evaluation streams days over: it may judge again days after {@code asOf} it judged before. The
     * school's posted calendar for each year that has one, the register's school days for the others.
     */
    private SchoolCalendar calendarToToday(String schoolId, LocalDate asOf) {
        return calendars.schoolCalendar(schoolId, FactAssembler.marksNeededFrom(asOf).minusYears(1), LocalDate.now(clock));
    }

    private SchoolCalendar calendar(String schoolId, LocalDate asOf) {
        return calendars.schoolCalendar(schoolId, FactAssembler.marksNeededFrom(asOf).minusYears(1), asOf);
    }

    /**
     * Everything the facts are computed from, read in a few queries per batch rather than a few per pupil. The pupils and
     * actions are detached copies (see {@link #writable}).
     */
    private static BatchData load(List<Long> pupilIds, LocalDate asOf) {
        Map<Long, Pupil> pupils = Pupil.detachedWithParentsAndCharacteristics(pupilIds).stream()
                .collect(Collectors.toMap(p -> p.id, p -> p));
        Map<Long, List<MarkedSession>> marks = PupilRegister.marks(pupilIds, FactAssembler.marksNeededFrom(asOf), asOf);
        Map<Long, List<Intervention>> interventions = Intervention.forPupils(pupilIds, asOf).stream()
                .collect(Collectors.groupingBy(i -> i.pupilId));
        Map<Long, List<RecommendedAction>> actions = RecommendedAction.detachedHistoryForPupils(pupilIds).stream()
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

    static String key(String type, String period) {
        return type + "|" + period;
    }

    private record BatchData(Map<Long, Pupil> pupils, Map<Long, List<MarkedSession>> marks,
            Map<Long, List<Intervention>> interventions, Map<Long, List<RecommendedAction>> actions) {
    }
}
