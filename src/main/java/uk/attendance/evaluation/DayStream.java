package uk.attendance.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.KieBase;
import uk.attendance.action.ActionStatus;
import uk.attendance.action.RecommendedAction;
import uk.attendance.attendance.MarkedSession;
import uk.attendance.attendance.SchoolCalendar;
import uk.attendance.intervention.Intervention;
import uk.attendance.pupil.Pupil;
import uk.attendance.rules.LadderSession;
import uk.attendance.rules.PolicyParameters;
import uk.attendance.rules.fact.Recommendation;

/**
 * Judges pupils day by day: the school days from each pupil's first day to judge to their last, in date
 * order, streamed through one session. Each day's facts go in, the rules fire, and each recommendation's first
 * day is kept. An action raised on a day is history (an {@code ActionFact}) on the days after; a stored action
 * whose first day comes before the days judged is history throughout. Stores nothing.
 */
public final class DayStream {

    private DayStream() {
    }

    /** The first school day a recommendation's condition held, and what the rules said that day. */
    public record Held(LocalDate on, Recommendation recommendation) {
    }

    /**
     * Per pupil, each action key (type and period) whose condition held on a day judged, with its first such day.
     * With no rules ({@code kieBase} null), the facts of every day are computed and nothing fires.
     */
    public static Map<Long, Map<String, Held>> judge(SchoolCalendar calendar, Collection<Pupil> pupils,
            Map<Long, List<MarkedSession>> marks, Map<Long, List<Intervention>> interventions, Map<Long, List<RecommendedAction>> actions,
            Map<Long, LocalDate> judgeFrom, Map<Long, LocalDate> judgeTo, KieBase kieBase, PolicyParameters parameters) {
        return judge(calendar, pupils, marks, interventions, actions, judgeFrom, judgeTo, kieBase, parameters, null).held();
    }

    /**
     * What judging the days concluded: the first day each action's condition held, and each pupil's ladder band on
     * {@code bandsOn} for the pupils judged that day (the band the school's lists show, read from the same session);
     * {@code failures}, each pupil a rule threw for (the first failure), whose days are judged no further and who have
     * nothing in {@code held}.
     */
    public record Judgement(Map<Long, Map<String, Held>> held, Map<Long, String> bandsOn, Map<Long, LadderSession.RuleError> failures,
            Set<String> firedRules) {
    }

    /** As {@link #judge}, and a rule that throws for one pupil leaves the others judged (see {@link Judgement}). */
    public static Judgement judgeDays(SchoolCalendar calendar, Collection<Pupil> pupils,
            Map<Long, List<MarkedSession>> marks, Map<Long, List<Intervention>> interventions, Map<Long, List<RecommendedAction>> actions,
            Map<Long, LocalDate> judgeFrom, Map<Long, LocalDate> judgeTo, KieBase kieBase, PolicyParameters parameters) {
        return judge(calendar, pupils, marks, interventions, actions, judgeFrom, judgeTo, kieBase, parameters, null);
    }

