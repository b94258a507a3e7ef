package uk.attendance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.attendance.rules.Facts.context;
import static uk.attendance.rules.Facts.letter;
import static uk.attendance.rules.Facts.meeting;
import static uk.attendance.rules.Facts.period;
import static uk.attendance.rules.Facts.pupil;
import static uk.attendance.rules.Facts.pupilAttending;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.attendance.evaluation.DayStream;
import uk.attendance.intervention.InterventionKind;
import uk.attendance.rules.fact.InterventionFact;
import uk.attendance.rules.fact.Period;
import uk.attendance.rules.fact.PupilFacts;

class CoopersLadderTest {

    private static final String BAND_ABOVE = "Coopers: band — Attendance above 97%";
    private static final String BAND_LEVEL_1 = "Coopers: band — Cause for concern level 1";
    private static final String BAND_LEVEL_2 = "Coopers: band — Cause for concern level 2";
    private static final String REWARD = "Coopers: Attendance above 97% — half-termly reward";
    private static final String AT1 = "Coopers: Cause for concern level 1 — AT1 letter";
    private static final String AT2 = "Coopers: Cause for concern level 2 — AT2 letter";
    private static final String AT2_MEETING = "Coopers: Cause for concern level 2 — parent meeting to agree a plan and attendance targets";
    private static final String PANEL = "Coopers: Attendance panel — fast track / legal considerations";
    private static final String LA_EWS = "Coopers: Attendance panel — referral to the LA Education Welfare Service";
    private static final String PA = "Coopers: Persistent absentees — half-termly PA letter";

    private final LadderVerifier coopers = LadderVerifier.forPolicy("coopers");

    private final int at1Monitoring = coopers.parameters().integer("at1.monitoring.school.days");
    private final int at2Monitoring = coopers.parameters().integer("at2.monitoring.school.days");
    private final int panelMonitoring = coopers.parameters().integer("panel.monitoring.school.days");

    // --- bands --------------------------------------------------------------------------------

    @Test
    void bandsFollowTheStagedApproach() {
        coopers.given(pupilAttending(97.01, 200)).expectFired(BAND_ABOVE).expectBand("Attendance above 97%")
                .expectNotFired(BAND_LEVEL_1);
        coopers.given(pupilAttending(97.0, 200)).expectFired(BAND_LEVEL_1).expectBand("Cause for concern level 1")
                .expectNotFired(BAND_ABOVE);
        coopers.given(pupilAttending(94.0, 200)).expectFired(BAND_LEVEL_1).expectNotFired(BAND_LEVEL_2);
        coopers.given(pupilAttending(93.99, 200)).expectFired(BAND_LEVEL_2).expectBand("Cause for concern level 2")
                .expectNotFired(BAND_LEVEL_1);
    }

    @Test
    void noSessionsYetMeansNoBandAndNoAction() {
        PupilFacts noSessions = pupil().setPossibleSessions(0).setAttendancePercent(Double.NaN).setAbsencePercent(Double.NaN);
        LadderVerifier.Outcome outcome = coopers.given(noSessions).expectNothingRecommended();
        assertThat(outcome.firedRules()).noneMatch(rule -> rule.startsWith("Coopers:"));
    }

    // --- Attendance Above 97%: reward ---------------------------------------------------------

    @Test
    void rewardEachHalfTermAbove97Percent() {
        LadderVerifier.Outcome outcome = coopers.given(pupilAttending(97.01, 20))
                .expectFired(REWARD)
                .expectRecommended("ATTENDANCE_REWARD");
        assertThat(outcome.recommendation("ATTENDANCE_REWARD").getPeriod()).isEqualTo(context().getHalfTerm());
        assertThat(outcome.recommendation("ATTENDANCE_REWARD").getReason()).contains("97.0% this year over 20 sessions");
    }

    // --- From register marks, on the 2025/26 calendar: each threshold and one session below it ------------------

    private static String schoolDay(int index) {
        return RegisterLadder.CALENDAR.schoolDays().get(index).toString();
    }

