package uk.attendance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.attendance.rules.Facts.AS_OF;
import static uk.attendance.rules.Facts.PUPIL;
import static uk.attendance.rules.Facts.intervention;
import static uk.attendance.rules.Facts.letter;
import static uk.attendance.rules.Facts.parent;
import static uk.attendance.rules.Facts.period;
import static uk.attendance.rules.Facts.pupil;
import static uk.attendance.rules.Facts.pupilAttending;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.attendance.evaluation.DayStream;
import uk.attendance.intervention.InterventionKind;
import uk.attendance.rules.fact.ActionFact;
import uk.attendance.rules.fact.InterventionFact;
import uk.attendance.rules.fact.Period;
import uk.attendance.rules.fact.PeriodFacts;
import uk.attendance.rules.fact.Recommendation;

class CliffordAllSaintsLadderTest {

    private static final String HALF_TERM_DISCUSSION =
            "Clifford: Monitor — below expected attendance at the end of a half term — attendance team discussion";
    private static final String FACE_TO_FACE =
            "Clifford: Listen & understand — no improvement after the telephone meeting — face-to-face meeting";
    private static final String DIP_DISCUSSION = "Clifford: Monitor — dip between monitoring points — attendance team discussion";
    private static final String LETTER_1 = "Clifford: Formalise support — no improvement after the team discussion — pathway letter 1";
    private static final String LETTER_2 = "Clifford: Formalise support — no improvement after pathway letter 1 — pathway letter 2";
    private static final String PARENTING_CONTRACT = "Clifford: Formalise support — family declined formal support — parenting contract";
    private static final String LA_SUPPORT =
            "Clifford: Formalise support — pathway letter 2 sent — seek Local Authority Attendance Team support";
    private static final String LETTER_3 = "Clifford: Enforce — no improvement after pathway letter 2 — pathway letter 3";
    private static final String PENALTY_NOTICE = "Clifford: Enforce — pathway letter 3 includes a penalty notice";
    private static final String LASAP = "Clifford: Enforce — no improvement after the penalty notice — LASAP referral";
    private static final String LETTER_2_AGAIN = "Clifford: Enforce — no improvement after the penalty notice — pathway letter 2 issued again";
    private static final String LETTER_3_AGAIN =
            "Clifford: Enforce — no improvement after the repeated pathway letter 2 — pathway letter 3 issued again";

    private final LadderVerifier ladder = LadderVerifier.forPolicy("clifford-all-saints");

    private double threshold() {
        return ladder.parameters().number("monitor.thresholdPercent");
    }

    private double target() {
        return ladder.parameters().number("improvement.targetPercent");
    }

    private int days(String key) {
        return ladder.parameters().integer(key);
    }

    /** An Attendance Team discussion recorded {@code schoolDaysSince} ago, with attendance {@code since} after it. */
    private static InterventionFact discussion(int schoolDaysSince, double since) {
        return intervention("MEETING", schoolDaysSince).setType("ATTENDANCE_TEAM_DISCUSSION").setAttendancePercentSince(since);
    }

    private static InterventionFact letterSince(String type, int schoolDaysSince, double since) {
        return letter(type, schoolDaysSince).setAttendancePercentSince(since);
    }

    private static InterventionFact penaltyNoticeSince(String parentId, int schoolDaysSince, double since) {
        return intervention("PENALTY_NOTICE", schoolDaysSince).setParentId(parentId).setAttendancePercentSince(since);
    }

    // ----- Monitor: end of half term ---------------------------------------------------------

    // From register marks: the first half term (76 sessions) with some absence, the second (70 sessions) all present.
    // At the spring monitoring point the running figure for the year at 19 December is judged, not the half term's 100%.

