package uk.attendance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.attendance.rules.Facts.AS_OF;
import static uk.attendance.rules.Facts.PUPIL;
import static uk.attendance.rules.Facts.intervention;
import static uk.attendance.rules.Facts.letter;
import static uk.attendance.rules.Facts.parent;
import static uk.attendance.rules.Facts.penaltyNotice;
import static uk.attendance.rules.Facts.pupil;
import static uk.attendance.rules.Facts.pupilAttending;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.attendance.evaluation.DayStream;
import uk.attendance.intervention.InterventionKind;
import uk.attendance.rules.fact.ActionFact;
import uk.attendance.rules.fact.InterventionFact;
import uk.attendance.rules.fact.Period;
import uk.attendance.rules.fact.PeriodFacts;

class TrustTemplateLadderTest {

    private static final String CALL = "Trust template: Step 5 — attendance at 96%, Attendance Lead speaks to the parent";
    private static final String LETTER_1 = "Trust template: Step 6 — below 96%, first concern letter";
    private static final String THANK_YOU = "Trust template: Step 7 — attendance improved after the discussion, thank-you call";
    private static final String LETTER_2 = "Trust template: Step 8 — below 90% after the first letter, second letter and formal monitoring";
    private static final String MEETING =
            "Trust template: Step 9 — not improved after two weeks of formal monitoring, parent meeting with targets";
    private static final String REARRANGE = "Trust template: Step 9 — parents could not attend, rearrange the meeting";
    private static final String UNWILLING = "Trust template: Step 9 — parents unwilling to cooperate, contact the Education Inclusion Service";
    private static final String CONGRATULATE_MONITORING = "Trust template: Step 10 — improved during formal monitoring, congratulation letter";
    private static final String CONGRATULATE_TARGETS = "Trust template: Step 10 — targets met after the parent meeting, congratulation letter";
    private static final String REFERRAL = "Trust template: Step 11 — targets not met, referral to the LA Education Inclusion Service";
    private static final String SIGNED_IN_A_ROW = "Trust template: 6.4 — absent more than 3 school days in a row, ask for a signed letter";
    private static final String SIGNED_TERM = "Trust template: 6.4 — absent more than 10 school days this term, ask for a signed letter";
    private static final String HOLIDAY = "Trust template: 8.2 — term-time holiday of 10 sessions, request a penalty notice";
    private static final String MONITORING_CONTINUES =
            "Trust template: Step 10 — monitoring continues until 96%, attendance fell again after the congratulation, parent meeting";
    private static final String BELOW_90 = "Trust template: 6.7 — below 90%, Attendance Lead informed and a formal meeting with the parents";
    private static final String TERMLY_REPORT =
            "Trust template: 6.6 — 10 school days or more without authorisation, in the termly report to the DCEO and the LA";
    private static final String CERTIFICATE = "Trust template: 15.3 — outstanding attendance last term, certificate";
    private static final String EIS_MEETING =
            "Trust template: 18.1 — no effect after six weeks of formal monitoring, formal meeting with the Education Inclusion Service";
    private static final String LEGAL = "Trust template: 18.2 — still no improvement after the formal meeting, legal intervention with the LA";
    private static final String NOT_RETURNED =
            "Trust template: 6.8 — not returned 10 school days after an authorised absence, enquiries before removal from the register";
    private static final String EXCLUSION_NOTICE =
            "Trust template: 8.4 — excluded pupil seen in a public place in the first 5 days, penalty notice outside the cap";

    private static final LocalDate TERM_START = LocalDate.of(2025, 9, 3);

    private final LadderVerifier ladder = LadderVerifier.forPolicy("trust-template");

    // --- Step 5: the 96% call -----------------------------------------------------------------

    @Test
    void attendanceFallingTo96CallsTheParentButSendsNoLetterYet() {
        double threshold = ladder.parameters().number("call.atOrBelow.percent");
        ladder.given(pupilAttending(threshold, 100))
                .expectFired(CALL)
                .expectRecommended("ATTENDANCE_LEAD_CALL")
                .expectNotRecommended("CONCERN_LETTER_1");
    }

    @Test
    void attendanceJustAbove96RecommendsNothing() {
        ladder.given(pupilAttending(96.01, 100))
                .expectNotFired(CALL)
                .expectNothingRecommended();
    }