    /** 20 sessions at 100% on the 10th school day: the reward that day, not on the 9th (18 sessions). */
    @Test
    void rewardFromMarksOnTheDayTheTwentiethSessionIsMarked() {
        RegisterLadder.Judged judged = RegisterLadder.of(coopers).judgeTo(schoolDay(12));
        assertThat(judged.first("ATTENDANCE_REWARD").on()).isEqualTo(LocalDate.parse(schoolDay(9)));
    }

    /**
     * Missed sessions 39, 67 and 100 leave 97 of 100, exactly 97%: no AT1 letter. The 101st missed makes 97 of 101 (96.0%):
     * the letter that day.
     */
    @Test
    void at1LetterFromMarksAtTheFourthMissedSessionNotAtExactly97Percent() {
        RegisterLadder exactly97 = RegisterLadder.of(coopers).day(schoolDay(19), "I", "\\").day(schoolDay(33), "I", "\\")
                .day(schoolDay(49), "/", "I");
        assertThat(exactly97.judgeTo(schoolDay(55)).types()).doesNotContain("AT1_LETTER");
        RegisterLadder below97 = RegisterLadder.of(coopers).day(schoolDay(19), "I", "\\").day(schoolDay(33), "I", "\\")
                .day(schoolDay(49), "/", "I").day(schoolDay(50), "I", "\\");
        assertThat(below97.judgeTo(schoolDay(55)).first("AT1_LETTER").on()).isEqualTo(LocalDate.parse(schoolDay(50)));
    }

    /** 2 sessions missed of 20 is 10%: the PA letter; 2 of 22 (9.1%) is not. */
    @Test
    void paLetterFromMarksAtTenPercentNotAtNinePointOne() {
        RegisterLadder.Judged at10 = RegisterLadder.of(coopers).day(schoolDay(9), "I", "I").judgeTo(schoolDay(14));
        assertThat(at10.first("PA_LETTER").on()).isEqualTo(LocalDate.parse(schoolDay(9)));
        RegisterLadder.Judged at91 = RegisterLadder.of(coopers).day(schoolDay(9), "/", "I").day(schoolDay(10), "I", "\\")
                .judgeTo(schoolDay(14));
        assertThat(at91.types()).doesNotContain("PA_LETTER");
    }

    @Test
    void noRewardAtExactly97Percent() {
        coopers.given(pupilAttending(97.0, 200))
                .expectNotFired(REWARD)
                .expectNotRecommended("ATTENDANCE_REWARD");
    }

    @Test
    void noRewardBeforeTwoWeeksOfSessions() {
        coopers.given(pupilAttending(100.0, 19)).expectNotFired(REWARD).expectNothingRecommended();
    }

    // --- Cause for concern level 1: AT1 -------------------------------------------------------

    @Test
    void at1LetterBelow97Percent() {
        LadderVerifier.Outcome outcome = coopers.given(pupilAttending(96.99, 200))
                .expectFired(AT1)
                .expectRecommended("AT1_LETTER");
        assertThat(outcome.recommendation("AT1_LETTER").getRecordsType()).isEqualTo("AT1");
        assertThat(outcome.recommendation("AT1_LETTER").getReason()).contains("97.0% this year, below 97%");
    }

    @Test
    void noAt1LetterAtExactly97Percent() {
        coopers.given(pupilAttending(97.0, 200)).expectNotFired(AT1).expectNothingRecommended();
    }

    @Test
    void noSecondAt1LetterOnceSentThisYear() {
        coopers.given(pupilAttending(95.0, 200), letter("AT1", 3)).expectNotFired(AT1).expectNothingRecommended();
    }

    @Test
    void at1LetterFromLastYearDoesNotCountThisYear() {
        InterventionFact lastYear = at1Letter(60, 90.0).setAcademicYear("2024/25");
        coopers.given(pupilAttending(92.0, 200), lastYear)
                .expectFired(AT1)
                .expectRecommended("AT1_LETTER")
                .expectNotRecommended("AT2_LETTER");
    }

    @Test
    void pupilDroppingStraightTo92PercentGetsAt1First() {
        coopers.given(pupilAttending(92.0, 200))
                .expectFired(AT1)
                .expectNotFired(AT2)
                .expectNotFired(AT2_MEETING)
                .expectOnlyRecommended("AT1_LETTER");
    }

