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

/** One Drools session over a batch of pupils' facts: insert, fire, collect what the rules concluded. */
public final class LadderSession {

    /** Stops a rule that keeps re-activating itself from hanging an evaluation. */
    private static final int MAX_FIRINGS = 1_000_000;

    private LadderSession() {
    }

    public record Outcome(List<Recommendation> recommendations, List<PupilBand> bands, List<String> firedRules) {
    }

    public static Outcome run(KieBase kieBase, PolicyParameters parameters, Collection<?> facts) {
        KieSession session = kieBase.newKieSession();
        try {
            session.setGlobal("params", parameters);
            List<String> fired = new ArrayList<>();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            facts.forEach(session::insert);
            session.fireAllRules(MAX_FIRINGS);
            List<Recommendation> recommendations = new ArrayList<>();
            session.getObjects(new ClassObjectFilter(Recommendation.class)).forEach(o -> recommendations.add((Recommendation) o));
            List<PupilBand> bands = new ArrayList<>();
            session.getObjects(new ClassObjectFilter(PupilBand.class)).forEach(o -> bands.add((PupilBand) o));
            return new Outcome(recommendations, bands, fired);
        } finally {
            session.dispose();
        }
    }
}