    @Test
    void noPossibleSessionsYetJudgesNothing() {
        ladder.given(pupil().setPossibleSessions(0).setAttendancePercent(Double.NaN))
                .expectNothingRecommended();
    }

    // --- Step 6: first concern letter ---------------------------------------------------------

    @Test
    void attendanceBelow96SendsTheFirstLetterAndCalls() {
        var outcome = ladder.given(pupilAttending(95.99, 100))
                .expectFired(LETTER_1)
                .expectRecommended("CONCERN_LETTER_1")
                .expectRecommended("ATTENDANCE_LEAD_CALL")
                .expectBand("Below 96%");
        assertThat(outcome.recommendation("CONCERN_LETTER_1").getReason()).contains("96.0%", "below the school's expected standard of 96%");
        assertThat(outcome.recommendation("CONCERN_LETTER_1").getRecordsType()).isEqualTo("CONCERN_1");
    }

    @Test
    void attendanceAt96SendsNoFirstLetter() {
        ladder.given(pupilAttending(96.0, 100))
                .expectNotFired(LETTER_1)
                .expectNotRecommended("CONCERN_LETTER_1");
    }

    // --- Step 7: thank-you call ---------------------------------------------------------------

    @Test
    void attendanceImprovedTwoWeeksAfterTheCallThanksTheParent() {
        ladder.given(pupilAttending(95.5, 100), call(10, 96.0))
                .expectFired(THANK_YOU)
                .expectRecommended("THANK_YOU_CALL");
    }

    @Test
    void noThankYouBeforeTheTrackingPeriodEndsOrWithoutImprovement() {
        ladder.given(pupilAttending(95.5, 100), call(9, 100.0))
                .expectNotFired(THANK_YOU)
                .expectNotRecommended("THANK_YOU_CALL");
        ladder.given(pupilAttending(95.5, 100), call(10, 95.9))
                .expectNotFired(THANK_YOU)
                .expectNotRecommended("THANK_YOU_CALL");
    }

    @Test
    void noThankYouCallOnceFormallyMonitored() {
        ladder.given(pupilAttending(91.0, 100), call(20, 97.0), letter2(12, 97.0))
                .expectNotFired(THANK_YOU)
                .expectNotRecommended("THANK_YOU_CALL");
    }

    // --- Step 8: second letter and formal monitoring ------------------------------------------

    @Test
    void belowNinetyAfterTheFirstLetterSendsTheSecondLetter() {
        ladder.given(pupilAttending(89.99, 100), letter("CONCERN_1", 15))
                .expectFired(LETTER_2)
                .expectRecommended("CONCERN_LETTER_2")
                .expectBand("Below 90%");
    }

    @Test
    void atNinetyAfterTheFirstLetterNoSecondLetter() {
        ladder.given(pupilAttending(90.0, 100), letter("CONCERN_1", 15))
                .expectNotFired(LETTER_2)
                .expectNotRecommended("CONCERN_LETTER_2");
    }

    @Test
    void theSecondLetterWaitsForTheFirstOfThisYear() {
        ladder.given(pupilAttending(85.0, 100))
                .expectRecommended("CONCERN_LETTER_1")
                .expectNotFired(LETTER_2)
                .expectNotRecommended("CONCERN_LETTER_2");
        ladder.given(pupilAttending(85.0, 100), letter("CONCERN_1", 15).setAcademicYear("2024/25"))
                .expectNotRecommended("CONCERN_LETTER_2");
    }

    // --- Step 9: parent meeting with targets --------------------------------------------------

    @Test
    void notImprovedTwoWeeksAfterTheSecondLetterCallsAParentMeeting() {
        ladder.given(pupilAttending(88.0, 100), letter("CONCERN_1", 30), letter2(10, 95.0))
                .expectFired(MEETING)
                .expectRecommended("PARENT_MEETING")
                .expectNotRecommended("CONGRATULATION_LETTER")
                .expectBand("Formal monitoring");
    }

    @Test
    void noMeetingBeforeTwoWeeksOfMonitoring() {
        ladder.given(pupilAttending(88.0, 100), letter2(9, 80.0))
                .expectNotFired(MEETING)
                .expectNotRecommended("PARENT_MEETING");
    }