    // --- Cause for Concern Level 2: AT2 letter and parent meeting -----------------------------

    @Test
    void at2LetterAndMeetingOnceAt1MonitoringPassedWithoutImprovement() {
        LadderVerifier.Outcome outcome = coopers.given(pupilAttending(93.99, 200), at1Letter(at1Monitoring, 90.0))
                .expectFired(AT2)
                .expectFired(AT2_MEETING)
                .expectNotFired(AT1)
                .expectOnlyRecommended("AT2_LETTER", "PARENT_MEETING");
        assertThat(outcome.recommendation("AT2_LETTER").getRecordsType()).isEqualTo("AT2");
        assertThat(outcome.recommendation("PARENT_MEETING").getRecordsKind()).isEqualTo("MEETING");
        assertThat(outcome.recommendation("PARENT_MEETING").getRecordsType()).isEqualTo("PARENT_MEETING");
    }

    @Test
    void noAt2BeforeAt1MonitoringPeriodHasPassed() {
        coopers.given(pupilAttending(90.0, 200), at1Letter(at1Monitoring - 1, 85.0))
                .expectNotFired(AT2)
                .expectNotFired(AT2_MEETING)
                .expectNotRecommended("AT2_LETTER")
                .expectNotRecommended("PARENT_MEETING");
    }

    @Test
    void noAt2AtExactly94Percent() {
        coopers.given(pupilAttending(94.0, 200), at1Letter(at1Monitoring, 90.0))
                .expectNotFired(AT2)
                .expectNotFired(AT2_MEETING)
                .expectNothingRecommended();
    }

    @Test
    void noAt2WhenAttendanceImprovedSinceAt1() {
        coopers.given(pupilAttending(93.0, 200), at1Letter(at1Monitoring + 5, 97.0))
                .expectNotFired(AT2)
                .expectNotFired(AT2_MEETING)
                .expectNothingRecommended();
    }

    // --- AT1 "for the rest of the academic year", built from register marks ----------------------
    // Absent 8–12 September: the AT1 letter on 19 September. The second half term (3 November – 19 December, 70
    // sessions) is the recovery; absent 12 January, so the spring half term and the year are below 97%.

    private static final String AT1_AGAIN = "Coopers: Cause for concern level 1 — AT1 letter again, attendance dropped after recovering";

    /** Recovered to 97.1% (68 of 70) last half term, below 97% again this half term: the AT1 letter again, on 12 January. */
    @Test
    void at1AgainWhenAttendanceDropsAfterRecovering() {
        RegisterLadder.Judged judged = afterAt1(RegisterLadder.of(coopers)).day("2025-11-10", "O", "O")
                .day("2026-01-12", "O", "O").judgeTo("2026-01-16");
        assertThat(judged.of("AT1_LETTER")).filteredOn(h -> h.recommendation().getRule().equals(AT1_AGAIN))
                .singleElement().satisfies(held -> {
                    assertThat(held.on()).isEqualTo(LocalDate.of(2026, 1, 12));
                    assertThat(held.recommendation().getPeriod()).isEqualTo("2025/26 from 2026-01-05");
                });
    }

    /** Just below the recovery: 67 of 70 (95.7%) last half term is no recovery, so no second AT1 letter. */
    @Test
    void noAt1AgainWithoutARecoveryToNinetySevenPercent() {
        RegisterLadder.Judged judged = afterAt1(RegisterLadder.of(coopers)).day("2025-11-10", "O", "O").day("2025-11-11", "O", "\\")
                .day("2026-01-12", "O", "O").judgeTo("2026-01-16");
        assertThat(judged.rules()).doesNotContain(AT1_AGAIN);
    }

    // --- The LA referral is answered only by an LA Education Welfare Service referral ------------

