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
    private static final String CONGRATULATION = "St Clare's: GREEN — congratulation letter each half term";
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
    private static final String HOME_VISIT = "St Clare's: RED-AMBER — parent missed the attendance panel — home visit";
    private static final String REFERRAL_AFTER_VISITS =
            "St Clare's: RED-AMBER — home visits made after the missed panel — refer to the local authority";
    private static final String REFERRAL_BY_PANEL = "St Clare's: RED-AMBER — attendance panel outcome — refer to the local authority";

    private static final String HALF_TERM = "2025/26 from 2025-11-03";

    private final LadderVerifier ladder = LadderVerifier.forPolicy("st-clares");

    // --- 7.21 bands and 7.22 arrow -----------------------------------------------------------

    @Test
    void greenFromNinetySevenPercentLastHalfTerm() {
        double green = ladder.parameters().number("band.green.min");
        ladder.given(pupil(), lastHalfTerm(green))
                .expectFired(GREEN)
                .expectBand("GREEN");
        ladder.given(pupil(), lastHalfTerm(96.99))
                .expectNotFired(GREEN)
                .expectFired(AMBER_GREEN)
                .expectBand("AMBER-GREEN");
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

    @Test
    void greenPupilGetsCongratulationLetterEachHalfTerm() {
        LadderVerifier.Outcome outcome = ladder.given(pupil(), lastHalfTerm(97.0))
                .expectFired(CONGRATULATION)
                .expectOnlyRecommended("CONGRATULATION_LETTER");
        assertThat(outcome.recommendation("CONGRATULATION_LETTER").getPeriod()).isEqualTo(HALF_TERM);
        assertThat(outcome.recommendation("CONGRATULATION_LETTER").getReason()).contains("97.0%");
    }

    @Test
    void noCongratulationLetterJustBelowGreen() {
        ladder.given(pupil(), lastHalfTerm(96.99))
                .expectNotFired(CONGRATULATION)
                .expectNotRecommended("CONGRATULATION_LETTER");
    }

    // --- Individual attendance target -----------------------------------------------------------

    @Test
    void amberGreenPupilGetsTargetInSessionsToReachGreen() {
        LadderVerifier.Outcome outcome = ladder.given(pupil(), lastHalfTerm(96.99))
                .expectFired(TARGET_AMBER_GREEN)
                .expectRecommended("ATTENDANCE_TARGET");
        // 70 sessions at 97% or more: at most 2 missed.
        assertThat(outcome.recommendation("ATTENDANCE_TARGET").getReason())
                .contains("reach GREEN (97% or more)", "no more than 2 sessions", "Review in 15 school days");
        assertThat(outcome.recommendation("ATTENDANCE_TARGET").getPeriod()).isEqualTo(HALF_TERM);
        assertThat(outcome.recommendation("ATTENDANCE_TARGET").getRecordsKind()).isEqualTo("ATTENDANCE_TARGET");
    }

    @Test
    void greenPupilGetsNoTarget() {
        ladder.given(pupil(), lastHalfTerm(97.0))
                .expectNotFired(TARGET_AMBER_GREEN)
                .expectNotRecommended("ATTENDANCE_TARGET");
    }

    @Test
    void redAmberPupilGetsTargetToReachAmberGreen() {
        LadderVerifier.Outcome outcome = ladder.given(pupil(), lastHalfTerm(93.99))
                .expectFired(TARGET_RED_AMBER)
                .expectNotFired(TARGET_AMBER_GREEN)
                .expectRecommended("ATTENDANCE_TARGET");
        // 70 sessions at 94% or more: at most 4 missed.
        assertThat(outcome.recommendation("ATTENDANCE_TARGET").getReason()).contains("reach AMBER-GREEN (94% or more)", "no more than 4 sessions");
    }

    @Test
    void redPupilGetsTargetToReachRedAmber() {
        LadderVerifier.Outcome outcome = ladder.given(pupil(), lastHalfTerm(89.99))
                .expectFired(TARGET_RED)
                .expectNotFired(TARGET_RED_AMBER)
                .expectRecommended("ATTENDANCE_TARGET");
        // 70 sessions at 90% or more: at most 7 missed.
        assertThat(outcome.recommendation("ATTENDANCE_TARGET").getReason()).contains("reach RED-AMBER (90% or more)", "no more than 7 sessions");
    }

    // --- Letter of concern ----------------------------------------------------------------------

    @Test
    void concernLetterWhenUnauthorisedAbsenceLastHalfTerm() {
        LadderVerifier.Outcome outcome = ladder.given(pupil(), period(Period.PREVIOUS_HALF_TERM, 95.0, 1))
                .expectFired(CONCERN_UNAUTHORISED)
                .expectRecommended("CONCERN_LETTER");
        assertThat(outcome.recommendation("CONCERN_LETTER").getReason()).contains("1 session of unauthorised absence");
        assertThat(outcome.recommendation("CONCERN_LETTER").getPeriod()).isEqualTo(HALF_TERM);
    }

    @Test
    void noConcernLetterWithoutUnauthorisedAbsenceOrWhenGreen() {
        ladder.given(pupil(), period(Period.PREVIOUS_HALF_TERM, 95.0, 0))
                .expectNotFired(CONCERN_UNAUTHORISED)
                .expectNotRecommended("CONCERN_LETTER");
        ladder.given(pupil(), period(Period.PREVIOUS_HALF_TERM, 98.0, 1))
                .expectNotFired(CONCERN_UNAUTHORISED)
                .expectNotRecommended("CONCERN_LETTER");
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

    @Test
    void redAmberPupilWhoseMeetingHadNoImpactIsInvitedToThePanel() {
        int review = ladder.parameters().integer("meeting.review.schoolDays");
        ladder.given(pupil(), lastHalfTerm(92.0), target(40, 92.0, 92.0), concernLetter(30, 92.0, 92.0),
                        parentMeeting(review, true, "RESOLVED", 92.0, 91.5))
                .expectFired(PANEL)
                .expectRecommended("ATTENDANCE_PANEL");
        ladder.given(pupil(), lastHalfTerm(85.0), target(40, 88.0, 88.0), concernLetter(30, 88.0, 88.0),
                        parentMeeting(review, true, "PARENTING_CONTRACT", 88.0, 85.0))
                .expectFired(PANEL)
                .expectRecommended("ATTENDANCE_PANEL");
    }

    /** "Where these interventions have already been implemented": without the target and the letter first, no panel. */
    @Test
    void noPanelUnlessTheTargetAndTheLetterCameFirst() {
        int review = ladder.parameters().integer("meeting.review.schoolDays");
        ladder.given(pupil(), lastHalfTerm(92.0), parentMeeting(review, true, "RESOLVED", 92.0, 91.5))
                .expectNotFired(PANEL);
        ladder.given(pupil(), lastHalfTerm(92.0), target(40, 92.0, 92.0), parentMeeting(review, true, "RESOLVED", 92.0, 91.5))
                .expectNotFired(PANEL);
    }

    @Test
    void noPanelForAmberGreenBeforeTheReviewOrWhenTheMeetingWorked() {
        int review = ladder.parameters().integer("meeting.review.schoolDays");
        ladder.given(pupil(), lastHalfTerm(95.0), parentMeeting(review, true, "RESOLVED", 92.0, 91.5))
                .expectNotFired(PANEL)
                .expectNotRecommended("ATTENDANCE_PANEL");
        ladder.given(pupil(), lastHalfTerm(92.0), parentMeeting(review - 1, true, "RESOLVED", 92.0, 91.5))
                .expectNotFired(PANEL)
                .expectNotRecommended("ATTENDANCE_PANEL");
        ladder.given(pupil(), lastHalfTerm(92.0), parentMeeting(review, true, "RESOLVED", 92.0, 97.0))
                .expectNotFired(PANEL)
                .expectNotRecommended("ATTENDANCE_PANEL");
    }

    @Test
    void parentMissingThePanelGetsAHomeVisitThenASecond() {
        LadderVerifier.Outcome first = ladder.given(pupil(), panel(10, false, null))
                .expectFired(HOME_VISIT)
                .expectRecommended("HOME_VISIT")
                .expectNotRecommended("LA_REFERRAL");
        assertThat(first.recommendation("HOME_VISIT").getPeriod()).isEqualTo("2025/26 home visit 1");
        LadderVerifier.Outcome second = ladder.given(pupil(), panel(10, false, null), homeVisit(5))
                .expectFired(HOME_VISIT)
                .expectRecommended("HOME_VISIT")
                .expectNotRecommended("LA_REFERRAL");
        assertThat(second.recommendation("HOME_VISIT").getPeriod()).isEqualTo("2025/26 home visit 2");
    }

    @Test
    void noHomeVisitWhenTheParentAttendedThePanelOrGaveAReason() {
        ladder.given(pupil(), panel(10, true, "CAF"))
                .expectNotFired(HOME_VISIT)
                .expectNothingRecommended();
        ladder.given(pupil(), panel(10, false, "REASON_GIVEN"))
                .expectNotFired(HOME_VISIT)
                .expectNothingRecommended();
    }

    @Test
    void twoHomeVisitsAfterTheMissedPanelLeadToLaReferral() {
        ladder.given(pupil(), panel(10, false, null), homeVisit(6), homeVisit(2))
                .expectFired(REFERRAL_AFTER_VISITS)
                .expectNotFired(HOME_VISIT)
                .expectOnlyRecommended("LA_REFERRAL");
    }

    @Test
    void homeVisitBeforeThePanelDoesNotCountTowardsTheReferral() {
        ladder.given(pupil(), panel(10, false, null), homeVisit(20), homeVisit(2))
                .expectNotFired(REFERRAL_AFTER_VISITS)
                .expectNotRecommended("LA_REFERRAL")
                .expectRecommended("HOME_VISIT");
    }

    @Test
    void panelDecidingOnLaReferralRecommendsIt() {
        ladder.given(pupil(), panel(3, true, "LA_REFERRAL"))
                .expectFired(REFERRAL_BY_PANEL)
                .expectRecommended("LA_REFERRAL");
        ladder.given(pupil(), panel(3, true, "CAF"))
                .expectNotFired(REFERRAL_BY_PANEL)
                .expectNotRecommended("LA_REFERRAL");
    }

    @Test
    void noReferralForLegalProceedingsForAPupilPastCompulsorySchoolAge() {
        ladder.given(pupil().setCompulsorySchoolAge(false), panel(3, true, "LA_REFERRAL"))
                .expectNotFired(REFERRAL_BY_PANEL)
                .expectNotRecommended("LA_REFERRAL");
        ladder.given(pupil().setCompulsorySchoolAge(false), panel(10, false, null), homeVisit(6), homeVisit(2))
                .expectNotFired(REFERRAL_AFTER_VISITS)
                .expectNotRecommended("LA_REFERRAL");
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
    // The first half term has 76 sessions, the autumn term 146.

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

    private static InterventionFact panel(int schoolDaysSince, Boolean parentAttended, String outcome) {
        return meeting(schoolDaysSince, parentAttended, outcome).setType("ATTENDANCE_PANEL");
    }

    private static InterventionFact homeVisit(int schoolDaysSince) {
        return intervention("HOME_VISIT", schoolDaysSince).setType("ENGAGEMENT");
    }
}
