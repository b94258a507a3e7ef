package uk.attendance.rules.fact;

import org.kie.api.runtime.rule.RuleContext;

/**
 * A rule asking for a penalty notice. It is never a recommendation by itself: the statutory rules
 * decide between considering a notice (parents under the cap), alternative legal action (cap
 * reached) or nothing (pupil not of compulsory school age).
 */
public class PenaltyNoticeRequest {

    private final long pupilId;
    private final String rule;
    private final String stage;
    private final String reason;
    private final String clause;
    private String period;

    private PenaltyNoticeRequest(long pupilId, String rule, String stage, String reason, String clause) {
        this.pupilId = pupilId;
        this.rule = rule;
        this.stage = stage;
        this.reason = reason;
        this.clause = clause;
    }

    public static PenaltyNoticeRequest of(RuleContext rule, PupilFacts pupil, String stage, String reason, String clause) {
        return new PenaltyNoticeRequest(pupil.getPupilId(), rule.getRule().getName(), stage, reason, clause);
    }

    /**
     * The period the request belongs to, when the ladder's step has its own (after a written warning, one leave of
     * absence): a request dismissed in it is not raised again for it. Without one the statutory rules use the half term.
     */
    public PenaltyNoticeRequest period(String period) {
        this.period = period;
        return this;
    }

    public String getPeriod() { return period; }
    public long getPupilId() { return pupilId; }
    /** The rule that asked. */
    public String getRule() { return rule; }
    public String getStage() { return stage; }
    public String getReason() { return reason; }
    public String getClause() { return clause; }

    @Override
    public String toString() {
        return "PenaltyNoticeRequest[pupil " + pupilId + " by '" + rule + "']";
    }
}