    /** A child-missing-education referral recorded earlier does not stop the referral after the panel. */
    @Test
    void laReferralAfterThePanelIsNotBlockedByAnUnrelatedReferral() {
        RegisterLadder.Judged judged = afterPanel(RegisterLadder.of(coopers))
                .intervention(InterventionKind.LA_REFERRAL, "CME", "2025-09-10", null, null).judgeTo("2025-10-24");
        assertThat(judged.rules()).contains(LA_EWS);
        RegisterLadder.Judged referred = afterPanel(RegisterLadder.of(coopers))
                .intervention(InterventionKind.LA_REFERRAL, "LA_EWS", "2025-10-01", null, null).judgeTo("2025-10-24");
        assertThat(referred.rules()).doesNotContain(LA_EWS);
    }

    /** The panel on 19 September; 25 school days to 24 October with a day off unauthorised: 96% since, below 97%. */
    private static RegisterLadder afterPanel(RegisterLadder register) {
        return register.days("2025-09-08", "2025-09-12", "O", "O")
                .intervention(InterventionKind.MEETING, "ATTENDANCE_PANEL", "2025-09-19", true, null)
                .day("2025-09-22", "O", "O");
    }

    /**
     * Weekly feedback after the panel while the targets are not met: the panel on 19 September, a day off on 22 September
     * (96% since by 24 October), feedback in each of the five weeks of the panel's 25 school days, none after.
     */
    @Test
    void weeklyFeedbackWhileFailingToReachTheTargets() {
        RegisterLadder.Judged judged = afterPanel(RegisterLadder.of(coopers)).judgeTo("2025-11-07");
        assertThat(judged.of("TARGET_FEEDBACK")).extracting(DayStream.Held::on).containsExactly(LocalDate.of(2025, 9, 22),
                LocalDate.of(2025, 9, 29), LocalDate.of(2025, 10, 6), LocalDate.of(2025, 10, 13), LocalDate.of(2025, 10, 20));
    }

    /** Every session since the panel: on target, no feedback. */
    @Test
    void noFeedbackWhileTheTargetsAreMet() {
        RegisterLadder.Judged judged = RegisterLadder.of(coopers).days("2025-09-08", "2025-09-12", "O", "O")
                .intervention(InterventionKind.MEETING, "ATTENDANCE_PANEL", "2025-09-19", true, null).judgeTo("2025-11-07");
        assertThat(judged.types()).doesNotContain("TARGET_FEEDBACK");
    }

    // --- "Improved" against the target agreed with the family, built from register marks ----------
    // Absent 8–12 September (year to date far below 94%); the AT1 letter on Friday 19 September; then 20 school days to
    // 17 October with two sessions missed on 22 September: 38 of 40 since the letter, 95%.

    /** Without a target, 95% since the AT1 letter is below the policy's 97%: not improved, so the AT2 letter. */
    @Test
    void at2JudgedAgainstThePolicysDefaultWithoutATarget() {
        RegisterLadder.Judged judged = afterAt1(RegisterLadder.of(coopers)).day("2025-09-22", "O", "O").judgeTo("2025-10-17");
        assertThat(judged.rules()).contains(AT2);
        assertThat(judged.recommendation("AT2_LETTER").getReason()).contains("below 97%");
    }

    /** With a target of 95% agreed on the AT1 letter's day, 95% since the letter meets it: improved, no AT2 letter. */
    @Test
    void noAt2WhenTheAgreedTargetIsMet() {
        RegisterLadder.Judged judged = afterAt1(RegisterLadder.of(coopers)).target("2025-09-19", 95.0, "2025-10-17")
                .day("2025-09-22", "O", "O").judgeTo("2025-10-17");
        assertThat(judged.rules()).doesNotContain(AT2);
    }

    /** Just below the target: one more session missed, 37 of 40 (92.5%), so the AT2 letter, judged against the target. */
    @Test
    void at2WhenAttendanceIsJustBelowTheAgreedTarget() {
        RegisterLadder.Judged judged = afterAt1(RegisterLadder.of(coopers)).target("2025-09-19", 95.0, "2025-10-17")
                .day("2025-09-22", "O", "O").day("2025-09-23", "O", "\\").judgeTo("2025-10-17");
        assertThat(judged.rules()).contains(AT2);
        assertThat(judged.recommendation("AT2_LETTER").getReason()).contains("the target agreed on 2025-09-19");
    }

