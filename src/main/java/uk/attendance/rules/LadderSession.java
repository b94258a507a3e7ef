package uk.attendance.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import uk.attendance.rules.fact.PupilBand;
import uk.attendance.rules.fact.Recommendation;

/**
 * The ladder's rules over pupils' facts. An evaluation streams school days through it in date order:
 * each day's facts in, fire, collect what the rules concluded that day. Nothing a rule inserted on one
 * day (a band, a request for a penalty notice) leaks into the next: each day starts from a fresh Drools
 * session, which costs less than retracting the day's facts. What carries from one day to the next is
 * history the caller puts in the next day's facts (an action raised one day is an ActionFact the next).
 */
public final class LadderSession implements AutoCloseable {

    /** Stops a rule that keeps re-activating itself from hanging an evaluation. */
    private static final int MAX_FIRINGS = 1_000_000;

    private final KieBase kieBase;
    private final PolicyParameters parameters;
    private KieSession session;
    private final List<String> fired = new ArrayList<>();

    private LadderSession(KieBase kieBase, PolicyParameters parameters) {
        this.kieBase = kieBase;
        this.parameters = parameters;
        newSession();
    }

    private void newSession() {
        session = kieBase.newKieSession();
        session.setGlobal("params", parameters);
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        });
    }

    public record Outcome(List<Recommendation> recommendations, List<PupilBand> bands, List<String> firedRules) {
    }

    /** A ladder to stream days through; close it when the last day is judged. */
    public static LadderSession open(KieBase kieBase, PolicyParameters parameters) {
        return new LadderSession(kieBase, parameters);
    }

    /** One day judged on its own. */
    public static Outcome run(KieBase kieBase, PolicyParameters parameters, Collection<?> facts) {
        try (LadderSession session = open(kieBase, parameters)) {
            return session.day(facts);
        }
    }

    /** Judges one day: its facts in, every rule fired, what the rules concluded out; the session is then empty again. */
    public Outcome day(Collection<?> facts) {
        fired.clear();
        facts.forEach(session::insert);
        session.fireAllRules(MAX_FIRINGS);
        List<Recommendation> recommendations = new ArrayList<>();
        session.getObjects(new ClassObjectFilter(Recommendation.class)).forEach(o -> recommendations.add((Recommendation) o));
        List<PupilBand> bands = new ArrayList<>();
        session.getObjects(new ClassObjectFilter(PupilBand.class)).forEach(o -> bands.add((PupilBand) o));
        // A fresh session for the next day costs less than retracting every fact of this one.
        session.dispose();
        newSession();
        return new Outcome(recommendations, bands, List.copyOf(fired));
    }

    @Override
    public void close() {
        session.dispose();
    }
}