    @Test
    void noMeetingWhenOneWasAlreadyHeldOrTheCongratulationWasRaised() {
        ladder.given(pupilAttending(88.0, 100), letter2(12, 90.0), meetingHeld(2, 90.0))
                .expectNotFired(MEETING);
        ladder.given(pupilAttending(88.0, 100), letter2(15, 94.0), raised("CONGRATULATION_LETTER", 3))
                .expectNotFired(MEETING)
                .expectNotRecommended("PARENT_MEETING");
    }

    @Test
    void parentsWhoCouldNotAttendGetTheMeetingRearranged() {
        var outcome = ladder.given(pupilAttending(88.0, 100), letter2(20, 90.0), meetingHeld(10, 85.0).setParentAttended(false))
                .expectFired(REARRANGE)
                .expectRecommended("PARENT_MEETING")
                .expectNotFired(REFERRAL)
                .expectNotRecommended("LA_REFERRAL");
        assertThat(outcome.recommendation("PARENT_MEETING").getPeriod()).startsWith("2025/26 rearranged after");
    }

    @Test
    void aMeetingHeldAfterTheMissedOneIsNotRearranged() {
        ladder.given(pupilAttending(88.0, 100), meetingHeld(10, 85.0).setParentAttended(false), meetingHeld(3, 90.0))
                .expectNotFired(REARRANGE)
                .expectNotRecommended("PARENT_MEETING");
    }

    @Test
    void parentsUnwillingToCooperateAreReferredToTheEducationInclusionService() {
        ladder.given(pupilAttending(88.0, 100), meetingHeld(2, 90.0).setOutcome("DECLINED_SUPPORT"))
                .expectFired(UNWILLING)
                .expectRecommended("LA_REFERRAL");
        ladder.given(pupilAttending(88.0, 100), meetingHeld(2, 90.0).setOutcome("RESOLVED"))
                .expectNotFired(UNWILLING)
                .expectNotRecommended("LA_REFERRAL");
    }

    // --- Step 10: congratulation --------------------------------------------------------------

    @Test
    void improvedDuringFormalMonitoringIsCongratulated() {
        ladder.given(pupilAttending(91.0, 100), letter2(10, 96.0))
                .expectFired(CONGRATULATE_MONITORING)
                .expectRecommended("CONGRATULATION_LETTER")
                .expectNotRecommended("PARENT_MEETING");
    }

    @Test
    void noCongratulationOnceTheMeetingRouteStarted() {
        ladder.given(pupilAttending(91.0, 100), letter2(15, 97.0), raised("PARENT_MEETING", 5))
                .expectNotFired(CONGRATULATE_MONITORING)
                .expectNotRecommended("CONGRATULATION_LETTER");
    }

    @Test
    void targetsMetTwoWeeksAfterTheMeetingAreCongratulated() {
        ladder.given(pupilAttending(91.0, 100), letter2(25, 92.0), meetingHeld(10, 96.0))
                .expectFired(CONGRATULATE_TARGETS)
                .expectRecommended("CONGRATULATION_LETTER")
                .expectNotRecommended("LA_REFERRAL");
    }

    @Test
    void targetsAreNotJudgedBeforeTwoWeeks() {
        ladder.given(pupilAttending(91.0, 100), meetingHeld(9, 100.0))
                .expectNotFired(CONGRATULATE_TARGETS)
                .expectNotRecommended("CONGRATULATION_LETTER");
    }

    // --- Step 11: referral --------------------------------------------------------------------

    @Test
    void targetsNotMetTwoWeeksAfterTheMeetingAreReferredToTheLa() {
        var outcome = ladder.given(pupilAttending(86.0, 100).setCharacteristics(java.util.Set.of("LAC")),
                        letter2(25, 88.0), meetingHeld(10, 95.9))
                .expectFired(REFERRAL)
                .expectRecommended("LA_REFERRAL")
                .expectNotRecommended("CONGRATULATION_LETTER");
        assertThat(outcome.recommendation("LA_REFERRAL").getReason()).contains("95.9%", "looked after");
    }

    @Test
    void noReferralBeforeTwoWeeksOrOnceCongratulated() {
        ladder.given(pupilAttending(86.0, 100), meetingHeld(9, 80.0))
                .expectNotFired(REFERRAL)
                .expectNotRecommended("LA_REFERRAL");
        ladder.given(pupilAttending(86.0, 100), meetingHeld(15, 94.0), raised("CONGRATULATION_LETTER", 4))
                .expectNotFired(REFERRAL)
                .expectNotRecommended("LA_REFERRAL");
    }