    private static RegisterLadder afterAt1(RegisterLadder register) {
        return register.days("2025-09-08", "2025-09-12", "O", "O")
                .intervention(InterventionKind.LETTER, "AT1", "2025-09-19", null, null);
    }

    @Test
    void meetingStillOfferedWhenAt2LetterSentButNoMeetingHeld() {
        coopers.given(pupilAttending(92.0, 200), at1Letter(30, 88.0), letter("AT2", 5))
                .expectNotFired(AT2)
                .expectFired(AT2_MEETING)
                .expectOnlyRecommended("PARENT_MEETING");
    }

    @Test
    void meetingDuringAt1MonitoringIsNotTheAt2Meeting() {
        coopers.given(pupilAttending(92.0, 200), at1Letter(30, 88.0), parentMeeting(15, 88.0))
                .expectFired(AT2_MEETING)
                .expectRecommended("PARENT_MEETING");
        coopers.given(pupilAttending(92.0, 200), at1Letter(30, 88.0), letter("AT2", 8), parentMeeting(10, 88.0))
                .expectNotFired(AT2_MEETING)
                .expectNothingRecommended();
    }

    // --- Attendance panel ---------------------------------------------------------------------

    @Test
    void panelAfterAt2LetterAndMeetingWithoutImprovement() {
        LadderVerifier.Outcome outcome = coopers.given(pupilAttending(91.0, 300), at1Letter(50, 88.0), letter("AT2", 25),
                        parentMeeting(at2Monitoring, 90.0).setParentAttended(true))
                .expectFired(PANEL)
                .expectOnlyRecommended("ATTENDANCE_PANEL");
        assertThat(outcome.recommendation("ATTENDANCE_PANEL").getRecordsType()).isEqualTo("ATTENDANCE_PANEL");
        assertThat(outcome.recommendation("ATTENDANCE_PANEL").getReason()).contains("90.0%", "attended by the parent/carer");
    }

    @Test
    void panelWhenTheParentDidNotComeToTheMeeting() {
        coopers.given(pupilAttending(91.0, 300), at1Letter(50, 88.0), letter("AT2", 25), parentMeeting(at2Monitoring, 90.0)
                        .setParentAttended(false))
                .expectFired(PANEL)
                .expectRecommended("ATTENDANCE_PANEL");
    }

    @Test
    void noPanelBeforeAt2MonitoringPeriodHasPassed() {
        coopers.given(pupilAttending(91.0, 300), at1Letter(50, 88.0), letter("AT2", 25), parentMeeting(at2Monitoring - 1, 90.0))
                .expectNotFired(PANEL)
                .expectNothingRecommended();
    }

    @Test
    void noPanelWithoutTheAt2Meeting() {
        coopers.given(pupilAttending(91.0, 300), at1Letter(50, 88.0), letter("AT2", 25))
                .expectNotFired(PANEL)
                .expectNotRecommended("ATTENDANCE_PANEL");
    }

    @Test
    void noPanelWhenAttendanceImprovedSinceTheMeeting() {
        coopers.given(pupilAttending(91.0, 300), at1Letter(50, 88.0), letter("AT2", 25), parentMeeting(at2Monitoring, 97.0))
                .expectNotFired(PANEL)
                .expectNothingRecommended();
    }

    @Test
    void noPanelOnceBackAtLevel1() {
        coopers.given(pupilAttending(94.0, 300), at1Letter(50, 88.0), letter("AT2", 25), parentMeeting(at2Monitoring, 90.0))
                .expectNotFired(PANEL)
                .expectNothingRecommended();
    }

    // --- LA Education Welfare Service referral ------------------------------------------------

    @Test
    void laReferralAfterPanelMonitoringWithoutImprovement() {
        LadderVerifier.Outcome outcome = coopers.given(pupilAttending(90.5, 300), panel(panelMonitoring, 89.0))
                .expectFired(LA_EWS)
                .expectRecommended("LA_EWS_REFERRAL")
                .expectNotRecommended("CONSIDER_PENALTY_NOTICE");
        assertThat(outcome.recommendation("LA_EWS_REFERRAL").getRecordsKind()).isEqualTo("LA_REFERRAL");
        assertThat(outcome.recommendation("LA_EWS_REFERRAL").getReason()).contains("89.0%", "no known defence");
    }

