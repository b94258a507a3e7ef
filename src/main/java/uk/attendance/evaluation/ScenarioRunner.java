package uk.attendance.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import uk.attendance.action.ActionDecision;
import uk.attendance.action.ActionStatus;
import uk.attendance.action.RecommendedAction;
import uk.attendance.attendance.MarkedSession;
import uk.attendance.attendance.SchoolCalendar;
import uk.attendance.intervention.Intervention;
import uk.attendance.intervention.InterventionKind;
import uk.attendance.policy.Scenario;
import uk.attendance.policy.ScenarioParser;
import uk.attendance.policy.ScenarioSyntaxError;
import uk.attendance.pupil.Parent;
import uk.attendance.pupil.Pupil;
import uk.attendance.pupil.Upn;
import uk.attendance.rules.LadderSession;
import uk.attendance.rules.PolicyParameters;
import uk.attendance.rules.RuleSource;

/**
 * Plays scenarios against compiled rules, in memory, through the same day stream as an evaluation ({@link DayStream}):
 * every school day of the scenario's register is judged in date order, with the actions raised so far as history.
 * The school's interventions and decisions are applied on their dates, before that day is judged: the days up to an
 * event are judged, the event applied, and the stream carries on from its date. Nothing touches the database.
 */
public final class ScenarioRunner {

    /** The statutory rules' package; every other package of a policy's rules is its ladder. */
    private static final String STATUTORY_PACKAGE = "rules";
    private static final long PUPIL_ID = 1L;

    private ScenarioRunner() {
    }

    public record Result(String scenario, boolean passed, String message) {
    }

    public record Report(int passed, int failed, List<Result> results, List<String> rulesNeverFired) {
    }

    /** Runs every scenario of the files; a file that cannot be read is one failed result naming its line. */
    public static Report run(KieBase kieBase, PolicyParameters parameters, Collection<RuleSource> files) {
        List<Result> results = new ArrayList<>();
        Set<String> fired = new LinkedHashSet<>();
        for (RuleSource file : files) {
            List<Scenario> scenarios;
            try {
                scenarios = ScenarioParser.parse(file.name(), file.content());
            } catch (ScenarioSyntaxError e) {
                results.add(new Result(file.name(), false, e.getMessage()));
                continue;
            }
            for (Scenario scenario : scenarios) {
                results.add(play(kieBase, parameters, scenario, fired));
            }
        }
        List<String> neverFired = ladderRules(kieBase).stream().filter(r -> !fired.contains(r)).toList();
        int passed = (int) results.stream().filter(Result::passed).count();
        return new Report(passed, results.size() - passed, results, neverFired);
    }

    /** The rules of the policy's own ladder, statutory rules aside. */
    public static List<String> ladderRules(KieBase kieBase) {
        return kieBase.getKiePackages().stream().filter(p -> !p.getName().equals(STATUTORY_PACKAGE))
                .map(KiePackage::getRules).flatMap(Collection::stream).map(Rule::getName)
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }

    static Result play(KieBase kieBase, PolicyParameters parameters, Scenario scenario, Set<String> fired) {
        String name = scenario.file() + ": " + scenario.name();
        Pupil pupil = pupil(scenario.pupil());
        List<MarkedSession> register = scenario.register();
        TreeSet<LocalDate> schoolDays = register.stream().map(MarkedSession::date).collect(Collectors.toCollection(TreeSet::new));
        // The school's calendar as the scenario's term: and closed: lines post it; a year without them is inferred from the
        // register, as for a school that posted no calendar.
        SchoolCalendar calendar = SchoolCalendar.of(schoolDays, scenario.calendars());
        TreeSet<LocalDate> eventDays = scenario.events().stream().map(Scenario.Event::date).collect(Collectors.toCollection(TreeSet::new));
        LocalDate last = schoolDays.last();
        for (Scenario.Expectation e : scenario.expectations()) {
            last = e.date().isAfter(last) ? e.date() : last;
        }
        eventDays.add(last.plusDays(1));
        List<Intervention> interventions = new ArrayList<>();
        List<RecommendedAction> actions = new ArrayList<>();
        LocalDate from = schoolDays.first();
        for (LocalDate eventDay : eventDays) {
            LocalDate to = eventDay.minusDays(1);
            if (!to.isBefore(from)) {
                DayStream.Judgement judgement = DayStream.judgeDays(calendar, List.of(pupil), Map.of(PUPIL_ID, register),
                        Map.of(PUPIL_ID, List.copyOf(interventions)), Map.of(PUPIL_ID, List.copyOf(actions)), Map.of(PUPIL_ID, from),
                        Map.of(PUPIL_ID, to), kieBase, parameters);
                fired.addAll(judgement.firedRules());
                LadderSession.RuleError error = judgement.failures().get(PUPIL_ID);
                if (error != null) {
                    return new Result(name, false, "rule '" + error.rule() + "' failed: " + error.message());
                }
                judgement.held().getOrDefault(PUPIL_ID, Map.of()).values().stream()
                        .sorted((a, b) -> a.on().compareTo(b.on()))
                        .forEach(held -> actions.add(action(actions.size() + 1, held)));
            }
            for (Scenario.Event event : scenario.events()) {
                if (event.date().equals(eventDay)) {
                    String problem = apply(event, pupil, actions, interventions);
                    if (problem != null) {
                        return new Result(name, false, scenario.file() + " line " + event.line() + ": " + problem);
                    }
                }
            }
            if (eventDay.isAfter(from)) {
                from = eventDay;
            }
        }
        List<String> failures = new ArrayList<>();
        for (Scenario.Expectation expectation : scenario.expectations()) {
            for (String type : expectation.types()) {
                long count = actions.stream().filter(a -> a.type.equals(type) && !a.raisedOn.isAfter(expectation.date())).count();
                boolean raised = count > 0;
                Integer expected = expectation.counts().get(type);
                if (expected != null) {
                    if (count != expected) {
                        failures.add("line " + expectation.line() + ": expected " + expected + " " + type + " by " + expectation.date()
                                + ", but " + count + (count == 1 ? " was" : " were") + " raised (raised: " + raised(actions) + ")");
                    }
                } else if (raised != expectation.raised()) {
                    failures.add("line " + expectation.line() + ": expected " + (expectation.raised() ? "" : "no ") + type + " by "
                            + expectation.date() + ", but " + (raised ? "it was raised" : "it was not raised") + " (raised: "
                            + raised(actions) + ")");
                }
            }
        }
        return failures.isEmpty() ? new Result(name, true, "raised " + raised(actions)) : new Result(name, false, String.join("; ", failures));
    }

