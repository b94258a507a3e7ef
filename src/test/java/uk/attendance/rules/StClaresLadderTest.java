package uk.attendance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.attendance.rules.Facts.intervention;
import static uk.attendance.rules.Facts.letter;
import static uk.attendance.rules.Facts.meeting;
import static uk.attendance.rules.Facts.parent;
import static uk.attendance.rules.Facts.period;
import static uk.attendance.rules.Facts.pupil;
import static uk.attendance.rules.Facts.pupilAttending;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.attendance.evaluation.DayStream;
import uk.attendance.intervention.InterventionKind;
import uk.attendance.rules.fact.InterventionFact;
import uk.attendance.rules.fact.Period;
import uk.attendance.rules.fact.PeriodFacts;

class StClaresLadderTest {

    private static final String GREEN = "St Clare's: 7.21 band — GREEN";
    private static final String AMBER_GREEN = "St Clare's: 7.21 band — AMBER-GREEN";
    private static final String RED_AMBER = "St Clare's: 7.21 band — RED-AMBER";
    private static final String RED = "St Clare's: 7.21 band — RED";
    private static final String TARGET_AMBER_GREEN = "St Clare's: AMBER-GREEN — individual attendance target and review date";
    private static final String TARGET_RED_AMBER = "St Clare's: RED-AMBER — individual attendance target and review date";
    private static final String TARGET_RED = "St Clare's: RED — individual attendance target, RED-AMBER interventions escalated";
    private static final String CONCERN_UNAUTHORISED =
            "St Clare's: AMBER-GREEN / RED-AMBER — unauthorised absence last half term — concern letter";
    private static final String CONCERN_NOT_IMPROVED =
            "St Clare's: AMBER-GREEN / RED-AMBER — no improvement at the target review — concern letter";
    private static final String MEETING = "St Clare's: no improvement after the concern letter — parent meeting";
    private static final String PN_START_OUTCOME = "St Clare's: meeting outcome — penalty notice monitoring period commences";
    private static final String PN_START_MISSED =
            "St Clare's: parent missed the meeting with unauthorised absence — penalty notice monitoring period commences";
    private static final String PN_REQUEST = "St Clare's: unauthorised absence in the penalty notice monitoring period — penalty notice";
    private static final String PANEL = "St Clare's: RED-AMBER — interventions had unsatisfactory impact — attendance panel";
    private static final String REFERRAL_AFTER_VISITS =
            "St Clare's: RED-AMBER — home visits made after the missed panel — refer to the local authority";
    private static final String REFERRAL_BY_PANEL = "St Clare's: RED-AMBER — attendance panel outcome — refer to the local authority";

    private static final String HALF_TERM = "2025/26 from 2025-11-03";

    private final LadderVerifier ladder = LadderVerifier.forPolicy("st-clares");

    // --- 7.21 bands and 7.22 arrow -----------------------------------------------------------

    // Bands from register marks on the test calendar (RegisterLadder: no INSET day, so the first half term has 38 school
    // days, 76 sessions): GREEN (97%) is at most 2 missed, AMBER-GREEN (94%) at most 4, RED-AMBER (90%) at most 7.
    // The scenarios (scenarios/bands.scenario) do the same on the school's calendar, with its INSET day (74 sessions).
    // The tests just below with exact percentages check how the seed's gaps (96.5%, 93.5%, exactly 90%) are banded,
    // which no half term of 74 or 76 sessions reaches exactly.

    @Test
    void greenFromNinetySevenPercentLastHalfTerm() {
        RegisterLadder.of(ladder).day("2025-09-08", "I", "I").on("2025-11-03")
                .expectFired(GREEN).expectNotFired(AMBER_GREEN).expectBand("GREEN");
        RegisterLadder.of(ladder).day("2025-09-08", "I", "I").day("2025-09-09", "I", "\\").on("2025-11-03")
                .expectFired(AMBER_GREEN).expectNotFired(GREEN).expectBand("AMBER-GREEN");
    }

    @Test
    void amberGreenFromNinetyFourPercentIncludingTheGapAbove96() {
        ladder.given(pupil(), lastHalfTerm(94.0)).expectFired(AMBER_GREEN).expectBand("AMBER-GREEN");
        ladder.given(pupil(), lastHalfTerm(96.5)).expectFired(AMBER_GREEN).expectNotFired(GREEN);
        ladder.given(pupil(), lastHalfTerm(93.99)).expectNotFired(AMBER_GREEN).expectFired(RED_AMBER);
    }

    @Test
    void redAmberFromNinetyPercentIncludingTheGapsAt93And90() {
        ladder.given(pupil(), lastHalfTerm(93.5)).expectFired(RED_AMBER).expectBand("RED-AMBER");
        ladder.given(pupil(), lastHalfTerm(90.5)).expectFired(RED_AMBER);
        ladder.given(pupil(), lastHalfTerm(90.0)).expectFired(RED_AMBER).expectNotFired(RED);
        ladder.given(pupil(), lastHalfTerm(89.99)).expectFired(RED).expectNotFired(RED_AMBER).expectBand("RED");
    }

