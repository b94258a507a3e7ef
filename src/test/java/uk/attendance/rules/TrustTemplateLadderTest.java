package uk.attendance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.attendance.evaluation.DayStream;
import uk.attendance.intervention.InterventionKind;

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

    private final LadderVerifier ladder = LadderVerifier.forPolicy("trust-template");

    // Steps 5 to 11 from register marks on the school's posted calendar (RegisterLadder.onPostedCalendar, the INSET day on
    // 24 October). The year's 25th school day is Tuesday 7 October: 2 sessions missed of 50 is exactly 96.0%, of 48 on
    // the 6th 95.8%; 5 missed of 50 is exactly 90.0%, of 48 89.6%.

    // --- Step 5: the 96% call -----------------------------------------------------------------

    /** A day missed on 7 October: 48 of 50 (96.0%), at 96%: the call, and no letter yet. */
    @Test
    void attendanceFallingTo96CallsTheParentButSendsNoLetterYet() {
        RegisterLadder.Judged judged = register().day("2025-10-07", "I", "I").judgeTo("2025-10-10");
        assertThat(judged.first("ATTENDANCE_LEAD_CALL").on()).isEqualTo(LocalDate.of(2025, 10, 7));
        assertThat(judged.rules()).contains(CALL);
        assertThat(judged.types()).doesNotContain("CONCERN_LETTER_1");
    }

    /** Just below: one session fewer missed, 49 of 50 (98%): nothing. */
    @Test
    void attendanceJustAbove96RecommendsNothing() {
        assertThat(register().day("2025-10-07", "I", "\\").judgeTo("2025-10-10").held()).isEmpty();
    }

    /** Before the first school day there are no possible sessions: nothing is judged. */
    @Test
    void noPossibleSessionsYetJudgesNothing() {
        register().on("2025-09-02").expectNothingRecommended();
    }

    // --- Step 6: first concern letter ---------------------------------------------------------

    /** The same day missed one school day earlier, 6 October: 46 of 48 (95.8%), below 96%: the letter and the call. */
    @Test
    void attendanceBelow96SendsTheFirstLetterAndCalls() {
        RegisterLadder.Judged judged = register().day("2025-10-06", "I", "I").judgeTo("2025-10-10");
        assertThat(judged.first("CONCERN_LETTER_1").on()).isEqualTo(LocalDate.of(2025, 10, 6));
        assertThat(judged.first("ATTENDANCE_LEAD_CALL").on()).isEqualTo(LocalDate.of(2025, 10, 6));
        assertThat(judged.recommendation("CONCERN_LETTER_1").getRule()).isEqualTo(LETTER_1);
        assertThat(judged.recommendation("CONCERN_LETTER_1").getReason()).contains("95.8%", "below the school's expected standard of 96%");
        assertThat(judged.recommendation("CONCERN_LETTER_1").getRecordsType()).isEqualTo("CONCERN_1");
        register().day("2025-10-06", "I", "I").on("2025-10-06").expectBand("Below 96%");
    }

    /** Just below: the day missed on 7 October, 96.0% exactly: no letter. */
    @Test
    void attendanceAt96SendsNoFirstLetter() {
        assertThat(register().day("2025-10-07", "I", "I").judgeTo("2025-10-10").types()).doesNotContain("CONCERN_LETTER_1");
    }

    // --- Step 7: thank-you call ---------------------------------------------------------------
    // The call on 10 September; its 10th school day after is 24 September, 20 sessions.

    private RegisterLadder called() {
        return register().day("2025-09-09", "I", "\\").intervention(InterventionKind.OTHER, "ATTENDANCE_LEAD_CALL", "2025-09-10", null, null);
    }

    /** Every session since the call (100%): the thank-you call on 24 September, not on the 23rd. */
    @Test
    void attendanceImprovedTwoWeeksAfterTheCallThanksTheParent() {
        RegisterLadder.Judged judged = called().judgeTo("2025-09-26");
        assertThat(judged.first("THANK_YOU_CALL").on()).isEqualTo(LocalDate.of(2025, 9, 24));
        assertThat(judged.recommendation("THANK_YOU_CALL").getRule()).isEqualTo(THANK_YOU);
    }

    /** Just below: one session missed since the call, 19 of 20 (95%): no thank-you. */
    @Test
    void noThankYouWithoutImprovement() {
        assertThat(called().day("2025-09-11", "I", "\\").judgeTo("2025-09-26").types()).doesNotContain("THANK_YOU_CALL");
    }

    /** Once the second letter is sent the pupil is formally monitored: no thank-you call. */
    @Test
    void noThankYouCallOnceFormallyMonitored() {
        RegisterLadder.Judged judged = called().intervention(InterventionKind.LETTER, "CONCERN_2", "2025-09-11", null, null)
                .judgeTo("2025-09-26");
        assertThat(judged.types()).doesNotContain("THANK_YOU_CALL");
    }

    // --- Step 8: second letter and formal monitoring ------------------------------------------
    // The first letter on 8 September; 5 sessions missed on 2, 3 and 6 October: 43 of 48 (89.6%) on the 6th.

    private RegisterLadder firstLetterThenAbsent(String fifthSession) {
        return register().intervention(InterventionKind.LETTER, "CONCERN_1", "2025-09-08", null, null)
                .days("2025-10-02", "2025-10-03", "I", "I").day(fifthSession, "I", "\\");
    }

    /** Below 90% on 6 October after the first letter: the second letter that day. */
    @Test
    void belowNinetyAfterTheFirstLetterSendsTheSecondLetter() {
        RegisterLadder register = firstLetterThenAbsent("2025-10-06");
        assertThat(register.judgeTo("2025-10-10").first("CONCERN_LETTER_2").on()).isEqualTo(LocalDate.of(2025, 10, 6));
        register.on("2025-10-06").expectFired(LETTER_2).expectBand("Below 90%");
    }

    /** Just below: the fifth session missed one school day later, 45 of 50 (90.0%) on 7 October: no second letter. */
    @Test
    void atNinetyAfterTheFirstLetterNoSecondLetter() {
        assertThat(firstLetterThenAbsent("2025-10-07").judgeTo("2025-10-10").types()).doesNotContain("CONCERN_LETTER_2");
    }

    /** Below 90% with no first letter this year (none, or last July's): the first letter, not the second. */
    @Test
    void theSecondLetterWaitsForTheFirstOfThisYear() {
        RegisterLadder.Judged none = register().days("2025-10-02", "2025-10-03", "I", "I").day("2025-10-06", "I", "\\").judgeTo("2025-10-10");
        assertThat(none.types()).contains("CONCERN_LETTER_1").doesNotContain("CONCERN_LETTER_2");
        RegisterLadder.Judged lastYear = register().intervention(InterventionKind.LETTER, "CONCERN_1", "2025-07-10", null, null)
                .days("2025-10-02", "2025-10-03", "I", "I").day("2025-10-06", "I", "\\").judgeTo("2025-10-10");
        assertThat(lastYear.types()).doesNotContain("CONCERN_LETTER_2");
    }

    // --- Step 9: parent meeting with targets; step 10: congratulation after formal monitoring ----
    // The second letter on 11 September; two weeks (10 school days) of formal monitoring end on 25 September.

    private RegisterLadder secondLetterOn11September() {
        return register().days("2025-09-08", "2025-09-09", "I", "I").intervention(InterventionKind.LETTER, "CONCERN_2", "2025-09-11", null, null);
    }

    /** 19 of 20 sessions since the second letter (95%): the meeting on 25 September, not on the 24th. */
    @Test
    void notImprovedTwoWeeksAfterTheSecondLetterCallsAParentMeeting() {
        RegisterLadder register = secondLetterOn11September().day("2025-09-12", "I", "\\");
        RegisterLadder.Judged judged = register.judgeTo("2025-09-26");
        assertThat(judged.first("PARENT_MEETING").on()).isEqualTo(LocalDate.of(2025, 9, 25));
        assertThat(judged.recommendation("PARENT_MEETING").getRule()).isEqualTo(MEETING);
        assertThat(judged.types()).doesNotContain("CONGRATULATION_LETTER");
        register.on("2025-09-25").expectBand("Formal monitoring");
    }

    /** Just below: every session since the second letter (100%): the congratulation on 25 September instead, no meeting. */
    @Test
    void improvedDuringFormalMonitoringIsCongratulated() {
        RegisterLadder.Judged judged = secondLetterOn11September().judgeTo("2025-09-26");
        assertThat(judged.first("CONGRATULATION_LETTER").on()).isEqualTo(LocalDate.of(2025, 9, 25));
        assertThat(judged.recommendation("CONGRATULATION_LETTER").getRule()).isEqualTo(CONGRATULATE_MONITORING);
        assertThat(judged.types()).doesNotContain("PARENT_MEETING");
    }

    /** Congratulated on 25 September, then absence: the meeting is not raised for the same monitoring period. */
    @Test
    void noMeetingOnceTheCongratulationWasRaised() {
        RegisterLadder.Judged judged = secondLetterOn11September().days("2025-09-26", "2025-09-29", "O", "O").judgeTo("2025-10-03");
        assertThat(judged.types()).contains("CONGRATULATION_LETTER").doesNotContain("PARENT_MEETING");
    }

    /** A meeting already held after the second letter: no new one, and no congratulation from the monitoring either. */
    @Test
    void noMeetingOrMonitoringCongratulationWhenAMeetingWasAlreadyHeld() {
        RegisterLadder.Judged judged = secondLetterOn11September().day("2025-09-12", "I", "\\")
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-09-24", true, null).judgeTo("2025-09-26");
        assertThat(judged.rules()).doesNotContain(MEETING, CONGRATULATE_MONITORING);
    }

    /** The parents missed the meeting of 26 September: it is rearranged, and no referral is made. */
    @Test
    void parentsWhoCouldNotAttendGetTheMeetingRearranged() {
        RegisterLadder.Judged judged = secondLetterOn11September().day("2025-09-12", "I", "\\")
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-09-26", false, null).judgeTo("2025-10-17");
        DayStream.Held rearranged = judged.of("PARENT_MEETING").stream().filter(h -> h.recommendation().getRule().equals(REARRANGE))
                .findFirst().orElseThrow();
        assertThat(rearranged.on()).isEqualTo(LocalDate.of(2025, 9, 26));
        assertThat(rearranged.recommendation().getPeriod()).isEqualTo("2025/26 rearranged after 2025-09-26");
        assertThat(judged.types()).doesNotContain("LA_REFERRAL");
    }

    /** A meeting held on 29 September after the missed one of the 26th: no longer rearranged that day. */
    @Test
    void aMeetingHeldAfterTheMissedOneIsNotRearranged() {
        register().intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-09-26", false, null)
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-09-29", true, null).on("2025-09-29")
                .expectNotFired(REARRANGE);
    }

    /** Declined to work with the school at the meeting of 10 September: the Education Inclusion Service that day; resolved: no. */
    @Test
    void parentsUnwillingToCooperateAreReferredToTheEducationInclusionService() {
        RegisterLadder.Judged declined = register().intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-09-10", true, "DECLINED_SUPPORT")
                .judgeTo("2025-09-12");
        assertThat(declined.first("LA_REFERRAL").on()).isEqualTo(LocalDate.of(2025, 9, 10));
        assertThat(declined.rules()).contains(UNWILLING);
        RegisterLadder.Judged resolved = register().intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-09-10", true, "RESOLVED")
                .judgeTo("2025-09-12");
        assertThat(resolved.rules()).doesNotContain(UNWILLING);
    }

    // --- Step 10: targets met; step 11: targets not met --------------------------------------
    // The meeting on 13 October; its 10th school day after is Tuesday 4 November across the INSET day and half term
    // (Monday 3 November on a calendar without the INSET day).

    private RegisterLadder meetingOn13October() {
        return register().intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-10-13", true, null);
    }

    /** Every session since the meeting (100%): the congratulation on 4 November, not on the 3rd; no referral. */
    @Test
    void targetsMetTwoWeeksAfterTheMeetingAreCongratulated() {
        RegisterLadder.Judged judged = meetingOn13October().judgeTo("2025-11-07");
        assertThat(judged.first("CONGRATULATION_LETTER").on()).isEqualTo(LocalDate.of(2025, 11, 4));
        assertThat(judged.recommendation("CONGRATULATION_LETTER").getRule()).isEqualTo(CONGRATULATE_TARGETS);
        assertThat(judged.types()).doesNotContain("LA_REFERRAL");
    }

    /** Just below: 19 of 20 sessions since the meeting (95%): the referral on 4 November, asking for the social worker of a looked-after child. */
    @Test
    void targetsNotMetTwoWeeksAfterTheMeetingAreReferredToTheLa() {
        RegisterLadder.Judged judged = meetingOn13October().characteristic("LAC").day("2025-10-14", "O", "\\").judgeTo("2025-11-07");
        assertThat(judged.first("LA_REFERRAL").on()).isEqualTo(LocalDate.of(2025, 11, 4));
        assertThat(judged.recommendation("LA_REFERRAL").getRule()).isEqualTo(REFERRAL);
        assertThat(judged.recommendation("LA_REFERRAL").getReason()).contains("95.0%", "looked after");
        assertThat(judged.types()).doesNotContain("CONGRATULATION_LETTER");
    }

    /** Once congratulated (every session to 4 November), absence after it brings no referral for that meeting. */
    @Test
    void noReferralOnceCongratulated() {
        RegisterLadder.Judged judged = meetingOn13October().days("2025-11-05", "2025-11-07", "O", "O").judgeTo("2025-11-14");
        assertThat(judged.types()).contains("CONGRATULATION_LETTER").doesNotContain("LA_REFERRAL");
    }

    @Test
    void theWholeLadderMovesOnStepByStep() {
        // First letter (8 September), below 90% on 6 October: the second letter (sent 7 October); 10 school days later,
        // 21 October, not improved: the meeting (held 22 October); 10 school days later across the INSET day and half
        // term, 13 November, not met: referral.
        RegisterLadder.Judged judged = firstLetterThenAbsent("2025-10-06")
                .intervention(InterventionKind.LETTER, "CONCERN_2", "2025-10-07", null, null).day("2025-10-08", "O", "\\")
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", "2025-10-22", true, null).day("2025-10-23", "O", "\\")
                .judgeTo("2025-11-14");
        assertThat(judged.first("CONCERN_LETTER_2").on()).isEqualTo(LocalDate.of(2025, 10, 6));
        assertThat(judged.first("PARENT_MEETING").on()).isEqualTo(LocalDate.of(2025, 10, 21));
        assertThat(judged.first("LA_REFERRAL").on()).isEqualTo(LocalDate.of(2025, 11, 13));
    }

    // --- Bands --------------------------------------------------------------------------------

    /** Second letter on 8 September; a day missed on 6 October (95.8%): formally monitored. On 7 October (96.0%): no band. */
    @Test
    void formalMonitoringLastsUntilAttendanceIsBackTo96() {
        register().intervention(InterventionKind.LETTER, "CONCERN_2", "2025-09-08", null, null).day("2025-10-06", "I", "I")
                .on("2025-10-06").expectBand("Formal monitoring");
        assertThat(register().intervention(InterventionKind.LETTER, "CONCERN_2", "2025-09-08", null, null).day("2025-10-07", "I", "I")
                .on("2025-10-07").firedRules())
                .noneMatch(rule -> rule.startsWith("Trust template: band"));
    }

    // --- 6.4: signed letter -------------------------------------------------------------------

    /** Four school days in a row whose every session is in codes.absentDay (I here): the fourth day asks for the letter. */
    @Test
    void absentMoreThanThreeSchoolDaysInARowAsksForASignedLetter() {
        RegisterLadder.Judged judged = register().days("2025-09-08", "2025-09-11", "I", "I").judgeTo("2025-09-19");
        assertThat(judged.rules()).contains(SIGNED_IN_A_ROW);
        assertThat(judged.first("REQUEST_SIGNED_LETTER").on()).isEqualTo(LocalDate.of(2025, 9, 11));
    }

    /**
     * Just below: three days of illness, then a day on which the pupil came in after the register closed (U on both
     * sessions). U is not in codes.absentDay (nor M or C2), so the run is three days, not four.
     */
    @Test
    void threeSchoolDaysInARowAsksForNothing() {
        RegisterLadder.Judged judged = register().days("2025-09-08", "2025-09-10", "I", "I").day("2025-09-11", "U", "U")
                .judgeTo("2025-09-19");
        assertThat(judged.rules()).doesNotContain(SIGNED_IN_A_ROW);
        assertThat(judged.types()).doesNotContain("REQUEST_SIGNED_LETTER");
    }

    @Test
    void oneSignedLetterPerRunOfAbsence() {
        // Six days in a row: one request, on the fourth. A new run of four days in October: a new request (ten days in
        // the term, not more than ten, so the term's request does not answer it).
        RegisterLadder.Judged judged = register().days("2025-09-08", "2025-09-15", "I", "I")
                .days("2025-10-06", "2025-10-09", "I", "I").judgeTo("2025-10-17");
        assertThat(judged.of("REQUEST_SIGNED_LETTER")).filteredOn(h -> h.recommendation().getRule().equals(SIGNED_IN_A_ROW))
                .extracting(DayStream.Held::on).containsExactly(LocalDate.of(2025, 9, 11), LocalDate.of(2025, 10, 9));
    }

    /** 10.5 days absent this term (ten days and a morning, none of them in a row of more than three): more than 10. */
    @Test
    void absentMoreThanTenSchoolDaysThisTermAsksForASignedLetter() {
        RegisterLadder.Judged judged = tenDaysAbsentInTwos(register()).day("2025-10-20", "O", "\\")
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
        RegisterLadder.Judged judged = tenDaysAbsentInTwos(register()).judgeTo("2025-10-24");
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
        var outcome = register().parent("P1").days("2025-12-15", "2025-12-19", "G", "G").on("2025-12-19")
                .expectFired(HOLIDAY)
                .expectRecommended("CONSIDER_PENALTY_NOTICE");
        assertThat(outcome.recommendation("CONSIDER_PENALTY_NOTICE").getParentIds()).containsExactly("P1");
        assertThat(outcome.firedRules()).contains(HOLIDAY);
    }

    /** One holiday over the Christmas break is one holiday: six sessions before it and four after make ten. */
    @Test
    void aHolidayOverTheEndOfTermIsOneHoliday() {
        register().parent("P1").days("2025-12-17", "2025-12-19", "G", "G").days("2026-01-05", "2026-01-06", "G", "G")
                .on("2026-01-06")
                .expectFired(HOLIDAY);
    }

    /** Just below: nine sessions in a row (the last afternoon the pupil is back). */
    @Test
    void holidayOfNineSessionsAsksForNothing() {
        register().parent("P1").days("2025-12-17", "2025-12-19", "G", "G")
                .day("2026-01-05", "G", "G").day("2026-01-06", "G", "\\").on("2026-01-06")
                .expectNotFired(HOLIDAY);
    }

    @Test
    void twoHolidaysAreNotAddedUp() {
        // 10 sessions of G this term, but six in October and four in November.
        register().parent("P1").days("2025-10-06", "2025-10-08", "G", "G").days("2025-11-10", "2025-11-11", "G", "G")
                .on("2025-11-11")
                .expectNotFired(HOLIDAY);
    }

    @Test
    void pupilNotOfCompulsorySchoolAgeGetsNoPenaltyNotice() {
        RegisterLadder.Judged judged = register().born("2021-03-01").parent("P1")
                .days("2025-12-15", "2025-12-19", "G", "G").judgeTo("2025-12-19");
        assertThat(judged.types()).doesNotContain("CONSIDER_PENALTY_NOTICE", "CONSIDER_ALTERNATIVE_LEGAL_ACTION");
    }

    @Test
    void capReachedTurnsTheHolidayRequestIntoAlternativeLegalAction() {
        RegisterLadder.Judged judged = register().parent("P1").penaltyNotice("P1", "2024-10-01")
                .penaltyNotice("P1", "2025-03-03").days("2025-12-15", "2025-12-19", "G", "G").judgeTo("2025-12-19");
        assertThat(judged.types()).contains("CONSIDER_ALTERNATIVE_LEGAL_ACTION").doesNotContain("CONSIDER_PENALTY_NOTICE");
    }

    @Test
    void aHolidayAlreadyDealtWithIsNotRaisedAgain() {
        // A notice issued on the holiday's fourth day answers it.
        register().parent("P1").penaltyNotice("P1", "2025-12-18").days("2025-12-15", "2025-12-19", "G", "G")
                .on("2025-12-19")
                .expectNotFired(HOLIDAY);
    }

    // --- Step 11: legal referral, gated on compulsory school age ---------------------------------

    /** Targets not met after the meeting: referral for a pupil of compulsory school age, none for a four-year-old. */
    @Test
    void step11ReferralOnlyForAPupilOfCompulsorySchoolAge() {
        String meeting = "2025-10-06";
        RegisterLadder.Judged school = register()
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", meeting, true, null)
                .days("2025-10-07", "2025-10-24", "O", "\\").judgeTo("2025-10-24");
        assertThat(school.rules()).contains(REFERRAL);
        RegisterLadder.Judged reception = register().born("2021-03-01")
                .intervention(InterventionKind.MEETING, "PARENT_MEETING", meeting, true, null)
                .days("2025-10-07", "2025-10-24", "O", "\\").judgeTo("2025-10-24");
        assertThat(reception.rules()).doesNotContain(REFERRAL);
    }

    // --- Step 10 "monitoring continues until 96%", 6.6, 6.7, 15.3, 18.1, 18.2: from register marks ------------

    /** Congratulated on 3 October with the year at 87%; then 19 of 20 sessions (95%): a meeting to set targets. */
    @Test
    void monitoringContinuesAfterTheCongratulationUntilNinetySixPercent() {
        RegisterLadder.Judged judged = congratulated(register()).day("2025-10-14", "I", "\\").judgeTo("2025-10-17");
        assertThat(judged.rules()).contains(MONITORING_CONTINUES);
    }

    /** Just above: every session since the congratulation (100%), no meeting. */
    @Test
    void noMeetingWhenAttendanceSinceTheCongratulationIsNinetySixOrMore() {
        RegisterLadder.Judged judged = congratulated(register()).judgeTo("2025-10-17");
        assertThat(judged.rules()).doesNotContain(MONITORING_CONTINUES);
    }

    private static RegisterLadder congratulated(RegisterLadder register) {
        return register.days("2025-09-08", "2025-09-10", "I", "I")
                .intervention(InterventionKind.LETTER, "CONGRATULATION", "2025-10-03", null, null);
    }

    /** 6.7: present to 26 September, then absent 29 and 30 September and the morning of 1 October: 36 of 41, below 90%. */
    @Test
    void belowNinetyPercentTheAttendanceLeadArrangesAFormalMeeting() {
        RegisterLadder.Judged judged = register().days("2025-09-29", "2025-09-30", "I", "I").day("2025-10-01", "I", "\\")
                .judgeTo("2025-10-03");
        assertThat(judged.rules()).contains(BELOW_90);
        assertThat(judged.first("FORMAL_MEETING").on()).isEqualTo(LocalDate.of(2025, 10, 1));
    }

    /** Just below the line: 36 of 40 (90.0%) on 30 September, and above it since. */
    @Test
    void atNinetyPercentNoFormalMeeting() {
        RegisterLadder.Judged judged = register().days("2025-09-29", "2025-09-30", "I", "I").judgeTo("2025-10-03");
        assertThat(judged.rules()).doesNotContain(BELOW_90);
    }

    /** 6.6: ten school days of unauthorised absence (20 sessions of O): the pupil goes in this term's report. */
    @Test
    void tenDaysWithoutAuthorisationGoInTheTermlyReport() {
        RegisterLadder.Judged judged = register().days("2025-09-08", "2025-09-19", "O", "O").judgeTo("2025-09-26");
        assertThat(judged.first("LA_TERMLY_REPORT").on()).isEqualTo(LocalDate.of(2025, 9, 19));
        assertThat(judged.recommendation("LA_TERMLY_REPORT").getPeriod()).isEqualTo("2025/26 term from 2025-09-03");
    }

    /** Just below: nine and a half days. */
    @Test
    void nineAndAHalfDaysWithoutAuthorisationDoNot() {
        RegisterLadder.Judged judged = register().days("2025-09-08", "2025-09-18", "O", "O").day("2025-09-19", "O", "\\")
                .judgeTo("2025-09-26");
        assertThat(judged.rules()).doesNotContain(TERMLY_REPORT);
    }

    /** 15.3: every session of the autumn term attended: a certificate on the first day of spring, for the term just ended. */
    @Test
    void outstandingAttendanceLastTermEarnsACertificate() {
        RegisterLadder.Judged judged = register().judgeTo("2026-01-09");
        assertThat(judged.first("ATTENDANCE_CERTIFICATE").on()).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    /** Just below: one morning missed in the autumn term. */
    @Test
    void oneSessionMissedLastTermIsNotOutstanding() {
        RegisterLadder.Judged judged = register().day("2025-12-19", "I", "\\").judgeTo("2026-01-09");
        assertThat(judged.rules()).doesNotContain(CERTIFICATE);
    }

    /**
     * 18.1: six weeks (30 school days) after the second letter of 19 September, 57 of 60 sessions (95%): the formal
     * meeting on Monday 10 November (the INSET day moves it from Friday 7 November).
     */
    @Test
    void noEffectAfterSixWeeksOfFormalMonitoringBringsTheFormalMeeting() {
        RegisterLadder.Judged judged = secondLetter(register()).day("2025-09-22", "I", "I").day("2025-09-23", "I", "\\")
                .judgeTo("2025-11-14");
        assertThat(judged.first("EIS_FORMAL_MEETING").on()).isEqualTo(LocalDate.of(2025, 11, 10));
    }

    /** Just above: 58 of 60 (96.7%). */
    @Test
    void noFormalMeetingWhenFormalMonitoringWorked() {
        RegisterLadder.Judged judged = secondLetter(register()).day("2025-09-22", "I", "I").judgeTo("2025-11-14");
        assertThat(judged.rules()).doesNotContain(EIS_MEETING);
    }

    /**
     * 18.2: still below 96% six weeks (30 school days, to 10 November across the INSET day) after the formal meeting:
     * legal intervention, for a pupil of compulsory school age only.
     */
    @Test
    void legalInterventionAfterTheFormalMeetingOnlyForAPupilOfCompulsorySchoolAge() {
        RegisterLadder.Judged judged = afterFormalMeeting(register()).judgeTo("2025-11-14");
        assertThat(judged.first("LEGAL_INTERVENTION_REFERRAL").on()).isEqualTo(LocalDate.of(2025, 11, 10));
        RegisterLadder.Judged reception = afterFormalMeeting(register().born("2021-03-01")).judgeTo("2025-11-14");
        assertThat(reception.rules()).doesNotContain(LEGAL);
    }

    // --- 6.8: not returned after an authorised absence -----------------------------------------
    // A week of leave in exceptional circumstances (C) from 29 September, then no return: the 10th school day without
    // authorisation after it is Friday 17 October.

    /** 6.8: ten school days of O straight after the authorised leave: enquiries with the LA before removal from the register. */
    @Test
    void notReturnedTenSchoolDaysAfterAuthorisedLeaveAsksForEnquiries() {
        RegisterLadder.Judged judged = register().days("2025-09-29", "2025-10-03", "C", "C")
                .days("2025-10-06", "2025-10-17", "O", "O").judgeTo("2025-10-17");
        assertThat(judged.rules()).contains(NOT_RETURNED);
        assertThat(judged.first("CONSIDER_REGISTER_DELETION").on()).isEqualTo(LocalDate.of(2025, 10, 17));
    }

    /** Just below: nine school days, back on the afternoon of the tenth. */
    @Test
    void backOnTheTenthSchoolDayAfterAuthorisedLeaveAsksForNothing() {
        RegisterLadder.Judged judged = register().days("2025-09-29", "2025-10-03", "C", "C")
                .days("2025-10-06", "2025-10-16", "O", "O").day("2025-10-17", "O", "\\").judgeTo("2025-10-24");
        assertThat(judged.rules()).doesNotContain(NOT_RETURNED);
        assertThat(judged.types()).doesNotContain("CONSIDER_REGISTER_DELETION");
    }

    /** Ten school days of O after a day in school is not "after an authorised absence" (the 20-day statutory ground is apart). */
    @Test
    void tenSchoolDaysWithoutAuthorisationAfterAttendingAreNotSection68() {
        RegisterLadder.Judged judged = register().days("2025-10-06", "2025-10-17", "O", "O").judgeTo("2025-10-17");
        assertThat(judged.rules()).doesNotContain(NOT_RETURNED);
    }

    // --- 8.4: penalty notice for an excluded pupil seen in a public place ------------------------
    // Excluded (E) from Monday 10 November; the school records the pupil seen in a public place in school hours.

    /** Seen on the 5th school day of the exclusion: a penalty notice, even with both of the cap's notices already issued. */
    @Test
    void excludedPupilSeenInPublicOnTheFifthDayBringsANoticeOutsideTheCap() {
        RegisterLadder.Judged judged = register().parent("P1").penaltyNotice("P1", "2024-10-01")
                .penaltyNotice("P1", "2025-03-03").days("2025-11-10", "2025-11-17", "E", "E")
                .intervention(InterventionKind.OTHER, "SEEN_IN_PUBLIC_WHILE_EXCLUDED", "2025-11-14", null, null).judgeTo("2025-11-21");
        assertThat(judged.rules()).contains(EXCLUSION_NOTICE);
        assertThat(judged.first("CONSIDER_EXCLUSION_PENALTY_NOTICE").on()).isEqualTo(LocalDate.of(2025, 11, 14));
        assertThat(judged.types()).doesNotContain("CONSIDER_ALTERNATIVE_LEGAL_ACTION");
    }

    /** Just past it: seen on the 6th school day of the exclusion. */
    @Test
    void excludedPupilSeenOnTheSixthDayBringsNothing() {
        RegisterLadder.Judged judged = register().parent("P1").days("2025-11-10", "2025-11-17", "E", "E")
                .intervention(InterventionKind.OTHER, "SEEN_IN_PUBLIC_WHILE_EXCLUDED", "2025-11-17", null, null).judgeTo("2025-11-21");
        assertThat(judged.rules()).doesNotContain(EXCLUSION_NOTICE);
    }

    /** The exclusion notice is recorded apart from penalty notices for absence, so it never counts towards the cap. */
    @Test
    void theExclusionNoticeIsNotCountedTowardsTheCap() {
        RegisterLadder.Judged judged = register().parent("P1").penaltyNotice("P1", "2025-03-03")
                .days("2025-11-10", "2025-11-11", "E", "E")
                .intervention(InterventionKind.OTHER, "EXCLUSION_PENALTY_NOTICE", "2025-11-12", null, null)
                .days("2025-12-15", "2025-12-19", "G", "G").judgeTo("2025-12-19");
        assertThat(judged.types()).contains("CONSIDER_PENALTY_NOTICE").doesNotContain("CONSIDER_ALTERNATIVE_LEGAL_ACTION");
    }

    /** No notice for a pupil below compulsory school age. */
    @Test
    void noExclusionNoticeBelowCompulsorySchoolAge() {
        RegisterLadder.Judged judged = register().born("2021-03-01").parent("P1").days("2025-11-10", "2025-11-14", "E", "E")
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

    /** The pupil's register on the school's posted calendar (the INSET day on 24 October). */
    private RegisterLadder register() {
        return RegisterLadder.onPostedCalendar(ladder);
    }
}