    /** Six sessions missed: 140 of 146 (95.9%) for the year at 19 December, below 96%: discussed again in spring. */
    @Test
    void theRunningFigureForTheYearAtTheEndOfEachHalfTermIsDiscussed() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-10", "I", "I").judgeTo("2026-01-09");
        assertThat(judged.of("ATTENDANCE_TEAM_DISCUSSION")).filteredOn(h -> h.recommendation().getRule().equals(HALF_TERM_DISCUSSION))
                .extracting(h -> h.recommendation().getPeriod())
                .contains("2025/26 from 2026-01-05");
        DayStream.Held spring = judged.of("ATTENDANCE_TEAM_DISCUSSION").stream()
                .filter(h -> h.recommendation().getPeriod().equals("2025/26 from 2026-01-05")).findFirst().orElseThrow();
        assertThat(spring.on()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(spring.recommendation().getReason()).contains("95.9% for the year", "(100.0% in the half term)", "below 96%");
        assertThat(spring.recommendation().getRecordsType()).isEqualTo("ATTENDANCE_TEAM_DISCUSSION");
    }

    /** Just above: five sessions missed, 141 of 146 (96.6%) at 19 December: no spring discussion. */
    @Test
    void aRunningFigureOfNinetySixOrMoreIsNotDiscussed() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-09", "I", "I").day("2025-09-10", "I", "\\")
                .judgeTo("2026-01-09");
        assertThat(judged.of("ATTENDANCE_TEAM_DISCUSSION")).extracting(h -> h.recommendation().getPeriod())
                .doesNotContain("2025/26 from 2026-01-05");
    }

    // ----- Monitor: half-termly messages, lateness; the formal pathway's repeats; the school nurse ----

    /** 94.7% in the first half term (4 of 76 missed), 100% in the second: 5.3 points up, the message on 5 January. */
    @Test
    void significantImprovementIsToldToTheFamily() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-09", "I", "I").judgeTo("2026-01-09");
        assertThat(judged.first("IMPROVEMENT_MESSAGE").on()).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    /** Just below: 96.1% then 100%, 3.9 points. */
    @Test
    void aSmallImprovementIsNotSignificant() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).day("2025-09-08", "I", "I").day("2025-09-09", "I", "\\")
                .judgeTo("2026-01-09");
        assertThat(judged.types()).doesNotContain("IMPROVEMENT_MESSAGE");
    }

    /** Late on 5 sessions (L) in the first half term: support offered on 3 November. Four: none. */
    @Test
    void frequentLatenessLastHalfTermOffersSupport() {
        RegisterLadder.Judged five = RegisterLadder.of(ladder).days("2025-10-06", "2025-10-10", "L", "\\").judgeTo("2025-11-07");
        assertThat(five.first("LATENESS_SUPPORT").on()).isEqualTo(LocalDate.of(2025, 11, 3));
        RegisterLadder.Judged four = RegisterLadder.of(ladder).days("2025-10-06", "2025-10-09", "L", "\\").judgeTo("2025-11-07");
        assertThat(four.types()).doesNotContain("LATENESS_SUPPORT");
    }

    /** On the formal pathway (pathway letter 1 on 1 October) below 96%: an attempt to engage each month. At 100%: none. */
    @Test
    void monthlyAttemptToEngageTheFamilyOnTheFormalPathway() {
        RegisterLadder.Judged below = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-12", "O", "O")
                .intervention(InterventionKind.LETTER, "PATHWAY_1", "2025-10-01", null, null).judgeTo("2025-11-07");
        assertThat(below.of("RE_ENGAGEMENT")).extracting(h -> h.recommendation().getPeriod())
                .containsExactly("2025/26 month 2025-10", "2025/26 month 2025-11");
        RegisterLadder.Judged present = RegisterLadder.of(ladder)
                .intervention(InterventionKind.LETTER, "PATHWAY_1", "2025-10-01", null, null).judgeTo("2025-11-07");
        assertThat(present.types()).doesNotContain("RE_ENGAGEMENT");
    }

    /** At the Enforce stage (pathway letter 3 on 6 October) below 96%: a review each week, two to 17 October. */
    @Test
    void weeklyReviewAtTheEnforceStage() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-12", "O", "O")
                .intervention(InterventionKind.LETTER, "PATHWAY_3", "2025-10-06", null, null).judgeTo("2025-10-17");
        assertThat(judged.of("WEEKLY_REVIEW")).extracting(DayStream.Held::on)
                .containsExactly(LocalDate.of(2025, 10, 6), LocalDate.of(2025, 10, 13));
    }

    /** Persistently absent, and half the absent sessions medical (4 O then 4 I by 11 September): the school nurse. */
    @Test
    void absenceLargelyMedicalSeeksConsentForTheSchoolNurse() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-09", "O", "O")
                .days("2025-09-10", "2025-09-12", "I", "I").judgeTo("2025-09-19");
        assertThat(judged.first("SCHOOL_NURSE_REFERRAL").on()).isEqualTo(LocalDate.of(2025, 9, 11));
    }

    /** Just below: 6 O then 4 I, at most 40% medical. */
    @Test
    void absenceNotLargelyMedicalDoesNot() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-10", "O", "O")
                .days("2025-09-11", "2025-09-12", "I", "I").judgeTo("2025-09-19");
        assertThat(judged.types()).doesNotContain("SCHOOL_NURSE_REFERRAL");
    }

    // ----- Listen & understand: telephone, then face to face ------------------------------------

    /** A concern the team discussed on 6 October: the parents are telephoned first. */
    @Test
    void aConcernIdentifiedByTheTeamStartsWithATelephoneMeeting() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder)
                .intervention(InterventionKind.MEETING, "ATTENDANCE_TEAM_DISCUSSION", "2025-10-06", null, null).judgeTo("2025-10-10");
        assertThat(judged.first("PARENT_CALL").on()).isEqualTo(LocalDate.of(2025, 10, 6));
    }

    /** Ten school days after the call, 19 of 20 sessions (95%), below 96%: a face-to-face meeting. */
    @Test
    void noImprovementAfterTheCallBringsAFaceToFaceMeeting() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder)
                .intervention(InterventionKind.OTHER, "PARENT_TELEPHONE_MEETING", "2025-10-06", null, null)
                .day("2025-10-08", "I", "\\").judgeTo("2025-10-24");
        assertThat(judged.rules()).contains(FACE_TO_FACE);
        assertThat(judged.first("PARENT_MEETING").on()).isEqualTo(LocalDate.of(2025, 10, 20));
    }

    /** Just above: every session since the call (100%): no meeting. */
    @Test
    void attendanceImprovedAfterTheCallNoMeeting() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder)
                .intervention(InterventionKind.OTHER, "PARENT_TELEPHONE_MEETING", "2025-10-06", null, null).judgeTo("2025-10-24");
        assertThat(judged.rules()).doesNotContain(FACE_TO_FACE);
    }

    // ----- Monitor: dip between monitoring points --------------------------------------------

    @Test
    void pupilBelowThresholdWhoseAttendanceDipsThisHalfTermIsDiscussedAgain() {
        double dip = ladder.parameters().number("monitor.dip.percentagePoints");
        Recommendation discussion = ladder.given(pupilAttending(94.0, 150), period(Period.PREVIOUS_HALF_TERM, 97.0),
                        period(Period.CURRENT_HALF_TERM, 97.0 - dip))
                .expectFired(DIP_DISCUSSION)
                .expectRecommended("ATTENDANCE_TEAM_DISCUSSION")
                .recommendation("ATTENDANCE_TEAM_DISCUSSION");
        assertThat(discussion.getPeriod()).isEqualTo(Facts.context().getHalfTerm() + " (dip)");
    }

    @Test
    void noDipDiscussionForASmallDropForAPupilAtTheThresholdOrTooEarlyInTheHalfTerm() {
        double dip = ladder.parameters().number("monitor.dip.percentagePoints");
        ladder.given(pupilAttending(94.0, 150), period(Period.PREVIOUS_HALF_TERM, 97.0), period(Period.CURRENT_HALF_TERM, 97.0 - dip + 0.01))
                .expectNotFired(DIP_DISCUSSION);
        ladder.given(pupilAttending(threshold(), 150), period(Period.PREVIOUS_HALF_TERM, 99.0), period(Period.CURRENT_HALF_TERM, 90.0))
                .expectNotFired(DIP_DISCUSSION)
                .expectNothingRecommended();
        int tooFew = days("monitor.dip.minimumSessions") - 1;
        PeriodFacts earlyInHalfTerm = new PeriodFacts(PUPIL, Period.CURRENT_HALF_TERM, AS_OF.minusDays(10), AS_OF, tooFew, 80.0, 4, 0, 0, 0);
        ladder.given(pupilAttending(94.0, 150), period(Period.PREVIOUS_HALF_TERM, 97.0), earlyInHalfTerm)
                .expectNotFired(DIP_DISCUSSION);
    }

    // ----- Formalise support: pathway letters 1 and 2 ------------------------------------------

    @Test
    void noImprovementAfterTheTeamDiscussionBringsPathwayLetter1() {
        int review = days("formalise.afterDiscussion.reviewSchoolDays");
        Recommendation letter1 = ladder.given(pupilAttending(93.0, 100), discussion(review, target() - 0.01))
                .expectFired(LETTER_1)
                .expectRecommended("PATHWAY_LETTER_1")
                .recommendation("PATHWAY_LETTER_1");
        assertThat(letter1.getRecordsKind()).isEqualTo("LETTER");
        assertThat(letter1.getRecordsType()).isEqualTo("PATHWAY_1");
        assertThat(letter1.getReason()).contains("still below 96%");
    }

    @Test
    void noPathwayLetter1WhenAttendanceImprovedOrTheReviewPeriodHasNotPassed() {
        int review = days("formalise.afterDiscussion.reviewSchoolDays");
        ladder.given(pupilAttending(93.0, 100), discussion(review, target()))
                .expectNotFired(LETTER_1)
                .expectNotRecommended("PATHWAY_LETTER_1");
        ladder.given(pupilAttending(93.0, 100), discussion(review - 1, 80.0))
                .expectNotFired(LETTER_1)
                .expectNotRecommended("PATHWAY_LETTER_1");
    }

    @Test
    void noPathwayLetter1WithoutATeamDiscussionOrWhenANewerDiscussionRestartsTheReview() {
        int review = days("formalise.afterDiscussion.reviewSchoolDays");
        ladder.given(pupilAttending(80.0, 100))
                .expectNotRecommended("PATHWAY_LETTER_1");
        ladder.given(pupilAttending(93.0, 100), discussion(review + 15, 90.0), discussion(5, 90.0))
                .expectNotFired(LETTER_1)
                .expectNotRecommended("PATHWAY_LETTER_1");
    }

    @Test
    void pathwayLetter1WithNoImprovementMovesTheLadderOnToLetter2() {
        int review = days("formalise.afterLetter1.reviewSchoolDays");
        ladder.given(pupilAttending(92.0, 100), discussion(review + 25, 91.0), letterSince("PATHWAY_1", review, 92.0))
                .expectFired(LETTER_2)
                .expectRecommended("PATHWAY_LETTER_2")
                .expectNotFired(LETTER_1)
                .expectBand("Formalise support");
    }

    @Test
    void noPathwayLetter2BeforeTheReviewPeriodOrWhenAttendanceImproved() {
        int review = days("formalise.afterLetter1.reviewSchoolDays");
        ladder.given(pupilAttending(92.0, 100), letterSince("PATHWAY_1", review - 1, 80.0))
                .expectNotFired(LETTER_2)
                .expectNotRecommended("PATHWAY_LETTER_2");
        ladder.given(pupilAttending(92.0, 100), letterSince("PATHWAY_1", review, target()))
                .expectNotFired(LETTER_2)
                .expectNotRecommended("PATHWAY_LETTER_2");
    }

    @Test
    void aPathwayLetterFromLastAcademicYearDoesNotMoveThisYearsLadderOn() {
        int review = days("formalise.afterLetter1.reviewSchoolDays");
        ladder.given(pupilAttending(92.0, 100), letterSince("PATHWAY_1", review + 40, 85.0).setAcademicYear("2024/25"))
                .expectNotFired(LETTER_2)
                .expectNotRecommended("PATHWAY_LETTER_2");
    }

    // ----- Formalise support: parenting contract -----------------------------------------------

    @Test
    void familyDecliningFormalSupportBringsAParentingContractMeeting() {
        Recommendation contract = ladder.given(pupilAttending(threshold() - 0.01, 100),
                        intervention("EARLY_HELP", 5).setOutcome("DECLINED_SUPPORT"))
                .expectFired(PARENTING_CONTRACT)
                .expectRecommended("PARENTING_CONTRACT")
                .recommendation("PARENTING_CONTRACT");
        assertThat(contract.getRecordsKind()).isEqualTo("PARENTING_CONTRACT");
    }

    @Test
    void noParentingContractWhenSupportWasAcceptedAttendanceIsAtThresholdOrAContractIsInPlace() {
        ladder.given(pupilAttending(90.0, 100), intervention("EARLY_HELP", 5).setOutcome("ENGAGED"))
                .expectNotFired(PARENTING_CONTRACT)
                .expectNotRecommended("PARENTING_CONTRACT");
        ladder.given(pupilAttending(threshold(), 100), intervention("EARLY_HELP", 5).setOutcome("DECLINED_SUPPORT"))
                .expectNotFired(PARENTING_CONTRACT)
                .expectNotRecommended("PARENTING_CONTRACT");
        ladder.given(pupilAttending(90.0, 100), intervention("MEETING", 10).setOutcome("DECLINED_SUPPORT"),
                        intervention("PARENTING_CONTRACT", 3))
                .expectNotFired(PARENTING_CONTRACT)
                .expectNotRecommended("PARENTING_CONTRACT");
    }

    // ----- Formalise support: Local Authority Attendance Team ----------------------------------

    @Test
    void pathwayLetter2SentBringsLocalAuthorityAttendanceTeamSupport() {
        ladder.given(pupilAttending(92.0, 100), letterSince("PATHWAY_2", 2, 90.0))
                .expectFired(LA_SUPPORT)
                .expectRecommended("LA_ATTENDANCE_TEAM_SUPPORT");
        ladder.given(pupilAttending(92.0, 100), letterSince("PATHWAY_1", 2, 90.0))
                .expectNotFired(LA_SUPPORT)
                .expectNotRecommended("LA_ATTENDANCE_TEAM_SUPPORT");
    }

    // ----- Enforce: pathway letter 3 with a penalty notice -------------------------------------

    @Test
    void noImprovementAfterPathwayLetter2BringsLetter3AndAPenaltyNoticeForEachParent() {
        int review = days("enforce.afterLetter2.reviewSchoolDays");
        LadderVerifier.Outcome outcome = ladder.given(pupilAttending(90.0, 100), parent("P1"),
                        letterSince("PATHWAY_1", review + 20, 90.0), letterSince("PATHWAY_2", review, target() - 0.01).setUnauthorisedSessionsSince(4))
                .expectFired(LETTER_3)
                .expectFired(PENALTY_NOTICE)
                .expectRecommended("PATHWAY_LETTER_3")
                .expectRecommended("CONSIDER_PENALTY_NOTICE");
        assertThat(outcome.recommendation("CONSIDER_PENALTY_NOTICE").getParentIds()).containsExactly("P1");
        assertThat(outcome.recommendation("CONSIDER_PENALTY_NOTICE").getRule()).isEqualTo("Statutory: penalty notice requested — consider a penalty notice (parents under the cap)");
        assertThat(outcome.recommendation("PATHWAY_LETTER_3").getRecordsType()).isEqualTo("PATHWAY_3");
    }

    @Test
    void pupilNotOfCompulsorySchoolAgeGetsLetter3ButNoPenaltyNotice() {
        int review = days("enforce.afterLetter2.reviewSchoolDays");
        ladder.given(pupilAttending(90.0, 100).setCompulsorySchoolAge(false), parent("P1"),
                        letterSince("PATHWAY_2", review, 90.0).setUnauthorisedSessionsSince(4))
                .expectFired(PENALTY_NOTICE)
                .expectRecommended("PATHWAY_LETTER_3")
                .expectNotRecommended("CONSIDER_PENALTY_NOTICE")
                .expectNotRecommended("CONSIDER_ALTERNATIVE_LEGAL_ACTION");
    }

    @Test
    void noLetter3OrPenaltyNoticeBeforeTheReviewPeriodOrWhenAttendanceImproved() {
        int review = days("enforce.afterLetter2.reviewSchoolDays");
        ladder.given(pupilAttending(90.0, 100), parent("P1"), letterSince("PATHWAY_2", review - 1, 80.0).setUnauthorisedSessionsSince(6))
                .expectNotFired(LETTER_3)
                .expectNotFired(PENALTY_NOTICE)
                .expectNotRecommended("PATHWAY_LETTER_3")
                .expectNotRecommended("CONSIDER_PENALTY_NOTICE");
        ladder.given(pupilAttending(90.0, 100), parent("P1"), letterSince("PATHWAY_2", review, target()).setUnauthorisedSessionsSince(1))
                .expectNotFired(LETTER_3)
                .expectNotRecommended("CONSIDER_PENALTY_NOTICE");
    }

    @Test
    void noPenaltyNoticeWhenAllAbsenceSinceLetter2WasAuthorised() {
        int review = days("enforce.afterLetter2.reviewSchoolDays");
        ladder.given(pupilAttending(90.0, 100), parent("P1"), letterSince("PATHWAY_2", review, 85.0).setUnauthorisedSessionsSince(0))
                .expectFired(LETTER_3)
                .expectNotFired(PENALTY_NOTICE)
                .expectRecommended("PATHWAY_LETTER_3")
                .expectNotRecommended("CONSIDER_PENALTY_NOTICE");
    }

    @Test
    void penaltyNoticeAlreadyConsideredAfterLetter2IsNotAskedForAgain() {
        int review = days("enforce.afterLetter2.reviewSchoolDays");
        ActionFact considered = new ActionFact(PUPIL, "CONSIDER_PENALTY_NOTICE", "DISMISSED", AS_OF.minusDays(3), "2025/26 from 2025-09-03", 2);
        ladder.given(pupilAttending(90.0, 100), parent("P1"), letterSince("PATHWAY_2", review, 85.0).setUnauthorisedSessionsSince(5), considered)
                .expectFired(LETTER_3)
                .expectNotFired(PENALTY_NOTICE)
                .expectNotRecommended("CONSIDER_PENALTY_NOTICE");
    }

    // ----- Enforce: after the penalty notice ---------------------------------------------------

    @Test
    void noImprovementAfterThePenaltyNoticeBringsLasapAndPathwayLetter2Again() {
        int review = days("enforce.afterPenaltyNotice.reviewSchoolDays");
        InterventionFact notice = penaltyNoticeSince("P1", review, target() - 0.01);
        LadderVerifier.Outcome outcome = ladder.given(pupilAttending(89.0, 200), parent("P1"),
                        letterSince("PATHWAY_2", review + 25, 88.0), letterSince("PATHWAY_3", review + 1, 88.0), notice)
                .expectFired(LASAP)
                .expectFired(LETTER_2_AGAIN)
                .expectRecommended("LASAP_REFERRAL")
                .expectRecommended("PATHWAY_LETTER_2")
                .expectNotFired(PENALTY_NOTICE)
                .expectNotRecommended("CONSIDER_PENALTY_NOTICE")
                .expectBand("Enforce");
        assertThat(outcome.recommendation("PATHWAY_LETTER_2").getPeriod()).isEqualTo("2025/26 after penalty notice of " + notice.getDate());
        assertThat(outcome.recommendation("LASAP_REFERRAL").getRecordsKind()).isEqualTo("LA_REFERRAL");
    }

    @Test
    void twoParentsNoticesOnOneDayGiveOneLasapReferral() {
        int review = days("enforce.afterPenaltyNotice.reviewSchoolDays");
        InterventionFact second = penaltyNoticeSince("P2", review, 90.0).setId(99_999L);
        LadderVerifier.Outcome outcome = ladder.given(pupilAttending(89.0, 200), parent("P1"), parent("P2"),
                letterSince("PATHWAY_3", review + 1, 88.0), penaltyNoticeSince("P1", review, 90.0), second);
        assertThat(outcome.firedRules()).filteredOn(LASAP::equals).hasSize(1);
    }

    @Test
    void noLasapForAPupilPastCompulsorySchoolAge() {
        int review = days("enforce.afterPenaltyNotice.reviewSchoolDays");
        ladder.given(pupilAttending(89.0, 200).setCompulsorySchoolAge(false), parent("P1"),
                        letterSince("PATHWAY_3", review + 1, 88.0), penaltyNoticeSince("P1", review, target() - 0.01))
                .expectNotFired(LASAP)
                .expectNotRecommended("LASAP_REFERRAL");
    }

    @Test
    void noLasapBeforeTheReviewPeriodWhenAttendanceImprovedOrTheNoticeWasWithdrawn() {
        int review = days("enforce.afterPenaltyNotice.reviewSchoolDays");
        InterventionFact letter3 = letterSince("PATHWAY_3", review + 1, 88.0);
        ladder.given(pupilAttending(89.0, 200), letter3, penaltyNoticeSince("P1", review - 1, 70.0))
                .expectNotFired(LASAP)
                .expectNotRecommended("LASAP_REFERRAL")
                .expectNotRecommended("PATHWAY_LETTER_2");
        ladder.given(pupilAttending(89.0, 200), letter3, penaltyNoticeSince("P1", review, target()))
                .expectNotFired(LASAP)
                .expectNotRecommended("LASAP_REFERRAL");
        ladder.given(pupilAttending(89.0, 200), letter3, penaltyNoticeSince("P1", review, 70.0).setOutcome("WITHDRAWN"))
                .expectNotFired(LASAP)
                .expectNotRecommended("LASAP_REFERRAL");
    }

    @Test
    void penaltyNoticeOutsideThePathwayDoesNotGoToLasap() {
        int review = days("enforce.afterPenaltyNotice.reviewSchoolDays");
        ladder.given(pupilAttending(89.0, 200), penaltyNoticeSince("P1", review + 5, 80.0))
                .expectNotFired(LASAP)
                .expectNotRecommended("LASAP_REFERRAL");
    }

    @Test
    void noImprovementAfterTheRepeatedLetter2BringsPathwayLetter3AgainWithoutASecondNotice() {
        int review = days("enforce.afterRepeatedLetter2.reviewSchoolDays");
        InterventionFact notice = penaltyNoticeSince("P1", review + 22, 88.0);
        LadderVerifier.Outcome outcome = ladder.given(pupilAttending(88.0, 250), parent("P1"),
                        letterSince("PATHWAY_2", review + 45, 88.0), letterSince("PATHWAY_3", review + 23, 88.0), notice,
                        letterSince("PATHWAY_2", review, target() - 0.01).setUnauthorisedSessionsSince(6))
                .expectFired(LETTER_3_AGAIN)
                .expectRecommended("PATHWAY_LETTER_3")
                .expectNotFired(LETTER_3)
                .expectNotFired(PENALTY_NOTICE)
                .expectNotFired(LETTER_2_AGAIN)
                .expectNotRecommended("CONSIDER_PENALTY_NOTICE");
        assertThat(outcome.recommendation("PATHWAY_LETTER_3").getPeriod()).isEqualTo("2025/26 after penalty notice of " + notice.getDate());
    }

    @Test
    void noRepeatedLetter3BeforeTheReviewPeriodAfterTheRepeatedLetter2() {
        int review = days("enforce.afterRepeatedLetter2.reviewSchoolDays");
        ladder.given(pupilAttending(88.0, 250), letterSince("PATHWAY_3", review + 23, 88.0), penaltyNoticeSince("P1", review + 22, 88.0),
                        letterSince("PATHWAY_2", review - 1, 70.0))
                .expectNotFired(LETTER_3_AGAIN)
                .expectNotRecommended("PATHWAY_LETTER_3");
    }

    // ----- Bands --------------------------------------------------------------------------------

    @Test
    void pupilAtOrAboveThresholdWithNoFormalStepsHasNoBand() {
        ladder.given(pupilAttending(threshold(), 100), period(Period.PREVIOUS_HALF_TERM, 97.0))
                .expectNothingRecommended();
        assertThat(ladder.given(pupilAttending(threshold(), 100)).firedRules()).noneMatch(r -> r.startsWith("Clifford: band"));
    }

    @Test
    void furthestStageReachedThisYearIsTheBand() {
        assertThat(ladder.given(pupilAttending(90.0, 100), letter("PATHWAY_1", 3), letter("PATHWAY_3", 1)).firedRules())
                .contains("Clifford: band — Enforce")
                .doesNotContain("Clifford: band — Formalise support", "Clifford: band — Monitor");
        ladder.given(pupilAttending(90.0, 100), letter("PATHWAY_1", 3)).expectBand("Formalise support");
        ladder.given(pupilAttending(90.0, 100)).expectBand("Monitor: below 96%");
    }
}