    @Test
    void theWholeLadderMovesOnStepByStep() {
        // Letter 1 sent 15 school days ago, now below 90%: second letter.
        ladder.given(pupilAttending(89.0, 100), letter("CONCERN_1", 15))
                .expectRecommended("CONCERN_LETTER_2")
                .expectNotRecommended("PARENT_MEETING");
        // Second letter sent 10 school days ago, no improvement: meeting.
        ladder.given(pupilAttending(88.0, 100), letter("CONCERN_1", 25), letter2(10, 90.0))
                .expectRecommended("PARENT_MEETING")
                .expectNotRecommended("LA_REFERRAL");
        // Meeting held 10 school days ago, targets not met: referral.
        ladder.given(pupilAttending(87.0, 100), letter("CONCERN_1", 35), letter2(20, 90.0), meetingHeld(10, 85.0))
                .expectRecommended("LA_REFERRAL")
                .expectNotFired(MEETING);
    }

    // --- Bands --------------------------------------------------------------------------------

    @Test
    void formalMonitoringLastsUntilAttendanceIsBackTo96() {
        ladder.given(pupilAttending(95.0, 100), letter2(30, 99.0)).expectBand("Formal monitoring");
        assertThat(ladder.given(pupilAttending(96.0, 100), letter2(30, 99.0)).firedRules())
                .noneMatch(rule -> rule.startsWith("Trust template: band"));
    }

    // --- 6.4: signed letter -------------------------------------------------------------------

