package uk.attendance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.attendance.rules.Facts.AS_OF;
import static uk.attendance.rules.Facts.PUPIL;
import static uk.attendance.rules.Facts.letter;
import static uk.attendance.rules.Facts.parent;
import static uk.attendance.rules.Facts.period;
import static uk.attendance.rules.Facts.pupilAttending;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.attendance.evaluation.DayStream;
import uk.attendance.intervention.InterventionKind;
import uk.attendance.rules.fact.ActionFact;
import uk.attendance.rules.fact.InterventionFact;
import uk.attendance.rules.fact.Period;
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

    private int days(String key) {
        return ladder.parameters().integer(key);
    }

    private static InterventionFact letterSince(String type, int schoolDaysSince, double since) {
        return letter(type, schoolDaysSince).setAttendancePercentSince(since);
    }

    // ----- Monitor: end of half term ---------------------------------------------------------

    // From register marks on the school's posted calendar: the first half term (74 sessions, the INSET day closed) with
    // some absence, the second (70 sessions) all present. At the spring monitoring point the running figure for the year
    // at 19 December is judged, not the half term's 100%.

    /** Six sessions missed: 138 of 144 (95.8%) for the year at 19 December, below 96%: discussed again in spring. */
    @Test
    void theRunningFigureForTheYearAtTheEndOfEachHalfTermIsDiscussed() {
        RegisterLadder.Judged judged = register().days("2025-09-08", "2025-09-10", "I", "I").judgeTo("2026-01-09");
        assertThat(judged.of("ATTENDANCE_TEAM_DISCUSSION")).filteredOn(h -> h.recommendation().getRule().equals(HALF_TERM_DISCUSSION))
                .extracting(h -> h.recommendation().getPeriod())
                .contains("2025/26 from 2026-01-05");
        DayStream.Held spring = judged.of("ATTENDANCE_TEAM_DISCUSSION").stream()
                .filter(h -> h.recommendation().getPeriod().equals("2025/26 from 2026-01-05")).findFirst().orElseThrow();
        assertThat(spring.on()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(spring.recommendation().getReason()).contains("95.8% for the year", "(100.0% in the half term)", "below 96%");
        assertThat(spring.recommendation().getRecordsType()).isEqualTo("ATTENDANCE_TEAM_DISCUSSION");
    }

    /** Just below: five sessions missed, 139 of 144 (96.5%) at 19 December: no spring discussion. */
    @Test
    void aRunningFigureOfNinetySixOrMoreIsNotDiscussed() {
        RegisterLadder.Judged judged = register().days("2025-09-08", "2025-09-09", "I", "I").day("2025-09-10", "I", "\\")
                .judgeTo("2026-01-09");
        assertThat(judged.of("ATTENDANCE_TEAM_DISCUSSION")).extracting(h -> h.recommendation().getPeriod())
                .doesNotContain("2025/26 from 2026-01-05");
    }

    // ----- Monitor: half-termly messages, lateness; the formal pathway's repeats; the school nurse ----

    /** 94.6% in the first half term (4 of 74 missed), 100% in the second: 5.4 points up, the message on 5 January. */
    @Test
    void significantImprovementIsToldToTheFamily() {
        RegisterLadder.Judged judged = register().days("2025-09-08", "2025-09-09", "I", "I").judgeTo("2026-01-09");
        assertThat(judged.first("IMPROVEMENT_MESSAGE").on()).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    /** Just below: one session fewer, 95.9% then 100%, 4.1 points. */
    @Test
    void aSmallImprovementIsNotSignificant() {
        RegisterLadder.Judged judged = register().day("2025-09-08", "I", "I").day("2025-09-09", "I", "\\")
                .judgeTo("2026-01-09");
        assertThat(judged.types()).doesNotContain("IMPROVEMENT_MESSAGE");
    }

    /** Late on 5 sessions (L) in the first half term: support offered on 3 November. Four: none. */
    @Test
    void frequentLatenessLastHalfTermOffersSupport() {
        RegisterLadder.Judged five = register().days("2025-10-06", "2025-10-10", "L", "\\").judgeTo("2025-11-07");
        assertThat(five.first("LATENESS_SUPPORT").on()).isEqualTo(LocalDate.of(2025, 11, 3));
        RegisterLadder.Judged four = register().days("2025-10-06", "2025-10-09", "L", "\\").judgeTo("2025-11-07");
        assertThat(four.types()).doesNotContain("LATENESS_SUPPORT");
    }

    /** On the formal pathway (pathway letter 1 on 1 October) below 96%: an attempt to engage each month. At 100%: none. */
    @Test
    void monthlyAttemptToEngageTheFamilyOnTheFormalPathway() {
        RegisterLadder.Judged below = register().days("2025-09-08", "2025-09-12", "O", "O")
                .intervention(InterventionKind.LETTER, "PATHWAY_1", "2025-10-01", null, null).judgeTo("2025-11-07");
        assertThat(below.of("RE_ENGAGEMENT")).extracting(h -> h.recommendation().getPeriod())
                .containsExactly("2025/26 month 2025-10", "2025/26 month 2025-11");
        RegisterLadder.Judged present = register()
                .intervention(InterventionKind.LETTER, "PATHWAY_1", "2025-10-01", null, null).judgeTo("2025-11-07");
        assertThat(present.types()).doesNotContain("RE_ENGAGEMENT");
    }

    /** At the Enforce stage (pathway letter 3 on 6 October) below 96%: a review each week, two to 17 October. */
    @Test
    void weeklyReviewAtTheEnforceStage() {
        RegisterLadder.Judged judged = register().days("2025-09-08", "2025-09-12", "O", "O")
                .intervention(InterventionKind.LETTER, "PATHWAY_3", "2025-10-06", null, null).judgeTo("2025-10-17");
        assertThat(judged.of("WEEKLY_REVIEW")).extracting(DayStream.Held::on)
                .containsExactly(LocalDate.of(2025, 10, 6), LocalDate.of(2025, 10, 13));
    }

    /** Persistently absent, and half the absent sessions medical (4 O then 4 I by 11 September): the school nurse. */
    @Test
    void absenceLargelyMedicalSeeksConsentForTheSchoolNurse() {
        RegisterLadder.Judged judged = register().days("2025-09-08", "2025-09-09", "O", "O")
                .days("2025-09-10", "2025-09-12", "I", "I").judgeTo("2025-09-19");
        assertThat(judged.first("SCHOOL_NURSE_REFERRAL").on()).isEqualTo(LocalDate.of(2025, 9, 11));
    }

    /** Just below: 6 O then 4 I, at most 40% medical. */
    @Test
    void absenceNotLargelyMedicalDoesNot() {
        RegisterLadder.Judged judged = register().days("2025-09-08", "2025-09-10", "O", "O")
                .days("2025-09-11", "2025-09-12", "I", "I").judgeTo("2025-09-19");
        assertThat(judged.types()).doesNotContain("SCHOOL_NURSE_REFERRAL");
    }

    // ----- Listen & understand: telephone, then face to face ------------------------------------

    /** A concern the team discussed on 6 October: the parents are telephoned first. */
    @Test
    void aConcernIdentifiedByTheTeamStartsWithATelephoneMeeting() {
        RegisterLadder.Judged judged = register()
                .intervention(InterventionKind.MEETING, "ATTENDANCE_TEAM_DISCUSSION", "2025-10-06", null, null).judgeTo("2025-10-10");
        assertThat(judged.first("PARENT_CALL").on()).isEqualTo(LocalDate.of(2025, 10, 6));
    }

    /** Ten school days after the call, 19 of 20 sessions (95%), below 96%: a face-to-face meeting. */
    @Test
    void noImprovementAfterTheCallBringsAFaceToFaceMeeting() {
        RegisterLadder.Judged judged = register()
                .intervention(InterventionKind.OTHER, "PARENT_TELEPHONE_MEETING", "2025-10-06", null, null)
                .day("2025-10-08", "I", "\\").judgeTo("2025-10-24");
        assertThat(judged.rules()).contains(FACE_TO_FACE);
        assertThat(judged.first("PARENT_MEETING").on()).isEqualTo(LocalDate.of(2025, 10, 20));
    }

    /** Just above: every session since the call (100%): no meeting. */
    @Test
    void attendanceImprovedAfterTheCallNoMeeting() {
        RegisterLadder.Judged judged = register()
                .intervention(InterventionKind.OTHER, "PARENT_TELEPHONE_MEETING", "2025-10-06", null, null).judgeTo("2025-10-24");
        assertThat(judged.rules()).doesNotContain(FACE_TO_FACE);
    }

    // ----- Monitor: dip between monitoring points --------------------------------------------
    // On the school's posted calendar (RegisterLadder.onPostedCalendar: the INSET day on 24 October, so the first half
    // term has 74 sessions): 2 missed there is 97.3%. The second half term's 20th session is on Friday 14 November.

    /** 97.3% last half term, 18 of the first 20 sessions this half term (90%), the year at 90 of 94 (95.7%): discussed. */
    @Test
    void pupilBelowThresholdWhoseAttendanceDipsThisHalfTermIsDiscussedAgain() {
        RegisterLadder.Judged judged = register().day("2025-09-08", "I", "I").day("2025-11-13", "I", "\\").day("2025-11-14", "I", "\\")
                .judgeTo("2025-11-21");
        DayStream.Held dip = judged.of("ATTENDANCE_TEAM_DISCUSSION").stream()
                .filter(h -> h.recommendation().getRule().equals(DIP_DISCUSSION)).findFirst().orElseThrow();
        // Judged once the half term has monitor.dip.minimumSessions (20): the 13th (18 sessions) is too early.
        assertThat(dip.on()).isEqualTo(LocalDate.of(2025, 11, 14));
        assertThat(dip.recommendation().getPeriod()).isEqualTo("2025/26 from 2025-11-03 (dip)");
    }

    /** Just below: one session fewer missed this half term, the year stays at 96% or more (91 of 94, 96.8%): no dip discussion. */
    @Test
    void noDipDiscussionForAPupilWhoseYearIsAtTheThreshold() {
        RegisterLadder.Judged judged = register().day("2025-09-08", "I", "I").day("2025-11-14", "I", "\\").judgeTo("2025-11-21");
        assertThat(judged.rules()).doesNotContain(DIP_DISCUSSION);
    }

    /**
     * Hand-set: the size of the dip (monitor.dip.percentagePoints, 1 point) at its edge. A half term's figure moves in
     * steps of several points per session this early, so no register reaches a drop of exactly 1 point and 0.99.
     */
    @Test
    void noDipDiscussionForADropSmallerThanTheDipSize() {
        double dip = ladder.parameters().number("monitor.dip.percentagePoints");
        ladder.given(pupilAttending(94.0, 150), period(Period.PREVIOUS_HALF_TERM, 97.0), period(Period.CURRENT_HALF_TERM, 97.0 - dip))
                .expectFired(DIP_DISCUSSION);
        ladder.given(pupilAttending(94.0, 150), period(Period.PREVIOUS_HALF_TERM, 97.0), period(Period.CURRENT_HALF_TERM, 97.0 - dip + 0.01))
                .expectNotFired(DIP_DISCUSSION);
    }

    // ----- Formalise support: pathway letters 1 and 2 ------------------------------------------
    // Each step 20 school days after the one before, when attendance since is below 96%: 38 of 40 sessions (95%) moves
    // on, 39 of 40 (97.5%) does not. 20 school days after 8 October is 13 November, across the INSET day and half term.

    /** The team discussion of 8 October; 38 of 40 sessions since: pathway letter 1 on 13 November, not on the 12th. */
    @Test
    void noImprovementAfterTheTeamDiscussionBringsPathwayLetter1() {
        RegisterLadder.Judged judged = register().intervention(InterventionKind.MEETING, "ATTENDANCE_TEAM_DISCUSSION", "2025-10-08", null, null)
                .day("2025-10-09", "I", "I").judgeTo("2025-11-14");
        assertThat(judged.first("PATHWAY_LETTER_1").on()).isEqualTo(LocalDate.of(2025, 11, 13));
        Recommendation letter1 = judged.recommendation("PATHWAY_LETTER_1");
        assertThat(letter1.getRule()).isEqualTo(LETTER_1);
        assertThat(letter1.getRecordsKind()).isEqualTo("LETTER");
        assertThat(letter1.getRecordsType()).isEqualTo("PATHWAY_1");
        assertThat(letter1.getReason()).contains("20 school days", "95.0%", "still below 96%");
    }

    /** Just below: 39 of 40 sessions since the discussion (97.5%): no letter. */
    @Test
    void noPathwayLetter1WhenAttendanceSinceTheDiscussionIsNinetySixOrMore() {
        RegisterLadder.Judged judged = register().intervention(InterventionKind.MEETING, "ATTENDANCE_TEAM_DISCUSSION", "2025-10-08", null, null)
                .day("2025-10-09", "I", "\\").judgeTo("2025-11-14");
        assertThat(judged.types()).doesNotContain("PATHWAY_LETTER_1");
    }

    /** Absence without a discussion, or a newer discussion (10 November) restarting the review: no letter 1 by 14 November. */
    @Test
    void noPathwayLetter1WithoutATeamDiscussionOrWhenANewerDiscussionRestartsTheReview() {
        assertThat(register().days("2025-10-09", "2025-10-10", "I", "I").judgeTo("2025-11-14").types()).doesNotContain("PATHWAY_LETTER_1");
        RegisterLadder.Judged restarted = register()
                .intervention(InterventionKind.MEETING, "ATTENDANCE_TEAM_DISCUSSION", "2025-10-08", null, null)
                .intervention(InterventionKind.MEETING, "ATTENDANCE_TEAM_DISCUSSION", "2025-11-10", null, null)
                .days("2025-10-09", "2025-10-10", "I", "I").day("2025-11-11", "I", "I").judgeTo("2025-11-14");
        assertThat(restarted.types()).doesNotContain("PATHWAY_LETTER_1");
    }

    /** Pathway letter 1 on 8 September, 38 of 40 since: letter 2 on 6 October (20 school days), not on 3 October. */
    @Test
    void pathwayLetter1WithNoImprovementMovesTheLadderOnToLetter2() {
        RegisterLadder letter1 = register().intervention(InterventionKind.LETTER, "PATHWAY_1", "2025-09-08", null, null).day("2025-09-09", "I", "I");
        RegisterLadder.Judged judged = letter1.judgeTo("2025-10-10");
        assertThat(judged.first("PATHWAY_LETTER_2").on()).isEqualTo(LocalDate.of(2025, 10, 6));
        assertThat(judged.recommendation("PATHWAY_LETTER_2").getRule()).isEqualTo(LETTER_2);
        letter1.on("2025-10-06").expectFired(LETTER_2).expectNotFired(LETTER_1).expectBand("Formalise support");
    }

    /** Just below: 39 of 40 sessions since letter 1: no letter 2. */
    @Test
    void noPathwayLetter2WhenAttendanceSinceLetter1IsNinetySixOrMore() {
        RegisterLadder.Judged judged = register().intervention(InterventionKind.LETTER, "PATHWAY_1", "2025-09-08", null, null)
                .day("2025-09-09", "I", "\\").judgeTo("2025-10-10");
        assertThat(judged.types()).doesNotContain("PATHWAY_LETTER_2");
    }

    /** Pathway letter 1 of last July does not move this year's ladder on, whatever the absence since. */
    @Test
    void aPathwayLetterFromLastAcademicYearDoesNotMoveThisYearsLadderOn() {
        RegisterLadder.Judged judged = register().intervention(InterventionKind.LETTER, "PATHWAY_1", "2025-07-10", null, null)
                .days("2025-09-08", "2025-09-10", "O", "O").judgeTo("2025-10-10");
        assertThat(judged.types()).doesNotContain("PATHWAY_LETTER_2");
    }

    // ----- Formalise support: parenting contract -----------------------------------------------
    // One morning missed on 8 September: 23 of 24 sessions (95.8%) on 18 September, 25 of 26 (96.2%) on the 19th.

    /** Support declined on 18 September with the year at 95.8%: the parenting contract that day. */
    @Test
    void familyDecliningFormalSupportBringsAParentingContractMeeting() {
        RegisterLadder.Judged judged = register().day("2025-09-08", "I", "\\")
                .intervention(InterventionKind.EARLY_HELP, "OFFER", "2025-09-18", null, "DECLINED_SUPPORT").judgeTo("2025-09-26");
        assertThat(judged.first("PARENTING_CONTRACT").on()).isEqualTo(LocalDate.of(2025, 9, 18));
        assertThat(judged.recommendation("PARENTING_CONTRACT").getRule()).isEqualTo(PARENTING_CONTRACT);
        assertThat(judged.recommendation("PARENTING_CONTRACT").getRecordsKind()).isEqualTo("PARENTING_CONTRACT");
    }

    /** Just below: declined one school day later, with the year at 96.2%: no contract. */
    @Test
    void noParentingContractWhenAttendanceIsAtThreshold() {
        RegisterLadder.Judged judged = register().day("2025-09-08", "I", "\\")
                .intervention(InterventionKind.EARLY_HELP, "OFFER", "2025-09-19", null, "DECLINED_SUPPORT").judgeTo("2025-09-26");
        assertThat(judged.types()).doesNotContain("PARENTING_CONTRACT");
    }

    @Test
    void noParentingContractWhenSupportWasAcceptedOrAContractIsInPlace() {
        assertThat(register().days("2025-09-08", "2025-09-09", "I", "I")
                .intervention(InterventionKind.EARLY_HELP, "OFFER", "2025-09-10", null, "ENGAGED").judgeTo("2025-09-26").types())
                .doesNotContain("PARENTING_CONTRACT");
        assertThat(register().days("2025-09-08", "2025-09-09", "I", "I")
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-09-10", true, "DECLINED_SUPPORT")
                .intervention(InterventionKind.PARENTING_CONTRACT, null, "2025-09-10", null, null).judgeTo("2025-09-26").types())
                .doesNotContain("PARENTING_CONTRACT");
    }

    // ----- Formalise support: Local Authority Attendance Team ----------------------------------

    /** Pathway letter 2 sent on 8 October: LA Attendance Team support that day; after letter 1 only, none. */
    @Test
    void pathwayLetter2SentBringsLocalAuthorityAttendanceTeamSupport() {
        RegisterLadder.Judged judged = register().intervention(InterventionKind.LETTER, "PATHWAY_2", "2025-10-08", null, null)
                .judgeTo("2025-10-10");
        assertThat(judged.first("LA_ATTENDANCE_TEAM_SUPPORT").on()).isEqualTo(LocalDate.of(2025, 10, 8));
        assertThat(judged.recommendation("LA_ATTENDANCE_TEAM_SUPPORT").getRule()).isEqualTo(LA_SUPPORT);
        RegisterLadder.Judged letter1 = register().intervention(InterventionKind.LETTER, "PATHWAY_1", "2025-10-08", null, null)
                .judgeTo("2025-10-10");
        assertThat(letter1.types()).doesNotContain("LA_ATTENDANCE_TEAM_SUPPORT");
    }

    // ----- Enforce: pathway letter 3 with a penalty notice -------------------------------------

    /** Letter 2 of 8 October; 38 of 40 sessions since, two of them unauthorised (O): letter 3 and the notice on 13 November. */
    @Test
    void noImprovementAfterPathwayLetter2BringsLetter3AndAPenaltyNoticeForEachParent() {
        RegisterLadder letter2 = register().parent("P1").intervention(InterventionKind.LETTER, "PATHWAY_2", "2025-10-08", null, null)
                .day("2025-10-09", "O", "O");
        RegisterLadder.Judged judged = letter2.judgeTo("2025-11-14");
        assertThat(judged.first("PATHWAY_LETTER_3").on()).isEqualTo(LocalDate.of(2025, 11, 13));
        assertThat(judged.first("CONSIDER_PENALTY_NOTICE").on()).isEqualTo(LocalDate.of(2025, 11, 13));
        assertThat(judged.recommendation("PATHWAY_LETTER_3").getRecordsType()).isEqualTo("PATHWAY_3");
        Recommendation notice = judged.recommendation("CONSIDER_PENALTY_NOTICE");
        assertThat(notice.getParentIds()).containsExactly("P1");
        assertThat(notice.getRule()).isEqualTo("Statutory: penalty notice requested — consider a penalty notice (parents under the cap)");
        letter2.on("2025-11-13").expectFired(LETTER_3).expectFired(PENALTY_NOTICE);
    }

    /** Just below: 39 of 40 sessions since letter 2: neither letter 3 nor the notice. */
    @Test
    void noLetter3OrPenaltyNoticeWhenAttendanceSinceLetter2IsNinetySixOrMore() {
        RegisterLadder.Judged judged = register().parent("P1").intervention(InterventionKind.LETTER, "PATHWAY_2", "2025-10-08", null, null)
                .day("2025-10-09", "O", "\\").judgeTo("2025-11-14");
        assertThat(judged.types()).doesNotContain("PATHWAY_LETTER_3", "CONSIDER_PENALTY_NOTICE");
    }

    /** A four-year-old (born March 2021) gets letter 3 but no penalty notice. */
    @Test
    void pupilNotOfCompulsorySchoolAgeGetsLetter3ButNoPenaltyNotice() {
        RegisterLadder letter2 = register().born("2021-03-01").parent("P1")
                .intervention(InterventionKind.LETTER, "PATHWAY_2", "2025-10-08", null, null).day("2025-10-09", "O", "O");
        assertThat(letter2.judgeTo("2025-11-14").types()).contains("PATHWAY_LETTER_3")
                .doesNotContain("CONSIDER_PENALTY_NOTICE", "CONSIDER_ALTERNATIVE_LEGAL_ACTION");
        letter2.on("2025-11-13").expectFired(PENALTY_NOTICE);
    }

    /** Letter 2 of 8 September, two sessions of illness (I) since: letter 3 on 6 October, no notice. */
    @Test
    void noPenaltyNoticeWhenAllAbsenceSinceLetter2WasAuthorised() {
        RegisterLadder.Judged judged = register().parent("P1").intervention(InterventionKind.LETTER, "PATHWAY_2", "2025-09-08", null, null)
                .day("2025-09-09", "I", "I").judgeTo("2025-10-10");
        assertThat(judged.first("PATHWAY_LETTER_3").on()).isEqualTo(LocalDate.of(2025, 10, 6));
        assertThat(judged.types()).doesNotContain("CONSIDER_PENALTY_NOTICE");
    }

    /**
     * Hand-set: a "consider a penalty notice" the lead dismissed after letter 2. A dismissal is a decision on an action,
     * not a register mark, and RegisterLadder records no decisions.
     */
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
    // Letter 3 and the notice on 8 September; 20 school days later is 6 October.

    private RegisterLadder afterNotice() {
        return register().parent("P1").intervention(InterventionKind.LETTER, "PATHWAY_3", "2025-09-08", null, null).penaltyNotice("P1", "2025-09-08");
    }

    /** 38 of 40 sessions since the notice: LASAP and pathway letter 2 again on 6 October, not on 3 October. */
    @Test
    void noImprovementAfterThePenaltyNoticeBringsLasapAndPathwayLetter2Again() {
        RegisterLadder notice = afterNotice().day("2025-09-09", "I", "I");
        RegisterLadder.Judged judged = notice.judgeTo("2025-10-10");
        assertThat(judged.first("LASAP_REFERRAL").on()).isEqualTo(LocalDate.of(2025, 10, 6));
        assertThat(judged.first("PATHWAY_LETTER_2").on()).isEqualTo(LocalDate.of(2025, 10, 6));
        assertThat(judged.recommendation("PATHWAY_LETTER_2").getPeriod()).isEqualTo("2025/26 after penalty notice of 2025-09-08");
        assertThat(judged.recommendation("LASAP_REFERRAL").getRecordsKind()).isEqualTo("LA_REFERRAL");
        assertThat(judged.types()).doesNotContain("CONSIDER_PENALTY_NOTICE");
        notice.on("2025-10-06").expectFired(LASAP).expectFired(LETTER_2_AGAIN).expectNotFired(PENALTY_NOTICE).expectBand("Enforce");
    }

    /** Just below: 39 of 40 sessions since the notice: no LASAP, no letter 2 again. */
    @Test
    void noLasapWhenAttendanceSinceTheNoticeIsNinetySixOrMore() {
        RegisterLadder.Judged judged = afterNotice().day("2025-09-09", "I", "\\").judgeTo("2025-10-10");
        assertThat(judged.types()).doesNotContain("LASAP_REFERRAL", "PATHWAY_LETTER_2");
    }

    @Test
    void twoParentsNoticesOnOneDayGiveOneLasapReferral() {
        LadderVerifier.Outcome outcome = afterNotice().parent("P2").penaltyNotice("P2", "2025-09-08").day("2025-09-09", "I", "I")
                .on("2025-10-06");
        assertThat(outcome.firedRules()).filteredOn(LASAP::equals).hasSize(1);
    }

    @Test
    void noLasapForAPupilPastCompulsorySchoolAge() {
        RegisterLadder.Judged judged = afterNotice().born("2021-03-01").day("2025-09-09", "I", "I").judgeTo("2025-10-10");
        assertThat(judged.rules()).doesNotContain(LASAP);
    }

    /** A withdrawn notice does not count; a notice outside the pathway (no letter 3) does not go to LASAP. */
    @Test
    void noLasapWhenTheNoticeWasWithdrawnOrOutsideThePathway() {
        RegisterLadder.Judged withdrawn = register().parent("P1")
                .intervention(InterventionKind.LETTER, "PATHWAY_3", "2025-09-08", null, null)
                .intervention(InterventionKind.PENALTY_NOTICE, null, "2025-09-08", null, "WITHDRAWN")
                .days("2025-09-09", "2025-09-10", "I", "I").judgeTo("2025-10-10");
        assertThat(withdrawn.types()).doesNotContain("LASAP_REFERRAL");
        RegisterLadder.Judged outside = register().parent("P1").penaltyNotice("P1", "2025-09-08")
                .days("2025-09-09", "2025-09-10", "I", "I").judgeTo("2025-10-10");
        assertThat(outside.types()).doesNotContain("LASAP_REFERRAL");
    }

    /** Letter 2 again on 9 September, 38 of 40 since: letter 3 again on 7 October, not the 6th, and no second notice. */
    @Test
    void noImprovementAfterTheRepeatedLetter2BringsPathwayLetter3AgainWithoutASecondNotice() {
        RegisterLadder again = afterNotice().intervention(InterventionKind.LETTER, "PATHWAY_2", "2025-09-09", null, null)
                .day("2025-09-10", "O", "O");
        RegisterLadder.Judged judged = again.judgeTo("2025-10-10");
        assertThat(judged.first("PATHWAY_LETTER_3").on()).isEqualTo(LocalDate.of(2025, 10, 7));
        assertThat(judged.recommendation("PATHWAY_LETTER_3").getPeriod()).isEqualTo("2025/26 after penalty notice of 2025-09-08");
        assertThat(judged.types()).doesNotContain("CONSIDER_PENALTY_NOTICE");
        again.on("2025-10-07").expectFired(LETTER_3_AGAIN).expectNotFired(LETTER_3).expectNotFired(PENALTY_NOTICE)
                .expectNotFired(LETTER_2_AGAIN);
    }

    /** Just below: 39 of 40 sessions since letter 2 again: no letter 3 again. */
    @Test
    void noRepeatedLetter3WhenAttendanceSinceTheRepeatedLetter2IsNinetySixOrMore() {
        RegisterLadder.Judged judged = afterNotice().intervention(InterventionKind.LETTER, "PATHWAY_2", "2025-09-09", null, null)
                .day("2025-09-10", "I", "\\").judgeTo("2025-10-10");
        assertThat(judged.types()).doesNotContain("PATHWAY_LETTER_3");
    }

    // ----- Bands --------------------------------------------------------------------------------

    /** Every session attended, a last half term at 100%: no band, nothing recommended on 3 November. */
    @Test
    void pupilAtOrAboveThresholdWithNoFormalStepsHasNoBand() {
        assertThat(register().on("2025-11-03").firedRules()).noneMatch(r -> r.startsWith("Clifford: band"));
    }

    /** Two sessions missed by 12 September (18 of 20, 90%): Monitor; with letter 1, Formalise support; with letter 3, Enforce. */
    @Test
    void furthestStageReachedThisYearIsTheBand() {
        register().day("2025-09-08", "I", "I").on("2025-09-12").expectBand("Monitor: below 96%");
        register().day("2025-09-08", "I", "I").intervention(InterventionKind.LETTER, "PATHWAY_1", "2025-09-09", null, null)
                .on("2025-09-12").expectBand("Formalise support");
        assertThat(register().day("2025-09-08", "I", "I").intervention(InterventionKind.LETTER, "PATHWAY_1", "2025-09-09", null, null)
                .intervention(InterventionKind.LETTER, "PATHWAY_3", "2025-09-11", null, null).on("2025-09-12").firedRules())
                .contains("Clifford: band — Enforce")
                .doesNotContain("Clifford: band — Formalise support", "Clifford: band — Monitor");
    }

    /** The pupil's register on the school's posted calendar (the INSET day on 24 October). */
    private RegisterLadder register() {
        return RegisterLadder.onPostedCalendar(ladder);
    }
}
