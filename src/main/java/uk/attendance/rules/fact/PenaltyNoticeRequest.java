package uk.attendance.rules.fact;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.kie.api.runtime.rule.RuleContext;
import uk.attendance.action.MatchedValue;

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
    private final List<MatchedValue> because;

    private PenaltyNoticeRequest(long pupilId, String rule, String stage, String reason, String clause, List<MatchedValue> because) {
        this.pupilId = pupilId;
        this.rule = rule;
        this.stage = stage;
        this.reason = reason;
        this.clause = clause;
        this.because = because;
    }

    public static PenaltyNoticeRequest of(RuleContext rule, PupilFacts pupil, String stage, String reason, String clause) {
        return new PenaltyNoticeRequest(pupil.getPupilId(), rule.getRule().getName(), stage, reason, clause,
                MatchedFacts.of(rule));
    }

    /**
     * The period the request belongs to, when the ladder's step has its own (after a written warning, one leave of
     * absence): a request dismissed in it is not raised again for it. Without one the statutory rules use the half term; the
     * national threshold's request sets {@link #nationalThresholdPeriod}.
     */
    public PenaltyNoticeRequest period(String period) {
        this.period = period;
        return this;
    }

    /** The actions the statutory rules raise for a request: a dismissal of either, at the national threshold, answers it. */
    public static final Set<String> ACTION_TYPES = Set.of("CONSIDER_PENALTY_NOTICE", "CONSIDER_ALTERNATIVE_LEGAL_ACTION");

    private static final String NATIONAL_THRESHOLD = " national threshold";

    /**
     * The period of a request at the national threshold in {@code academicYear}, answered (by a counted notice or a
     * dismissal) on {@code answeredOn} or never (null).
     */
    public static String nationalThresholdPeriod(String academicYear, LocalDate answeredOn) {
        return academicYear + NATIONAL_THRESHOLD + (answeredOn == null ? "" : " after " + answeredOn);
    }

    /** What answered the sessions before it: the later of the latest counted notice and the latest dismissal (either may be null). */
    public static LocalDate answeredOn(LocalDate lastNotice, LocalDate dismissed) {
        if (lastNotice == null) {
            return dismissed;
        }
        return dismissed == null || lastNotice.isAfter(dismissed) ? lastNotice : dismissed;
    }

    /** Whether an action's period is that of a request at the national threshold. */
    public static boolean isNationalThresholdPeriod(String period) {
        return period != null && period.contains(NATIONAL_THRESHOLD);
    }

    public String getPeriod() { return period; }
    public long getPupilId() { return pupilId; }
    /** The rule that asked. */
    public String getRule() { return rule; }
    public String getStage() { return stage; }
    public String getReason() { return reason; }
    public String getClause() { return clause; }
    /** The values the asking rule's conditions read: the statutory rule that decides the request adds its own. */
    public List<MatchedValue> getBecause() { return because; }

    @Override
    public String toString() {
        return "PenaltyNoticeRequest[pupil " + pupilId + " by '" + rule + "']";
    }
}