    @Test
    void noLaReferralForLegalConsiderationForAPupilPastCompulsorySchoolAge() {
        coopers.given(pupilAttending(90.5, 300).setCompulsorySchoolAge(false), panel(panelMonitoring, 89.0))
                .expectNotFired(LA_EWS)
                .expectNotRecommended("LA_EWS_REFERRAL");
    }

    @Test
    void noLaReferralBeforePanelMonitoringHasPassed() {
        coopers.given(pupilAttending(90.5, 300), panel(panelMonitoring - 1, 89.0))
                .expectNotFired(LA_EWS)
                .expectNotRecommended("LA_EWS_REFERRAL");
    }

    @Test
    void noLaReferralWhenTargetsMetSinceThePanel() {
        coopers.given(pupilAttending(90.5, 300), panel(panelMonitoring, 97.0))
                .expectNotFired(LA_EWS)
                .expectNotRecommended("LA_EWS_REFERRAL");
    }

    @Test
    void noSecondLaReferralOnceReferred() {
        coopers.given(pupilAttending(90.5, 300), panel(panelMonitoring + 10, 89.0), Facts.intervention("LA_REFERRAL", 5).setType("LA_EWS"))
                .expectNotFired(LA_EWS)
                .expectNotRecommended("LA_EWS_REFERRAL");
    }

    // --- Persistent absentees -----------------------------------------------------------------

    @Test
    void paLetterEachHalfTermAt10PercentAbsence() {
        LadderVerifier.Outcome outcome = coopers.given(pupilAttending(90.0, 200), letter("AT1", 5))
                .expectFired(PA)
                .expectRecommended("PA_LETTER");
        assertThat(outcome.recommendation("PA_LETTER").getPeriod()).isEqualTo(context().getHalfTerm());
        assertThat(outcome.recommendation("PA_LETTER").getReason()).contains("10.0%", "10 days");
    }

    @Test
    void noPaLetterJustBelow10PercentAbsence() {
        coopers.given(pupilAttending(90.01, 200), letter("AT1", 5))
                .expectNotFired(PA)
                .expectNotRecommended("PA_LETTER");
    }

    // --- the ladder moves on as the school completes each step --------------------------------

    @Test
    void completedStepsMoveTheLadderOn() {
        // Month 1: below 97% → AT1 only.
        coopers.given(pupilAttending(95.5, 60)).expectOnlyRecommended("AT1_LETTER");
        // AT1 sent 20+ school days ago, attendance since 88% and now below 94% → AT2 and the meeting.
        coopers.given(pupilAttending(92.5, 100), at1Letter(22, 88.0)).expectOnlyRecommended("AT2_LETTER", "PARENT_MEETING");
        // Both done, 4 weeks of monitoring after the meeting without improvement → panel.
        coopers.given(pupilAttending(91.5, 160), at1Letter(52, 89.0), letter("AT2", 28).setAttendancePercentSince(90.0),
                        parentMeeting(25, 90.0).setParentAttended(true))
                .expectOnlyRecommended("ATTENDANCE_PANEL");
        // Panel held, 5 weeks of weekly monitoring without the targets met → LA EWS referral.
        coopers.given(pupilAttending(90.5, 220), at1Letter(82, 89.0), letter("AT2", 58).setAttendancePercentSince(90.0),
                        parentMeeting(55, 90.0).setParentAttended(true), panel(27, 89.5))
                .expectOnlyRecommended("LA_EWS_REFERRAL");
    }

    private static InterventionFact at1Letter(int schoolDaysSince, double attendanceSince) {
        return letter("AT1", schoolDaysSince).setAttendancePercentSince(attendanceSince);
    }

    private static InterventionFact parentMeeting(int schoolDaysSince, double attendanceSince) {
        return meeting(schoolDaysSince, null, null).setType("PARENT_MEETING").setAttendancePercentSince(attendanceSince);
    }

    private static InterventionFact panel(int schoolDaysSince, double attendanceSince) {
        return meeting(schoolDaysSince, true, null).setType("ATTENDANCE_PANEL").setAttendancePercentSince(attendanceSince);
    }
}