    @Test
    void arrowShowsImprovedSameOrWorseAgainstTheHalfTermBefore() {
        ladder.given(pupil(), lastHalfTerm(92.0), halfTermBefore(95.0)).expectBand("RED-AMBER ↓");
        ladder.given(pupil(), lastHalfTerm(95.0), halfTermBefore(92.0)).expectBand("AMBER-GREEN ↑");
        ladder.given(pupil(), lastHalfTerm(98.3), halfTermBefore(98.6)).expectBand("GREEN →");
    }

    @Test
    void noPreviousHalfTermMeansNoBandAndNoBandActions() {
        ladder.given(pupilAttending(85.0, 40))
                .expectNotFired(RED)
                .expectNothingRecommended();
    }

    // --- GREEN ----------------------------------------------------------------------------------

    /** 74 of 76 sessions (97.4%) last half term: the congratulation letter and the merit reward, each half term. */
    @Test
    void greenPupilGetsCongratulationLetterEachHalfTerm() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).day("2025-09-08", "I", "I").judgeTo("2026-01-05");
        assertThat(judged.of("CONGRATULATION_LETTER")).extracting(DayStream.Held::on)
                .containsExactly(LocalDate.of(2025, 11, 3), LocalDate.of(2026, 1, 5));
        assertThat(judged.of("MERIT_REWARD")).extracting(DayStream.Held::on)
                .containsExactly(LocalDate.of(2025, 11, 3), LocalDate.of(2026, 1, 5));
        assertThat(judged.recommendation("CONGRATULATION_LETTER").getPeriod()).isEqualTo(HALF_TERM);
        assertThat(judged.recommendation("CONGRATULATION_LETTER").getReason()).contains("97.4%", "76 sessions");
        assertThat(judged.types()).doesNotContain("ATTENDANCE_TARGET", "CONCERN_LETTER");
    }

    /** Just below: 73 of 76 (96.1%), AMBER-GREEN: no letter, no reward, and the target to reach GREEN instead. */
    @Test
    void amberGreenPupilGetsTargetInSessionsToReachGreen() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).day("2025-09-08", "I", "I").day("2025-09-09", "I", "\\")
                .judgeTo("2025-11-07");
        assertThat(judged.types()).doesNotContain("CONGRATULATION_LETTER", "MERIT_REWARD", "CONCERN_LETTER");
        assertThat(judged.first("ATTENDANCE_TARGET").on()).isEqualTo(LocalDate.of(2025, 11, 3));
        assertThat(judged.recommendation("ATTENDANCE_TARGET").getRule()).isEqualTo(TARGET_AMBER_GREEN);
        // 76 sessions at 97% or more: at most 2 missed.
        assertThat(judged.recommendation("ATTENDANCE_TARGET").getReason())
                .contains("reach GREEN (97% or more)", "no more than 2 sessions", "Review in 15 school days");
        assertThat(judged.recommendation("ATTENDANCE_TARGET").getPeriod()).isEqualTo(HALF_TERM);
        assertThat(judged.recommendation("ATTENDANCE_TARGET").getRecordsKind()).isEqualTo("ATTENDANCE_TARGET");
    }

    /** 71 of 76 (93.4%), one session below AMBER-GREEN: RED-AMBER, whose target is AMBER-GREEN, at most 4 missed. */
    @Test
    void redAmberPupilGetsTargetToReachAmberGreen() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-09", "I", "I").day("2025-09-10", "I", "\\")
                .judgeTo("2025-11-07");
        assertThat(judged.recommendation("ATTENDANCE_TARGET").getRule()).isEqualTo(TARGET_RED_AMBER);
        assertThat(judged.recommendation("ATTENDANCE_TARGET").getReason()).contains("reach AMBER-GREEN (94% or more)", "no more than 4 sessions");
    }

    /** 68 of 76 (89.5%), one session below RED-AMBER: RED, whose target is RED-AMBER, at most 7 missed. */
    @Test
    void redPupilGetsTargetToReachRedAmber() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-11", "I", "I").judgeTo("2025-11-07");
        assertThat(judged.recommendation("ATTENDANCE_TARGET").getRule()).isEqualTo(TARGET_RED);
        assertThat(judged.recommendation("ATTENDANCE_TARGET").getReason()).contains("reach RED-AMBER (90% or more)", "no more than 7 sessions");
    }

    // --- Letter of concern ----------------------------------------------------------------------

    /** AMBER-GREEN (73 of 76) with one of the three sessions unauthorised (O): the letter of concern, each half term. */
    @Test
    void concernLetterWhenUnauthorisedAbsenceLastHalfTerm() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).day("2025-09-08", "I", "I").day("2025-09-09", "O", "\\")
                .judgeTo("2025-11-07");
        assertThat(judged.first("CONCERN_LETTER").on()).isEqualTo(LocalDate.of(2025, 11, 3));
        assertThat(judged.recommendation("CONCERN_LETTER").getRule()).isEqualTo(CONCERN_UNAUTHORISED);
        assertThat(judged.recommendation("CONCERN_LETTER").getReason()).contains("1 session of unauthorised absence");
        assertThat(judged.recommendation("CONCERN_LETTER").getPeriod()).isEqualTo(HALF_TERM);
    }

    /** Just below: the same three sessions authorised; or GREEN (74 of 76) with its unauthorised one: no letter. */
    @Test
    void noConcernLetterWithoutUnauthorisedAbsenceOrWhenGreen() {
        RegisterLadder.Judged authorised = RegisterLadder.of(ladder).day("2025-09-08", "I", "I").day("2025-09-09", "I", "\\")
                .judgeTo("2025-11-07");
        assertThat(authorised.types()).doesNotContain("CONCERN_LETTER");
        RegisterLadder.Judged green = RegisterLadder.of(ladder).day("2025-09-08", "I", "O").judgeTo("2025-11-07");
        assertThat(green.types()).doesNotContain("CONCERN_LETTER");
    }

    @Test
    void concernLetterWhenAttendanceHasNotImprovedAtTheTargetReview() {
        int review = ladder.parameters().integer("target.review.schoolDays");
        ladder.given(pupil(), lastHalfTerm(92.0), target(review, 92.5, 92.5))
                .expectFired(CONCERN_NOT_IMPROVED)
                .expectRecommended("CONCERN_LETTER");
    }

    @Test
    void noConcernLetterBeforeTheReviewDateOrWhenAttendanceImproved() {
        int review = ladder.parameters().integer("target.review.schoolDays");
        ladder.given(pupil(), lastHalfTerm(92.0), target(review - 1, 92.5, 90.0))
                .expectNotFired(CONCERN_NOT_IMPROVED)
                .expectNotRecommended("CONCERN_LETTER");
        ladder.given(pupil(), lastHalfTerm(92.0), target(review, 92.5, 96.0))
                .expectNotFired(CONCERN_NOT_IMPROVED)
                .expectNotRecommended("CONCERN_LETTER");
    }

    // "Not improved" at the target review, from register marks: 6 of 76 sessions missed (I) in the first half term,
    // 92.1%, RED-AMBER, whose target is the band above (94%). The target is set on 3 November and reviewed after its
    // school days, on 24 November; attendance since is what the review judges.

    /** 28 of 30 sessions since the target (93.3%): below the band above, though above the year's 92%; the letter. */
    @Test
    void concernLetterWhenAttendanceSinceTheTargetIsBelowTheBandAbove() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-10", "I", "I")
                .intervention(InterventionKind.ATTENDANCE_TARGET, "INDIVIDUAL_TARGET", "2025-11-03", null, null)
                .day("2025-11-10", "I", "I").judgeTo("2025-11-24");
        assertThat(judged.rules()).contains(CONCERN_NOT_IMPROVED);
        assertThat(judged.recommendation("CONCERN_LETTER").getReason()).contains("below 94%");
    }

    /** Just above the line: 29 of 30 (96.7%) since the target, at or above the band above: no letter. */
    @Test
    void noConcernLetterWhenAttendanceSinceTheTargetReachesTheBandAbove() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-10", "I", "I")
                .intervention(InterventionKind.ATTENDANCE_TARGET, "INDIVIDUAL_TARGET", "2025-11-03", null, null)
                .day("2025-11-10", "I", "\\").judgeTo("2025-11-24");
        assertThat(judged.rules()).doesNotContain(CONCERN_NOT_IMPROVED);
    }

    @Test
    void noSecondConcernLetterForTheSameTargetReview() {
        int review = ladder.parameters().integer("target.review.schoolDays");
        ladder.given(pupil(), lastHalfTerm(92.0), target(review + 5, 92.5, 92.0), concernLetter(3, 92.0, 92.0))
                .expectNotFired(CONCERN_NOT_IMPROVED);
    }

    // --- Parent meeting -------------------------------------------------------------------------

    @Test
    void parentMeetingWhenNoImprovementAfterTheConcernLetter() {
        int review = ladder.parameters().integer("concernLetter.review.schoolDays");
        InterventionFact letter = concernLetter(review, 93.0, 91.0);
        LadderVerifier.Outcome outcome = ladder.given(pupil(), lastHalfTerm(93.0), letter)
                .expectFired(MEETING)
                .expectRecommended("PARENT_MEETING");
        assertThat(outcome.recommendation("PARENT_MEETING").getPeriod()).isEqualTo("2025/26 after concern letter of " + letter.getDate());
        assertThat(outcome.recommendation("PARENT_MEETING").getRecordsType()).isEqualTo("PARENT_MEETING");
    }

    @Test
    void noParentMeetingBeforeTheReviewOrWhenImprovedOrAlreadyHeld() {
        int review = ladder.parameters().integer("concernLetter.review.schoolDays");
        ladder.given(pupil(), lastHalfTerm(93.0), concernLetter(review - 1, 93.0, 91.0))
                .expectNotFired(MEETING)
                .expectNotRecommended("PARENT_MEETING");
        ladder.given(pupil(), lastHalfTerm(93.0), concernLetter(review, 93.0, 95.0))
                .expectNotFired(MEETING)
                .expectNotRecommended("PARENT_MEETING");
        ladder.given(pupil(), lastHalfTerm(93.0), concernLetter(review + 5, 93.0, 91.0), parentMeeting(2, true, "RESOLVED"))
                .expectNotFired(MEETING)
                .expectNotRecommended("PARENT_MEETING");
    }

    // --- Penalty notice monitoring period --------------------------------------------------------

    @Test
    void meetingOutcomeStartsPenaltyNoticeMonitoring() {
        InterventionFact meeting = parentMeeting(1, true, "PN_MONITORING");
        LadderVerifier.Outcome outcome = ladder.given(pupil(), meeting)
                .expectFired(PN_START_OUTCOME)
                .expectRecommended("PN_MONITORING_START");
        assertThat(outcome.recommendation("PN_MONITORING_START").getRecordsKind()).isEqualTo("OTHER");
        assertThat(outcome.recommendation("PN_MONITORING_START").getRecordsType()).isEqualTo("PN_MONITORING");
        assertThat(outcome.recommendation("PN_MONITORING_START").getPeriod()).isEqualTo("2025/26 after meeting of " + meeting.getDate());
    }

    @Test
    void resolvedMeetingOrMonitoringAlreadyStartedDoesNotStartMonitoring() {
        ladder.given(pupil(), parentMeeting(1, true, "RESOLVED"))
                .expectNotFired(PN_START_OUTCOME)
                .expectNotRecommended("PN_MONITORING_START");
        ladder.given(pupil(), parentMeeting(2, true, "PN_MONITORING"), pnMonitoring(1))
                .expectNotFired(PN_START_OUTCOME)
                .expectNotRecommended("PN_MONITORING_START");
    }

    // Built from register marks: the meeting on Monday 6 October; its 15 school days run to 3 November (after half
    // term). Unauthorised absence (O) is looked at on the day it happens.

    /** Parents missed the meeting, and an unauthorised session had occurred by then (15 September): monitoring starts. */
    @Test
    void missedMeetingWithUnauthorisedAbsenceStartsMonitoringAutomatically() {
        RegisterLadder.of(ladder).day("2025-09-15", "O", "\\")
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-10-06", false, null).on("2025-10-06")
                .expectFired(PN_START_MISSED)
                .expectRecommended("PN_MONITORING_START");
    }

    /** Just below: the absence by the meeting was authorised (I); or the parents gave a reason for missing it. */
    @Test
    void missedMeetingWithoutUnauthorisedAbsenceOrWithASatisfactoryReasonDoesNotStartMonitoring() {
        RegisterLadder.of(ladder).day("2025-09-15", "I", "\\")
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-10-06", false, null).day("2025-10-08", "O", "\\")
                .on("2025-10-08")
                .expectNotFired(PN_START_MISSED)
                .expectNotFired(PN_REQUEST);
        RegisterLadder.of(ladder).day("2025-09-15", "O", "\\")
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-10-06", false, "REASON_GIVEN").on("2025-10-06")
                .expectNotFired(PN_START_MISSED);
    }

    /** Monitoring starts automatically: absence two days after the missed meeting asks for a notice, no start recorded. */
    @Test
    void absenceAfterAMissedMeetingAsksForAPenaltyNoticeWithoutARecordedStart() {
        RegisterLadder.of(ladder).parent("P1").day("2025-09-15", "O", "\\")
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-10-06", false, null).day("2025-10-08", "O", "\\")
                .on("2025-10-08")
                .expectFired(PN_REQUEST)
                .expectRecommended("CONSIDER_PENALTY_NOTICE");
    }

    /** The period runs from the meeting that agreed it: absence on its 15th school day (3 November) asks for a notice. */
    @Test
    void monitoringAgreedAtTheMeetingRunsFromTheMeetingsDate() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).parent("P1")
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-10-06", true, "PN_MONITORING")
                .day("2025-11-03", "O", "\\").judgeTo("2025-11-07");
        assertThat(judged.first("CONSIDER_PENALTY_NOTICE").on()).isEqualTo(LocalDate.of(2025, 11, 3));
        assertThat(judged.recommendation("CONSIDER_PENALTY_NOTICE").getPeriod())
                .isEqualTo("2025/26 penalty notice monitoring from 2025-10-06");
    }

    /**
     * One period only: the meeting of 6 October agreed the monitoring, and the lead completing "start the monitoring
     * period" two days later records a start inside it. Absence on 9 October is one request, not one per start.
     */
    @Test
    void aStartRecordedInsideTheMeetingsPeriodIsTheSamePeriod() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).parent("P1")
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-10-06", true, "PN_MONITORING")
                .intervention(InterventionKind.OTHER, "PN_MONITORING", "2025-10-08", null, null)
                .day("2025-10-09", "O", "\\").judgeTo("2025-10-17");
        assertThat(judged.of("CONSIDER_PENALTY_NOTICE")).hasSize(1);
        assertThat(judged.recommendation("CONSIDER_PENALTY_NOTICE").getPeriod())
                .isEqualTo("2025/26 penalty notice monitoring from 2025-10-06");
    }

    /** A start recorded after the meeting's 15 school days have passed is a new period (absence on its 1st school day). */
    @Test
    void aStartRecordedAfterTheMeetingsPeriodIsANewPeriod() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).parent("P1")
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-10-06", true, "PN_MONITORING")
                .intervention(InterventionKind.OTHER, "PN_MONITORING", "2025-11-04", null, null)
                .day("2025-11-05", "O", "\\").judgeTo("2025-11-07");
        assertThat(judged.of("CONSIDER_PENALTY_NOTICE")).hasSize(1);
        assertThat(judged.recommendation("CONSIDER_PENALTY_NOTICE").getPeriod())
                .isEqualTo("2025/26 penalty notice monitoring from 2025-11-04");
    }

    // --- 4.5.1: not returned after a leave of absence ---------------------------------------------

    /** A week of leave (C) from 29 September, then O: the 10th school day without authorisation is 17 October. */
    @Test
    void notReturnedTenSchoolDaysAfterALeaveOfAbsenceAsksForEnquiries() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-29", "2025-10-03", "C", "C")
                .days("2025-10-06", "2025-10-17", "O", "O").judgeTo("2025-10-17");
        assertThat(judged.first("CONSIDER_REGISTER_DELETION").on()).isEqualTo(LocalDate.of(2025, 10, 17));
    }

    /** Just below: back on the afternoon of the tenth school day; and ten days of O after attending are not 4.5.1. */
    @Test
    void backOnTheTenthSchoolDayOrNoLeaveBeforeAsksForNothing() {
        RegisterLadder.Judged back = RegisterLadder.of(ladder).days("2025-09-29", "2025-10-03", "C", "C")
                .days("2025-10-06", "2025-10-16", "O", "O").day("2025-10-17", "O", "\\").judgeTo("2025-10-24");
        assertThat(back.types()).doesNotContain("CONSIDER_REGISTER_DELETION");
        RegisterLadder.Judged noLeave = RegisterLadder.of(ladder).days("2025-10-06", "2025-10-17", "O", "O").judgeTo("2025-10-17");
        assertThat(noLeave.types()).doesNotContain("CONSIDER_REGISTER_DELETION");
    }

    /** Just after the period: absence on the 16th school day (4 November) asks for nothing. */
    @Test
    void absenceOnTheSixteenthSchoolDayIsOutsideThePeriod() {
        RegisterLadder.of(ladder).parent("P1")
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-10-06", true, "PN_MONITORING")
                .day("2025-11-04", "O", "\\").on("2025-11-04")
                .expectNotFired(PN_REQUEST);
    }

    @Test
    void unauthorisedAbsenceInsideMonitoringPeriodAsksForPenaltyNotice() {
        int days = ladder.parameters().integer("pnMonitoring.schoolDays");
        LadderVerifier.Outcome outcome = ladder.given(pupil(), parent("P1"), pnMonitoring(days, days))
                .expectFired(PN_REQUEST)
                .expectRecommended("CONSIDER_PENALTY_NOTICE");
        assertThat(outcome.recommendation("CONSIDER_PENALTY_NOTICE").getParentIds()).containsExactly("P1");
        assertThat(outcome.recommendation("CONSIDER_PENALTY_NOTICE").getStage()).isEqualTo("Penalty notice monitoring");
    }

    @Test
    void noPenaltyNoticeAfterTheMonitoringPeriodOrWithoutUnauthorisedAbsence() {
        int days = ladder.parameters().integer("pnMonitoring.schoolDays");
        ladder.given(pupil(), parent("P1"), pnMonitoring(days + 1, days + 1))
                .expectNotFired(PN_REQUEST)
                .expectNotRecommended("CONSIDER_PENALTY_NOTICE");
        ladder.given(pupil(), parent("P1"), pnMonitoring(5))
                .expectNotFired(PN_REQUEST)
                .expectNotRecommended("CONSIDER_PENALTY_NOTICE");
    }

    @Test
    void absenceInsideThePeriodCountsEvenWhenTheEvaluationRunsAfterIt() {
        int days = ladder.parameters().integer("pnMonitoring.schoolDays");
        ladder.given(pupil(), parent("P1"), pnMonitoring(days + 10, 3))
                .expectFired(PN_REQUEST)
                .expectRecommended("CONSIDER_PENALTY_NOTICE");
    }

    @Test
    void noPenaltyNoticeForPupilNotOfCompulsorySchoolAge() {
        ladder.given(pupil().setCompulsorySchoolAge(false), parent("P1"), pnMonitoring(5, 2, 3))
                .expectFired(PN_REQUEST)
                .expectNotRecommended("CONSIDER_PENALTY_NOTICE");
        ladder.given(pupil().setCompulsorySchoolAge(false), parentMeeting(1, true, "PN_MONITORING"))
                .expectNotRecommended("PN_MONITORING_START");
    }

    @Test
    void noSecondPenaltyNoticeRequestOnceANoticeWasIssuedInThePeriod() {
        ladder.given(pupil(), parent("P1"), pnMonitoring(10, 1, 2, 3), intervention("PENALTY_NOTICE", 2).setParentId("P1"))
                .expectNotFired(PN_REQUEST);
    }

    // --- Attendance panel, home visits, local authority ------------------------------------------

    // RED-AMBER from marks: 6 of 76 sessions missed in the first half term (92.1%); the target (3 November), the letter
    // of concern (4 November) and the parent meeting (5 November) recorded; the meeting is reviewed 15 school days later.

    private RegisterLadder redAmberWithTargetLetterAndMeeting() {
        return RegisterLadder.of(ladder).days("2025-09-08", "2025-09-10", "I", "I")
                .intervention(InterventionKind.ATTENDANCE_TARGET, "INDIVIDUAL_TARGET", "2025-11-03", null, null)
                .intervention(InterventionKind.LETTER, "CONCERN", "2025-11-04", null, null)
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-11-05", true, "RESOLVED");
    }

    /** 28 of 30 sessions in the 15 school days since the meeting (93.3%), below the band above: the panel on 26 November. */
    @Test
    void redAmberPupilWhoseMeetingHadNoImpactIsInvitedToThePanel() {
        RegisterLadder.Judged judged = redAmberWithTargetLetterAndMeeting().day("2025-11-10", "I", "I").judgeTo("2025-11-28");
        assertThat(judged.first("ATTENDANCE_PANEL").on()).isEqualTo(LocalDate.of(2025, 11, 26));
        assertThat(judged.recommendation("ATTENDANCE_PANEL").getRule()).isEqualTo(PANEL);
        // Just below: 29 of 30 (96.7%), at the band above: no panel.
        RegisterLadder.Judged improved = redAmberWithTargetLetterAndMeeting().day("2025-11-10", "I", "\\").judgeTo("2025-11-28");
        assertThat(improved.types()).doesNotContain("ATTENDANCE_PANEL");
    }

    /** "Where these interventions have already been implemented": without the target and the letter first, no panel. */
    @Test
    void noPanelUnlessTheTargetAndTheLetterCameFirst() {
        RegisterLadder.Judged meetingOnly = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-10", "I", "I")
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-11-05", true, "RESOLVED")
                .day("2025-11-10", "I", "I").judgeTo("2025-11-28");
        assertThat(meetingOnly.types()).doesNotContain("ATTENDANCE_PANEL");
        RegisterLadder.Judged noLetter = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-10", "I", "I")
                .intervention(InterventionKind.ATTENDANCE_TARGET, "INDIVIDUAL_TARGET", "2025-11-03", null, null)
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-11-05", true, "RESOLVED")
                .day("2025-11-10", "I", "I").judgeTo("2025-11-28");
        assertThat(noLetter.types()).doesNotContain("ATTENDANCE_PANEL");
    }

    /** AMBER-GREEN (73 of 76) has no panel in the seed, whatever happened since the meeting. */
    @Test
    void noPanelForAmberGreen() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).day("2025-09-08", "I", "I").day("2025-09-09", "I", "\\")
                .intervention(InterventionKind.ATTENDANCE_TARGET, "INDIVIDUAL_TARGET", "2025-11-03", null, null)
                .intervention(InterventionKind.LETTER, "CONCERN", "2025-11-04", null, null)
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-11-05", true, "RESOLVED")
                .days("2025-11-10", "2025-11-11", "I", "I").judgeTo("2025-11-28");
        assertThat(judged.types()).doesNotContain("ATTENDANCE_PANEL");
    }

    private RegisterLadder missedPanel() {
        return RegisterLadder.of(ladder).intervention(InterventionKind.MEETING, "ATTENDANCE_PANEL", "2025-11-03", false, null);
    }

    @Test
    void parentMissingThePanelGetsAHomeVisitThenASecond() {
        RegisterLadder.Judged first = missedPanel().judgeTo("2025-11-04");
        assertThat(first.first("HOME_VISIT").on()).isEqualTo(LocalDate.of(2025, 11, 3));
        assertThat(first.recommendation("HOME_VISIT").getPeriod()).isEqualTo("2025/26 home visit 1");
        assertThat(first.types()).doesNotContain("LA_REFERRAL");
        RegisterLadder.Judged second = missedPanel().intervention(InterventionKind.HOME_VISIT, "ENGAGEMENT", "2025-11-05", null, null)
                .judgeTo("2025-11-06");
        assertThat(second.of("HOME_VISIT")).extracting(h -> h.recommendation().getPeriod())
                .containsExactly("2025/26 home visit 1", "2025/26 home visit 2");
        assertThat(second.types()).doesNotContain("LA_REFERRAL");
    }

    @Test
    void noHomeVisitWhenTheParentAttendedThePanelOrGaveAReason() {
        RegisterLadder.Judged attended = RegisterLadder.of(ladder)
                .intervention(InterventionKind.MEETING, "ATTENDANCE_PANEL", "2025-11-03", true, "CAF").judgeTo("2025-11-07");
        assertThat(attended.types()).contains("CAF").doesNotContain("HOME_VISIT", "LA_REFERRAL");
        RegisterLadder.Judged reason = RegisterLadder.of(ladder)
                .intervention(InterventionKind.MEETING, "ATTENDANCE_PANEL", "2025-11-03", false, "REASON_GIVEN").judgeTo("2025-11-07");
        assertThat(reason.types()).doesNotContain("HOME_VISIT", "LA_REFERRAL", "CAF");
    }

    /** The second visit after the missed panel (7 November) brings the referral that day; one visit does not. */
    @Test
    void twoHomeVisitsAfterTheMissedPanelLeadToLaReferral() {
        RegisterLadder.Judged judged = missedPanel()
                .intervention(InterventionKind.HOME_VISIT, "ENGAGEMENT", "2025-11-05", null, null)
                .intervention(InterventionKind.HOME_VISIT, "ENGAGEMENT", "2025-11-07", null, null).judgeTo("2025-11-10");
        assertThat(judged.first("LA_REFERRAL").on()).isEqualTo(LocalDate.of(2025, 11, 7));
        assertThat(judged.recommendation("LA_REFERRAL").getRule()).isEqualTo(REFERRAL_AFTER_VISITS);
    }

    @Test
    void homeVisitBeforeThePanelDoesNotCountTowardsTheReferral() {
        RegisterLadder.Judged judged = missedPanel()
                .intervention(InterventionKind.HOME_VISIT, "ENGAGEMENT", "2025-10-20", null, null)
                .intervention(InterventionKind.HOME_VISIT, "ENGAGEMENT", "2025-11-07", null, null).judgeTo("2025-11-14");
        assertThat(judged.types()).doesNotContain("LA_REFERRAL").contains("HOME_VISIT");
    }

    @Test
    void panelDecidingOnLaReferralRecommendsIt() {
        RegisterLadder.Judged referral = RegisterLadder.of(ladder)
                .intervention(InterventionKind.MEETING, "ATTENDANCE_PANEL", "2025-11-03", true, "LA_REFERRAL").judgeTo("2025-11-07");
        assertThat(referral.first("LA_REFERRAL").on()).isEqualTo(LocalDate.of(2025, 11, 3));
        assertThat(referral.recommendation("LA_REFERRAL").getRule()).isEqualTo(REFERRAL_BY_PANEL);
        assertThat(referral.types()).doesNotContain("CAF");
    }

    /** A pupil not yet of compulsory school age (born March 2021): neither referral, however the panel went. */
    @Test
    void noReferralForLegalProceedingsForAPupilNotOfCompulsorySchoolAge() {
        RegisterLadder.Judged byPanel = RegisterLadder.of(ladder).born("2021-03-01")
                .intervention(InterventionKind.MEETING, "ATTENDANCE_PANEL", "2025-11-03", true, "LA_REFERRAL").judgeTo("2025-11-07");
        assertThat(byPanel.types()).doesNotContain("LA_REFERRAL");
        RegisterLadder.Judged afterVisits = missedPanel().born("2021-03-01")
                .intervention(InterventionKind.HOME_VISIT, "ENGAGEMENT", "2025-11-05", null, null)
                .intervention(InterventionKind.HOME_VISIT, "ENGAGEMENT", "2025-11-07", null, null).judgeTo("2025-11-10");
        assertThat(afterVisits.types()).doesNotContain("LA_REFERRAL");
    }

    // --- RED: the RED-AMBER steps escalate --------------------------------------------------------

    @Test
    void pupilFallingStraightFromGreenIntoRedGetsTheRedAmberSteps() {
        ladder.given(pupil(), period(Period.PREVIOUS_HALF_TERM, 85.0, 4), halfTermBefore(98.0))
                .expectBand("RED ↓")
                .expectFired(TARGET_RED)
                .expectFired(CONCERN_UNAUTHORISED)
                .expectOnlyRecommended("ATTENDANCE_TARGET", "CONCERN_LETTER", "PASTORAL_SUPPORT_PLAN", "WEEKLY_CONTACT");
    }

    // --- Each half term, each term, each week: from register marks -----------------------------------
    // On the test calendar (no INSET day) the first half term has 76 sessions, the autumn term 146.

    /** Autumn term at 97.3% (4 of 146 sessions missed): the termly certificate on the first day of spring. */
    @Test
    void greenTermEarnsTheTermlyCertificate() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-09", "I", "I").judgeTo("2026-01-09");
        assertThat(judged.first("ATTENDANCE_CERTIFICATE").on()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(judged.recommendation("ATTENDANCE_CERTIFICATE").getPeriod()).isEqualTo("2025/26 term from 2026-01-05");
    }

    /** Just below: 5 of 146 missed (96.6%), not GREEN: no certificate. */
    @Test
    void noTermlyCertificateBelowGreen() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-09", "I", "I").day("2025-09-10", "I", "\\")
                .judgeTo("2026-01-09");
        assertThat(judged.types()).doesNotContain("ATTENDANCE_CERTIFICATE");
    }

    /** AMBER-GREEN last half term (73 of 76, 96.1%): the class teacher speaks to the pupil. GREEN (74 of 76): not. */
    @Test
    void amberGreenClassTeacherSpeaksToThePupilEachHalfTerm() {
        RegisterLadder.Judged amberGreen = RegisterLadder.of(ladder).day("2025-09-08", "I", "I").day("2025-09-09", "I", "\\")
                .judgeTo("2025-11-07");
        assertThat(amberGreen.first("PUPIL_CONVERSATION").on()).isEqualTo(LocalDate.of(2025, 11, 3));
        RegisterLadder.Judged green = RegisterLadder.of(ladder).day("2025-09-08", "I", "I").judgeTo("2025-11-07");
        assertThat(green.types()).doesNotContain("PUPIL_CONVERSATION");
    }

    /** RED-AMBER last half term (70 of 76, 92.1%): the pastoral conversation and plan. AMBER-GREEN (72 of 76, 94.7%): not. */
    @Test
    void redAmberPastoralSupportPlanEachHalfTerm() {
        RegisterLadder.Judged redAmber = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-10", "I", "I").judgeTo("2025-11-07");
        assertThat(redAmber.first("PASTORAL_SUPPORT_PLAN").on()).isEqualTo(LocalDate.of(2025, 11, 3));
        RegisterLadder.Judged amberGreen = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-09", "I", "I").judgeTo("2025-11-07");
        assertThat(amberGreen.types()).doesNotContain("PASTORAL_SUPPORT_PLAN");
    }

    /** RED last half term (68 of 76, 89.5%): contact each week, three weeks to 21 November. RED-AMBER (69 of 76, 90.8%): none. */
    @Test
    void redWeeklyContactWithThePupilAndTheParents() {
        RegisterLadder.Judged red = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-11", "I", "I").judgeTo("2025-11-21");
        assertThat(red.of("WEEKLY_CONTACT")).extracting(DayStream.Held::on)
                .containsExactly(LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 10), LocalDate.of(2025, 11, 17));
        RegisterLadder.Judged redAmber = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-10", "I", "I").day("2025-09-11", "I", "\\")
                .judgeTo("2025-11-21");
        assertThat(redAmber.types()).doesNotContain("WEEKLY_CONTACT");
    }

    // --- Fixtures --------------------------------------------------------------------------------

    private static PeriodFacts lastHalfTerm(double percent) {
        return period(Period.PREVIOUS_HALF_TERM, percent);
    }

    private static PeriodFacts halfTermBefore(double percent) {
        return period(Period.HALF_TERM_BEFORE_PREVIOUS, percent);
    }

    private static InterventionFact target(int schoolDaysSince, double atDate, double since) {
        return intervention("ATTENDANCE_TARGET", schoolDaysSince).setType("INDIVIDUAL_TARGET")
                .setAttendancePercentAtDate(atDate).setAttendancePercentSince(since);
    }

    private static InterventionFact concernLetter(int schoolDaysSince, double atDate, double since) {
        return letter("CONCERN", schoolDaysSince).setAttendancePercentAtDate(atDate).setAttendancePercentSince(since);
    }

    private static InterventionFact parentMeeting(int schoolDaysSince, Boolean parentAttended, String outcome) {
        return meeting(schoolDaysSince, parentAttended, outcome).setType("PARENT_MEETING");
    }

    private static InterventionFact parentMeeting(int schoolDaysSince, Boolean parentAttended, String outcome, double atDate,
            double since) {
        return parentMeeting(schoolDaysSince, parentAttended, outcome).setAttendancePercentAtDate(atDate)
                .setAttendancePercentSince(since);
    }

    /** A monitoring period started {@code schoolDaysSince} school days ago, with one unauthorised session on each listed school day of it. */
    private static InterventionFact pnMonitoring(int schoolDaysSince, int... unauthorisedOnSchoolDays) {
        int[] perDay = new int[schoolDaysSince];
        for (int day : unauthorisedOnSchoolDays) {
            perDay[day - 1]++;
        }
        return intervention("OTHER", schoolDaysSince).setType("PN_MONITORING")
                .setUnauthorisedSessionsSince(unauthorisedOnSchoolDays.length).setUnauthorisedSessionsBySchoolDay(perDay);
    }

}