    /** Four school days in a row whose every session is in codes.absentDay (I here): the fourth day asks for the letter. */
    @Test
    void absentMoreThanThreeSchoolDaysInARowAsksForASignedLetter() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-11", "I", "I").judgeTo("2025-09-19");
        assertThat(judged.rules()).contains(SIGNED_IN_A_ROW);
        assertThat(judged.first("REQUEST_SIGNED_LETTER").on()).isEqualTo(LocalDate.of(2025, 9, 11));
    }

    /**
     * Just below: three days of illness, then a day on which the pupil came in after the register closed (U on both
     * sessions). U is not in codes.absentDay (nor M or C2), so the run is three days, not four.
     */
    @Test
    void threeSchoolDaysInARowAsksForNothing() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-10", "I", "I").day("2025-09-11", "U", "U")
                .judgeTo("2025-09-19");
        assertThat(judged.rules()).doesNotContain(SIGNED_IN_A_ROW);
        assertThat(judged.types()).doesNotContain("REQUEST_SIGNED_LETTER");
    }

    @Test
    void oneSignedLetterPerRunOfAbsence() {
        // Six days in a row: one request, on the fourth. A new run of four days in October: a new request (ten days in
        // the term, not more than ten, so the term's request does not answer it).
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-15", "I", "I")
                .days("2025-10-06", "2025-10-09", "I", "I").judgeTo("2025-10-17");
        assertThat(judged.of("REQUEST_SIGNED_LETTER")).filteredOn(h -> h.recommendation().getRule().equals(SIGNED_IN_A_ROW))
                .extracting(DayStream.Held::on).containsExactly(LocalDate.of(2025, 9, 11), LocalDate.of(2025, 10, 9));
    }

    /** 10.5 days absent this term (ten days and a morning, none of them in a row of more than three): more than 10. */
    @Test
    void absentMoreThanTenSchoolDaysThisTermAsksForASignedLetter() {
        RegisterLadder.Judged judged = tenDaysAbsentInTwos(RegisterLadder.of(ladder)).day("2025-10-20", "O", "\\")
                .judgeTo("2025-10-24");
        assertThat(judged.rules()).contains(SIGNED_TERM).doesNotContain(SIGNED_IN_A_ROW);
        assertThat(judged.of("REQUEST_SIGNED_LETTER")).singleElement().satisfies(held -> {
            assertThat(held.on()).isEqualTo(LocalDate.of(2025, 10, 20));
            assertThat(held.recommendation().getReason()).contains("10.5 days");
            assertThat(held.recommendation().getPeriod()).isEqualTo("2025/26 term from 2025-09-03");
        });
    }

    /** Just below: exactly 10 days absent this term. */
    @Test
    void tenSchoolDaysThisTermAsksForNothing() {
        RegisterLadder.Judged judged = tenDaysAbsentInTwos(RegisterLadder.of(ladder)).judgeTo("2025-10-24");
        assertThat(judged.rules()).doesNotContain(SIGNED_TERM);
        assertThat(judged.types()).doesNotContain("REQUEST_SIGNED_LETTER");
    }

    /** Ten days absent (O), two a week on Monday and Tuesday, from 8 September. */
    private static RegisterLadder tenDaysAbsentInTwos(RegisterLadder register) {
        for (String monday : List.of("2025-09-08", "2025-09-15", "2025-09-22", "2025-09-29", "2025-10-06")) {
            LocalDate day = LocalDate.parse(monday);
            register.day(monday, "O", "O").day(day.plusDays(1).toString(), "O", "O");
        }
        return register;
    }

    // --- 8.2: term-time holiday ---------------------------------------------------------------
    // Ten sessions of G are also ten unauthorised sessions, the national threshold: both ask for the same penalty
    // notice, so these tests look at the 8.2 rule firing on the day.

    /** Ten sessions of G in a row: on the tenth the rule asks for a penalty notice. */
    @Test
    void holidayOfTenSessionsAsksForAPenaltyNotice() {
        var outcome = RegisterLadder.of(ladder).parent("P1").days("2025-12-15", "2025-12-19", "G", "G").on("2025-12-19")
                .expectFired(HOLIDAY)
                .expectRecommended("CONSIDER_PENALTY_NOTICE");
        assertThat(outcome.recommendation("CONSIDER_PENALTY_NOTICE").getParentIds()).containsExactly("P1");
        assertThat(outcome.firedRules()).contains(HOLIDAY);
    }

    /** One holiday over the Christmas break is one holiday: six sessions before it and four after make ten. */
    @Test
    void aHolidayOverTheEndOfTermIsOneHoliday() {
        RegisterLadder.of(ladder).parent("P1").days("2025-12-17", "2025-12-19", "G", "G").days("2026-01-05", "2026-01-06", "G", "G")
                .on("2026-01-06")
                .expectFired(HOLIDAY);
    }

    /** Just below: nine sessions in a row (the last afternoon the pupil is back). */
    @Test
    void holidayOfNineSessionsAsksForNothing() {
        RegisterLadder.of(ladder).parent("P1").days("2025-12-17", "2025-12-19", "G", "G")
                .day("2026-01-05", "G", "G").day("2026-01-06", "G", "\\").on("2026-01-06")
                .expectNotFired(HOLIDAY);
    }

    @Test
    void twoHolidaysAreNotAddedUp() {
        // 10 sessions of G this term, but six in October and four in November.
        RegisterLadder.of(ladder).parent("P1").days("2025-10-06", "2025-10-08", "G", "G").days("2025-11-10", "2025-11-11", "G", "G")
                .on("2025-11-11")
                .expectNotFired(HOLIDAY);
    }

    @Test
    void pupilNotOfCompulsorySchoolAgeGetsNoPenaltyNotice() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).born("2021-03-01").parent("P1")
                .days("2025-12-15", "2025-12-19", "G", "G").judgeTo("2025-12-19");
        assertThat(judged.types()).doesNotContain("CONSIDER_PENALTY_NOTICE", "CONSIDER_ALTERNATIVE_LEGAL_ACTION");
    }

    @Test
    void capReachedTurnsTheHolidayRequestIntoAlternativeLegalAction() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).parent("P1").penaltyNotice("P1", "2024-10-01")
                .penaltyNotice("P1", "2025-03-03").days("2025-12-15", "2025-12-19", "G", "G").judgeTo("2025-12-19");
        assertThat(judged.types()).contains("CONSIDER_ALTERNATIVE_LEGAL_ACTION").doesNotContain("CONSIDER_PENALTY_NOTICE");
    }

    @Test
    void aHolidayAlreadyDealtWithIsNotRaisedAgain() {
        // A notice issued on the holiday's fourth day answers it.
        RegisterLadder.of(ladder).parent("P1").penaltyNotice("P1", "2025-12-18").days("2025-12-15", "2025-12-19", "G", "G")
                .on("2025-12-19")
                .expectNotFired(HOLIDAY);
    }

    // --- Step 11: legal referral, gated on compulsory school age ---------------------------------

    /** Targets not met after the meeting: referral for a pupil of compulsory school age, none for a four-year-old. */
    @Test
    void step11ReferralOnlyForAPupilOfCompulsorySchoolAge() {
        String meeting = "2025-10-06";
        RegisterLadder.Judged school = RegisterLadder.of(ladder)
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", meeting, true, null)
                .days("2025-10-07", "2025-10-24", "O", "\\").judgeTo("2025-10-24");
        assertThat(school.rules()).contains(REFERRAL);
        RegisterLadder.Judged reception = RegisterLadder.of(ladder).born("2021-03-01")
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", meeting, true, null)
                .days("2025-10-07", "2025-10-24", "O", "\\").judgeTo("2025-10-24");
        assertThat(reception.rules()).doesNotContain(REFERRAL);
    }

    // --- Step 10 "monitoring continues until 96%", 6.6, 6.7, 15.3, 18.1, 18.2: from register marks ------------

    /** Congratulated on 3 October with the year at 87%; then 19 of 20 sessions (95%): a meeting to set targets. */
    @Test
    void monitoringContinuesAfterTheCongratulationUntilNinetySixPercent() {
        RegisterLadder.Judged judged = congratulated(RegisterLadder.of(ladder)).day("2025-10-14", "I", "\\").judgeTo("2025-10-17");
        assertThat(judged.rules()).contains(MONITORING_CONTINUES);
    }

    /** Just above: every session since the congratulation (100%), no meeting. */
    @Test
    void noMeetingWhenAttendanceSinceTheCongratulationIsNinetySixOrMore() {
        RegisterLadder.Judged judged = congratulated(RegisterLadder.of(ladder)).judgeTo("2025-10-17");
        assertThat(judged.rules()).doesNotContain(MONITORING_CONTINUES);
    }

    private static RegisterLadder congratulated(RegisterLadder register) {
        return register.days("2025-09-08", "2025-09-10", "I", "I")
                .intervention(InterventionKind.LETTER, "CONGRATULATION", "2025-10-03", null, null);
    }

    /** 6.7: present to 26 September, then absent 29 and 30 September and the morning of 1 October: 36 of 41, below 90%. */
    @Test
    void belowNinetyPercentTheAttendanceLeadArrangesAFormalMeeting() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-29", "2025-09-30", "I", "I").day("2025-10-01", "I", "\\")
                .judgeTo("2025-10-03");
        assertThat(judged.rules()).contains(BELOW_90);
        assertThat(judged.first("FORMAL_MEETING").on()).isEqualTo(LocalDate.of(2025, 10, 1));
    }

    /** Just below the line: 36 of 40 (90.0%) on 30 September, and above it since. */
    @Test
    void atNinetyPercentNoFormalMeeting() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-29", "2025-09-30", "I", "I").judgeTo("2025-10-03");
        assertThat(judged.rules()).doesNotContain(BELOW_90);
    }

    /** 6.6: ten school days of unauthorised absence (20 sessions of O): the pupil goes in this term's report. */
    @Test
    void tenDaysWithoutAuthorisationGoInTheTermlyReport() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-19", "O", "O").judgeTo("2025-09-26");
        assertThat(judged.first("LA_TERMLY_REPORT").on()).isEqualTo(LocalDate.of(2025, 9, 19));
        assertThat(judged.recommendation("LA_TERMLY_REPORT").getPeriod()).isEqualTo("2025/26 term from 2025-09-03");
    }

    /** Just below: nine and a half days. */
    @Test
    void nineAndAHalfDaysWithoutAuthorisationDoNot() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-18", "O", "O").day("2025-09-19", "O", "\\")
                .judgeTo("2025-09-26");
        assertThat(judged.rules()).doesNotContain(TERMLY_REPORT);
    }

    /** 15.3: every session of the autumn term attended: a certificate on the first day of spring, for the term just ended. */
    @Test
    void outstandingAttendanceLastTermEarnsACertificate() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).judgeTo("2026-01-09");
        assertThat(judged.first("ATTENDANCE_CERTIFICATE").on()).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    /** Just below: one morning missed in the autumn term. */
    @Test
    void oneSessionMissedLastTermIsNotOutstanding() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).day("2025-12-19", "I", "\\").judgeTo("2026-01-09");
        assertThat(judged.rules()).doesNotContain(CERTIFICATE);
    }

    /** 18.1: six weeks (30 school days) after the second letter of 19 September, 57 of 60 sessions (95%): the formal meeting. */
    @Test
    void noEffectAfterSixWeeksOfFormalMonitoringBringsTheFormalMeeting() {
        RegisterLadder.Judged judged = secondLetter(RegisterLadder.of(ladder)).day("2025-09-22", "I", "I").day("2025-09-23", "I", "\\")
                .judgeTo("2025-11-07");
        assertThat(judged.first("EIS_FORMAL_MEETING").on()).isEqualTo(LocalDate.of(2025, 11, 7));
    }

    /** Just above: 58 of 60 (96.7%). */
    @Test
    void noFormalMeetingWhenFormalMonitoringWorked() {
        RegisterLadder.Judged judged = secondLetter(RegisterLadder.of(ladder)).day("2025-09-22", "I", "I").judgeTo("2025-11-07");
        assertThat(judged.rules()).doesNotContain(EIS_MEETING);
    }

    /** 18.2: still below 96% six weeks after the formal meeting: legal intervention, for a pupil of compulsory school age only. */
    @Test
    void legalInterventionAfterTheFormalMeetingOnlyForAPupilOfCompulsorySchoolAge() {
        RegisterLadder.Judged judged = afterFormalMeeting(RegisterLadder.of(ladder)).judgeTo("2025-11-07");
        assertThat(judged.first("LEGAL_INTERVENTION_REFERRAL").on()).isEqualTo(LocalDate.of(2025, 11, 7));
        RegisterLadder.Judged reception = afterFormalMeeting(RegisterLadder.of(ladder).born("2021-03-01")).judgeTo("2025-11-07");
        assertThat(reception.rules()).doesNotContain(LEGAL);
    }

    // --- 6.8: not returned after an authorised absence -----------------------------------------
    // A week of leave in exceptional circumstances (C) from 29 September, then no return: the 10th school day without
    // authorisation after it is Friday 17 October.

    /** 6.8: ten school days of O straight after the authorised leave: enquiries with the LA before removal from the register. */
    @Test
    void notReturnedTenSchoolDaysAfterAuthorisedLeaveAsksForEnquiries() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-29", "2025-10-03", "C", "C")
                .days("2025-10-06", "2025-10-17", "O", "O").judgeTo("2025-10-17");
        assertThat(judged.rules()).contains(NOT_RETURNED);
        assertThat(judged.first("CONSIDER_REGISTER_DELETION").on()).isEqualTo(LocalDate.of(2025, 10, 17));
    }

    /** Just below: nine school days, back on the afternoon of the tenth. */
    @Test
    void backOnTheTenthSchoolDayAfterAuthorisedLeaveAsksForNothing() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-29", "2025-10-03", "C", "C")
                .days("2025-10-06", "2025-10-16", "O", "O").day("2025-10-17", "O", "\\").judgeTo("2025-10-24");
        assertThat(judged.rules()).doesNotContain(NOT_RETURNED);
        assertThat(judged.types()).doesNotContain("CONSIDER_REGISTER_DELETION");
    }

    /** Ten school days of O after a day in school is not "after an authorised absence" (the 20-day statutory ground is apart). */
    @Test
    void tenSchoolDaysWithoutAuthorisationAfterAttendingAreNotSection68() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-10-06", "2025-10-17", "O", "O").judgeTo("2025-10-17");
        assertThat(judged.rules()).doesNotContain(NOT_RETURNED);
    }

    // --- 8.4: penalty notice for an excluded pupil seen in a public place ------------------------
    // Excluded (E) from Monday 10 November; the school records the pupil seen in a public place in school hours.

    /** Seen on the 5th school day of the exclusion: a penalty notice, even with both of the cap's notices already issued. */
    @Test
    void excludedPupilSeenInPublicOnTheFifthDayBringsANoticeOutsideTheCap() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).parent("P1").penaltyNotice("P1", "2024-10-01")
                .penaltyNotice("P1", "2025-03-03").days("2025-11-10", "2025-11-17", "E", "E")
                .intervention(InterventionKind.OTHER, "SEEN_IN_PUBLIC_WHILE_EXCLUDED", "2025-11-14", null, null).judgeTo("2025-11-21");
        assertThat(judged.rules()).contains(EXCLUSION_NOTICE);
        assertThat(judged.first("CONSIDER_EXCLUSION_PENALTY_NOTICE").on()).isEqualTo(LocalDate.of(2025, 11, 14));
        assertThat(judged.types()).doesNotContain("CONSIDER_ALTERNATIVE_LEGAL_ACTION");
    }

    /** Just past it: seen on the 6th school day of the exclusion. */
    @Test
    void excludedPupilSeenOnTheSixthDayBringsNothing() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).parent("P1").days("2025-11-10", "2025-11-17", "E", "E")
                .intervention(InterventionKind.OTHER, "SEEN_IN_PUBLIC_WHILE_EXCLUDED", "2025-11-17", null, null).judgeTo("2025-11-21");
        assertThat(judged.rules()).doesNotContain(EXCLUSION_NOTICE);
    }

    /** The exclusion notice is recorded apart from penalty notices for absence, so it never counts towards the cap. */
    @Test
    void theExclusionNoticeIsNotCountedTowardsTheCap() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).parent("P1").penaltyNotice("P1", "2025-03-03")
                .days("2025-11-10", "2025-11-11", "E", "E")
                .intervention(InterventionKind.OTHER, "EXCLUSION_PENALTY_NOTICE", "2025-11-12", null, null)
                .days("2025-12-15", "2025-12-19", "G", "G").judgeTo("2025-12-19");
        assertThat(judged.types()).contains("CONSIDER_PENALTY_NOTICE").doesNotContain("CONSIDER_ALTERNATIVE_LEGAL_ACTION");
    }

    /** No notice for a pupil below compulsory school age. */
    @Test
    void noExclusionNoticeBelowCompulsorySchoolAge() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).born("2021-03-01").parent("P1").days("2025-11-10", "2025-11-14", "E", "E")
                .intervention(InterventionKind.OTHER, "SEEN_IN_PUBLIC_WHILE_EXCLUDED", "2025-11-12", null, null).judgeTo("2025-11-21");
        assertThat(judged.rules()).doesNotContain(EXCLUSION_NOTICE);
    }

    private static RegisterLadder secondLetter(RegisterLadder register) {
        return register.days("2025-09-08", "2025-09-10", "I", "I")
                .intervention(InterventionKind.LETTER, "CONCERN_2", "2025-09-19", null, null);
    }

    private static RegisterLadder afterFormalMeeting(RegisterLadder register) {
        return register.intervention(InterventionKind.MEETING, "EIS_FORMAL_MEETING", "2025-09-19", true, null)
                .day("2025-09-22", "O", "O").day("2025-09-23", "O", "\\");
    }

    // --- helpers ------------------------------------------------------------------------------

    private static InterventionFact call(int schoolDaysSince, double attendanceSince) {
        return intervention("OTHER", schoolDaysSince).setType("ATTENDANCE_LEAD_CALL").setAttendancePercentSince(attendanceSince);
    }

    private static InterventionFact letter2(int schoolDaysSince, double attendanceSince) {
        return letter("CONCERN_2", schoolDaysSince).setAttendancePercentSince(attendanceSince);
    }

    private static InterventionFact meetingHeld(int schoolDaysSince, double attendanceSince) {
        return intervention("MEETING", schoolDaysSince).setType("PARENT_MEETING").setParentAttended(true)
                .setAttendancePercentSince(attendanceSince);
    }

    /** An action of {@code type} raised {@code schoolDaysAgo} school days (taken as weekdays) before {@link Facts#AS_OF}. */
    private static ActionFact raised(String type, int schoolDaysAgo) {
        LocalDate date = intervention("OTHER", schoolDaysAgo).getDate();
        return new ActionFact(PUPIL, type, "OPEN", date, "2025/26", schoolDaysAgo);
    }

    /** The current term so far, with {@code absentSessions} missed of which {@code holidaySessions} are G. */
    private static PeriodFacts term(int absentSessions, int holidaySessions) {
        int possible = 220;
        return new PeriodFacts(PUPIL, Period.CURRENT_TERM, TERM_START, AS_OF, possible, 100.0 * (possible - absentSessions) / possible,
                absentSessions, holidaySessions, holidaySessions, 0);
    }
}