    /** An action raised by the stream, dated the first day its condition held, as the evaluation would store it. */
    private static RecommendedAction action(long id, DayStream.Held held) {
        RecommendedAction action = EvaluationService.raised(PUPIL_ID, held, held.on());
        action.id = id;
        return action;
    }

    /** Applies an intervention or a decision; returns why it cannot be applied, or null. */
    private static String apply(Scenario.Event event, Pupil pupil, List<RecommendedAction> actions, List<Intervention> interventions) {
        if (event.decision() == null) {
            interventions.add(intervention(interventions.size() + 1, InterventionKind.valueOf(event.kind()), event.type(), event.date(),
                    event.details().get("parent"), event));
            return null;
        }
        RecommendedAction action = actions.stream()
                .filter(a -> a.type.equals(event.type()) && a.status != ActionStatus.COMPLETED && a.status != ActionStatus.DISMISSED
                        && !a.raisedOn.isAfter(event.date()))
                .reduce((a, b) -> b).orElse(null);
        if (action == null) {
            return "no open " + event.type() + " action to " + event.decision().toLowerCase(Locale.ROOT) + " on " + event.date()
                    + " (raised: " + raised(actions) + ")";
        }
        ActionDecision decision = new ActionDecision();
        decision.action = action;
        decision.decision = ActionStatus.valueOf(event.decision());
        decision.date = event.date();
        action.decisions.add(decision);
        action.status = decision.decision;
        if (decision.decision == ActionStatus.COMPLETED && action.recordsKind != null) {
            InterventionKind kind = InterventionKind.valueOf(action.recordsKind);
            List<String> parents = new ArrayList<>();
            if (kind == InterventionKind.PENALTY_NOTICE) {
                parents.addAll(event.details().containsKey("parent") ? List.of(event.details().get("parent"))
                        : action.parentIdList().isEmpty() ? pupil.parents.stream().map(p -> p.parentRef).toList() : action.parentIdList());
            } else {
                parents.add(event.details().get("parent"));
            }
            for (String parent : parents) {
                Intervention recorded = intervention(interventions.size() + 1, kind, action.recordsType, event.date(), parent, event);
                recorded.actionId = action.id;
                interventions.add(recorded);
            }
        }
        return null;
    }

    private static Intervention intervention(long id, InterventionKind kind, String type, LocalDate date, String parent, Scenario.Event event) {
        Intervention intervention = new Intervention();
        intervention.id = id;
        intervention.pupilId = PUPIL_ID;
        intervention.kind = kind;
        intervention.type = type;
        intervention.date = date;
        intervention.parentId = parent;
        String attended = event.details().get("attended");
        intervention.parentAttended = attended == null ? null : attended.equals("yes");
        String outcome = event.details().get("outcome");
        intervention.outcome = outcome == null ? null : outcome.toUpperCase(Locale.ROOT);
        return intervention;
    }

    private static String raised(List<RecommendedAction> actions) {
        return actions.isEmpty() ? "nothing" : actions.stream().map(a -> a.type + " on " + a.raisedOn).collect(Collectors.joining(", "));
    }

    private static Pupil pupil(Scenario.PupilSpec spec) {
        Pupil pupil = new Pupil();
        pupil.id = PUPIL_ID;
        pupil.upn = Upn.of("801200000001");
        pupil.yearGroup = spec.yearGroup();
        pupil.dateOfBirth = spec.dateOfBirth();
        pupil.characteristics = new LinkedHashSet<>(spec.characteristics());
        for (String ref : spec.parents()) {
            Parent parent = new Parent();
            parent.pupil = pupil;
            parent.parentRef = ref;
            pupil.parents.add(parent);
        }
        return pupil;
    }
}