    /** As {@link #judge}, also keeping the bands of the pupils judged on {@code bandsOn} (null: none). */
    public static Judgement judge(SchoolCalendar calendar, Collection<Pupil> pupils,
            Map<Long, List<MarkedSession>> marks, Map<Long, List<Intervention>> interventions, Map<Long, List<RecommendedAction>> actions,
            Map<Long, LocalDate> judgeFrom, Map<Long, LocalDate> judgeTo, KieBase kieBase, PolicyParameters parameters,
            LocalDate bandsOn) {
        Map<Long, String> bands = new HashMap<>();
        Map<Long, LadderSession.RuleError> failures = new LinkedHashMap<>();
        Set<String> firedRules = new HashSet<>();
        if (pupils.isEmpty()) {
            return new Judgement(Map.of(), bands, failures, firedRules);
        }
        LocalDate asOf = judgeTo.values().stream().max(LocalDate::compareTo).orElseThrow();
        LocalDate earliest = judgeFrom.values().stream().min(LocalDate::compareTo).orElseThrow();
        // A posted calendar knows school days the register does not reach yet (tonight's marks not posted): those are
        // judged once their marks arrive, as the post lowers the pupils' "evaluated up to".
        List<LocalDate> days = calendar.schoolDays(earliest, calendar.markedUpTo(asOf));
        LocalDate seriesFrom = FactAssembler.marksNeededFrom(asOf);
        Map<Long, PupilDays> series = new HashMap<>();
        Map<Long, List<RaisedAction>> history = new HashMap<>();
        Map<Long, Map<String, RecommendedAction>> stored = new HashMap<>();
        for (Pupil pupil : pupils) {
            series.put(pupil.id, PupilDays.of(calendar, marks.getOrDefault(pupil.id, List.of()), seriesFrom, asOf));
            List<RaisedAction> before = new ArrayList<>();
            Map<String, RecommendedAction> byKey = new HashMap<>();
            for (RecommendedAction action : actions.getOrDefault(pupil.id, List.of())) {
                byKey.put(EvaluationService.key(action.type, action.period), action);
                if (isHistory(action, judgeFrom.get(pupil.id))) {
                    before.add(RaisedAction.of(action));
                }
            }
            history.put(pupil.id, before);
            stored.put(pupil.id, byKey);
        }
        Map<Long, Map<String, Held>> firstHeld = new HashMap<>();
        LadderSession session = kieBase == null ? null : LadderSession.open(kieBase, parameters);
        try {
            for (LocalDate day : days) {
                FactAssembler assembler = new FactAssembler(calendar, day);
                List<Object> facts = new ArrayList<>();
                facts.add(assembler.context());
                facts.add(assembler.calendarFact());
                for (Pupil pupil : pupils) {
                    if (!judgeFrom.get(pupil.id).isAfter(day) && !judgeTo.get(pupil.id).isBefore(day) && !failures.containsKey(pupil.id)) {
                        facts.addAll(assembler.facts(pupil, series.get(pupil.id),
                                interventions.getOrDefault(pupil.id, List.of()), history.get(pupil.id)));
                    }
                }
                if (session == null) {
                    continue;
                }
                LadderSession.Outcome outcome = session.day(facts);
                firedRules.addAll(outcome.firedRules());
                for (LadderSession.RuleError error : outcome.errors()) {
                    if (error.pupilId() != null) {
                        failures.putIfAbsent(error.pupilId(), error);
                    } else {
                        pupils.forEach(p -> failures.putIfAbsent(p.id, error));
                    }
                }
                if (day.equals(bandsOn)) {
                    outcome.bands().forEach(band -> bands.putIfAbsent(band.getPupilId(), band.getBand()));
                }
                for (Recommendation r : outcome.recommendations()) {
                    if (failures.containsKey(r.getPupilId())) {
                        continue;
                    }
                    String key = EvaluationService.key(r.getType(), r.getPeriod());
                    Map<String, Held> held = firstHeld.computeIfAbsent(r.getPupilId(), id -> new HashMap<>());
                    RecommendedAction existing = stored.get(r.getPupilId()).get(key);
                    if (held.containsKey(key) || existing != null && isHistory(existing, judgeFrom.get(r.getPupilId()))) {
                        continue;
                    }
                    held.put(key, new Held(day, r));
                    history.get(r.getPupilId()).add(new RaisedAction(r.getType(), r.getPeriod(), day, existing));
                }
            }
        } finally {
            if (session != null) {
                session.close();
            }
        }
        failures.keySet().forEach(firstHeld::remove);
        failures.keySet().forEach(bands::remove);
        return new Judgement(firstHeld, bands, failures, firedRules);
    }

    /** A stored action whose condition was met before the days judged: not judged again, history for them. */
    static boolean isHistory(RecommendedAction action, LocalDate judgedFrom) {
        return action.status != ActionStatus.WITHDRAWN && RaisedAction.of(action).metOn().isBefore(judgedFrom);
    }
}
