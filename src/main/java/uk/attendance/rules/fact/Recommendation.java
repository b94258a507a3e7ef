package uk.attendance.rules.fact;

import java.util.List;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.rule.RuleContext;
import uk.attendance.action.MatchedValue;

/**
 * What a rule recommends for a pupil: inserted by the rule's consequence, collected after the
 * session fires and stored as a recommended action unless the same one was already raised in
 * its period.
 */
public class Recommendation {

    private final long pupilId;
    private final String type;
    private final String rule;
    private String title;
    private String stage;
    private String reason;
    private String clause;
    private String period;
    private List<String> parentIds = List.of();
    private String recordsKind;
    private String recordsType;
    private final List<MatchedValue> because;

    private Recommendation(long pupilId, String type, String rule, String period, List<MatchedValue> because) {
        this.pupilId = pupilId;
        this.type = type;
        this.rule = rule;
        this.period = period;
        this.because = because;
    }

    /**
     * Starts a recommendation from the firing rule, raised once per academic year, or once per the period its rule's
     * {@code @repeats("each half term")} names, unless {@link #period} says otherwise.
     */
    public static Recommendation of(RuleContext rule, PupilFacts pupil, String type) {
        String period = pupil.getAcademicYear();
        Object repeats = rule.getRule().getMetaData().get(Repeat.ATTRIBUTE);
        if (repeats != null) {
            Repeat repeat = Repeat.named(repeats.toString()).orElseThrow(() -> new IllegalStateException("Rule '"
                    + rule.getRule().getName() + "' repeats '" + repeats + "'; a rule repeats " + Repeat.names()));
            // By class: the session's store finds the day's one context without walking every pupil's facts.
            for (Object context : rule.getKieRuntime().getObjects(new ClassObjectFilter(EvaluationContext.class))) {
                period = ((EvaluationContext) context).period(repeat);
            }
        }
        return new Recommendation(pupil.getPupilId(), type, rule.getRule().getName(), period, MatchedFacts.of(rule));
    }

    public Recommendation title(String title) { this.title = title; return this; }
    public Recommendation stage(String stage) { this.stage = stage; return this; }
    /** The facts in words a parent could read. */
    public Recommendation reason(String reason) { this.reason = reason; return this; }
    /** The policy text the rule comes from. */
    public Recommendation clause(String clause) { this.clause = clause; return this; }
    /** The period the action is raised once in, e.g. the half term for a ladder step that repeats. */
    public Recommendation period(String period) { this.period = period; return this; }
    public Recommendation parentIds(List<String> parentIds) { this.parentIds = List.copyOf(parentIds); return this; }

    /** What completing the action records as an intervention, so the ladder moves on. */
    public Recommendation records(String kind, String type) {
        this.recordsKind = kind;
        this.recordsType = type;
        return this;
    }

    public long getPupilId() { return pupilId; }
    public String getType() { return type; }
    public String getRule() { return rule; }
    public String getTitle() { return title; }
    public String getStage() { return stage; }
    public String getReason() { return reason; }
    public String getClause() { return clause; }
    public String getPeriod() { return period; }
    public List<String> getParentIds() { return parentIds; }
    public String getRecordsKind() { return recordsKind; }
    public String getRecordsType() { return recordsType; }
    /** The values the rule's conditions read, as they stood on the day it fired. */
    public List<MatchedValue> getBecause() { return because; }

    @Override
    public String toString() {
        return "Recommendation[pupil " + pupilId + " " + type + " by '" + rule + "']";
    }
}
