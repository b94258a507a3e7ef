package uk.attendance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static uk.attendance.rules.Facts.AS_OF;
import static uk.attendance.rules.Facts.intervention;
import static uk.attendance.rules.Facts.letter;
import static uk.attendance.rules.Facts.parent;
import static uk.attendance.rules.Facts.penaltyNotice;
import static uk.attendance.rules.Facts.pupil;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.attendance.action.MatchedValue;
import uk.attendance.evaluation.DayStream;
import uk.attendance.intervention.InterventionKind;
import uk.attendance.rules.fact.ActionFact;
import uk.attendance.rules.fact.InterventionFact;
import uk.attendance.rules.fact.Recommendation;

class StDunstansLadderTest {

    private static final String STAGE_1 = "St Dunstan's: 4 days absence — Stage 1 letter";
    private static final String STAGE_2 = "St Dunstan's: 10 days absence — Stage 2 letter";
    private static final String STAGE_3 = "St Dunstan's: 15 days absence — Stage 3 letter";
    private static final String PARENT_MEETING = "St Dunstan's: 15 days absence — Attendance Leader meeting with parents";
    private static final String FORMAL_WARNING = "St Dunstan's: 19 days absence — formal warning letter";
    private static final String LEGAL = "St Dunstan's: 30 days absence — Legal Intervention Team referral";
    private static final String SENIOR_LEADER = "St Dunstan's: 47 days absence or more — Senior Leader meeting";
    private static final String CME = "St Dunstan's: Children Missing Education — 5 days of continuous unexplained absence";
    private static final String PENALTY_NOTICE =
            "St Dunstan's: Penalty notice — 10 unauthorised sessions and further absence after the written warning";
    private static final String LEAVE_OF_ABSENCE = "St Dunstan's: Penalty notice — leave of absence in term time not authorised";

    private final LadderVerifier ladder = LadderVerifier.forPolicy("st-dunstans");

    private double days(String key) {
        return ladder.parameters().number(key);
    }

    // --- Attendance Support Map -----------------------------------------------------------------
    // Built from register marks: the pupil is absent (M, an authorised absence that no statutory duty counts) on whole
    // school days from 3 September, and half a day more for a figure such as 3.5, on the 2025/26 calendar; the rules run
    // over the facts Java computes from the marks on the day the figure is reached.

    private LadderVerifier.Outcome absent(double days) {
        return absent(days, null);
    }

    private LadderVerifier.Outcome absent(double days, String born) {
        java.util.List<LocalDate> schoolDays = RegisterLadder.CALENDAR.schoolDays();
        RegisterLadder register = RegisterLadder.of(ladder);
        if (born != null) {
            register.born(born);
        }
        int whole = (int) Math.floor(days);
        for (int i = 0; i < whole; i++) {
            register.day(schoolDays.get(i).toString(), "M", "M");
        }
        LocalDate last = schoolDays.get(whole - 1);
        if (days > whole) {
            last = schoolDays.get(whole);
            register.day(last.toString(), "M", "\\");
        }
        return register.on(last.toString());
    }

    @Test
    void theLetterKeepsTheValuesItsRuleRead() {
        // Absent the first four school days from 3 September: on the fourth, 4 days of 8 possible sessions.
        Recommendation letter = absent(days("stage1.days")).recommendation("STAGE_1_LETTER");
        assertThat(letter.getBecause()).extracting(MatchedValue::fact).containsOnly("PupilFacts");
        assertThat(letter.getBecause()).extracting(MatchedValue::field, MatchedValue::value)
                .containsExactly(tuple("daysAbsent", "4"), tuple("possibleSessions", "8"));
    }

    @Test
    void stage1LetterAtFourDays() {
        absent(days("stage1.days"))
                .expectFired(STAGE_1)
                .expectOnlyRecommended("STAGE_1_LETTER")
                .expectBand("4 days absence — Monitor");
    }

    @Test
    void noStage1LetterHalfADayBelowFourDays() {
        absent(days("stage1.days") - 0.5)
                .expectNotFired(STAGE_1)
                .expectNothingRecommended()
                .expectBand("Everyone — Expect");
    }

    @Test
    void stage2LetterAtTenDaysReplacesStage1() {
        absent(days("stage2.days"))
                .expectFired(STAGE_2)
                .expectRecommended("STAGE_2_LETTER")
                .expectNotRecommended("STAGE_1_LETTER")
                .expectBand("10 days absence — Listen & monitor");
    }

    @Test
    void stillStage1HalfADayBelowTenDays() {
        absent(days("stage2.days") - 0.5)
                .expectNotFired(STAGE_2)
                .expectOnlyRecommended("STAGE_1_LETTER")
                .expectBand("4 days absence — Monitor");
    }

    @Test
    void stage3LetterAndParentMeetingAtFifteenDays() {
        var outcome = absent(days("stage3.days"))
                .expectFired(STAGE_3)
                .expectFired(PARENT_MEETING)
                .expectOnlyRecommended("STAGE_3_LETTER", "PARENT_MEETING")
                .expectBand("15 days absence — Facilitate support");
        Recommendation meeting = outcome.recommendation("PARENT_MEETING");
        assertThat(meeting.getRecordsKind()).isEqualTo("MEETING");
        assertThat(meeting.getRecordsType()).isEqualTo("PARENT_MEETING");
    }

    @Test
    void noStage3OrMeetingHalfADayBelowFifteenDays() {
        absent(days("stage3.days") - 0.5)
                .expectNotFired(STAGE_3)
                .expectNotFired(PARENT_MEETING)
                .expectOnlyRecommended("STAGE_2_LETTER");
    }

    @Test
    void formalWarningAtNineteenDaysWhichIsThePersistentAbsencePointOf38Sessions() {
        var outcome = absent(days("formalWarning.days"))
                .expectFired(FORMAL_WARNING)
                .expectOnlyRecommended("FORMAL_WARNING_LETTER", "LA_PA_REPORT")
                .expectBand("19 days absence — Formalise support");
        Recommendation warning = outcome.recommendation("FORMAL_WARNING_LETTER");
        assertThat(warning.getReason()).contains("19 days").contains("38 sessions").contains("Persistently Absent");
        assertThat(warning.getRecordsKind()).isEqualTo("LETTER");
        assertThat(warning.getRecordsType()).isEqualTo("FORMAL_WARNING");
    }

    @Test
    void noFormalWarningAt37Sessions() {
        absent(days("formalWarning.days") - 0.5)
                .expectNotFired(FORMAL_WARNING)
                .expectNotRecommended("FORMAL_WARNING_LETTER")
                .expectBand("15 days absence — Facilitate support");
    }

    @Test
    void legalInterventionReferralAtThirtyDays() {
        absent(days("legalIntervention.days"))
                .expectFired(LEGAL)
                .expectOnlyRecommended("LEGAL_INTERVENTION_REFERRAL", "LA_PA_REPORT")
                .expectBand("30 days absence — Enforce");
    }

    @Test
    void noLegalInterventionReferralHalfADayBelowThirtyDays() {
        absent(days("legalIntervention.days") - 0.5)
                .expectNotFired(LEGAL)
                .expectOnlyRecommended("FORMAL_WARNING_LETTER", "LA_PA_REPORT");
    }

    @Test
    void noLegalInterventionReferralForAChildBelowCompulsorySchoolAge() {
        absent(days("legalIntervention.days"), "2021-03-01")
                .expectNotFired(LEGAL)
                .expectNothingRecommended()
                .expectBand("30 days absence — Enforce");
    }

    @Test
    void seniorLeaderMeetingAtFortySevenDays() {
        absent(days("seniorLeader.days"))
                .expectFired(SENIOR_LEADER)
                .expectOnlyRecommended("SENIOR_LEADER_MEETING", "LA_PA_REPORT")
                .expectBand("47 days absence or more — Enforce");
    }

    @Test
    void noSeniorLeaderMeetingHalfADayBelowFortySevenDays() {
        absent(days("seniorLeader.days") - 0.5)
                .expectNotFired(SENIOR_LEADER)
                .expectOnlyRecommended("LEGAL_INTERVENTION_REFERRAL", "LA_PA_REPORT");
    }

    @Test
    void noBandWithoutPossibleSessions() {
        ladder.given(pupil().setPossibleSessions(0).setAttendancePercent(Double.NaN))
                .expectNothingRecommended()
                .expectNotFired("St Dunstan's: Attendance Support Map — column the pupil is in");
    }

    // --- Children Missing Education ------------------------------------------------------------

    /** Five school days in a row whose every session is in codes.unexplained (N, O): the fifth day raises the referral. */
    @Test
    void cmeReferralAtFiveSchoolDaysOfUnexplainedAbsence() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-11", "N", "N").day("2025-09-12", "O", "O")
                .judgeTo("2025-09-19");
        assertThat(judged.rules()).contains(CME);
        assertThat(judged.first("CME_REFERRAL").on()).isEqualTo(LocalDate.of(2025, 9, 12));
        assertThat(judged.recommendation("CME_REFERRAL").getReason()).contains("5 school days", "N or O");
    }

    /** Just below: four unexplained days and a fifth that is explained as late after the register closed (U, not in the set). */
    @Test
    void noCmeReferralAtFourSchoolDays() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-11", "N", "N").day("2025-09-12", "U", "U")
                .judgeTo("2025-09-19");
        assertThat(judged.rules()).doesNotContain(CME);
        assertThat(judged.types()).doesNotContain("CME_REFERRAL");
    }

    @Test
    void cmeReferralNotRaisedAgainLaterInTheSameRunOfAbsence() {
        // Eight unexplained days in a row: one referral, on the fifth.
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-17", "N", "N").judgeTo("2025-09-19");
        assertThat(judged.of("CME_REFERRAL")).extracting(DayStream.Held::on).containsExactly(LocalDate.of(2025, 9, 12));
    }

    @Test
    void cmeReferralRaisedAgainForANewRunOfAbsence() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-09-12", "N", "N")
                .days("2025-10-06", "2025-10-10", "N", "N").judgeTo("2025-10-17");
        assertThat(judged.of("CME_REFERRAL")).extracting(DayStream.Held::on)
                .containsExactly(LocalDate.of(2025, 9, 12), LocalDate.of(2025, 10, 10));
    }

    // --- Penalty notice after the written warning ----------------------------------------------

    // Built from register marks, looking at the rule firing on the day: ten unauthorised sessions are also the national
    // threshold, which asks for the same notice.

    /**
     * Ten sessions of unauthorised absence (O, 8–12 September) by the written warning (the Stage 2 letter on 15
     * September), then one more session after it: the school's ground for a penalty notice.
     */
    @Test
    void tenSessionsByTheWrittenWarningThenFurtherAbsenceAsksForAPenaltyNotice() {
        var outcome = RegisterLadder.of(ladder).parent("P1").days("2025-09-08", "2025-09-12", "O", "O")
                .intervention(InterventionKind.LETTER, "STAGE_2", "2025-09-15", null, null).day("2025-09-16", "O", "\\")
                .on("2025-09-16")
                .expectFired(PENALTY_NOTICE);
        assertThat(outcome.recommendation("CONSIDER_PENALTY_NOTICE").getParentIds()).containsExactly("P1");
        // Why: what the ladder's rule read to ask for the notice, and what the statutory rule read to decide it (the
        // national threshold asks too, with the 10-week window).
        assertThat(outcome.recommendations("CONSIDER_PENALTY_NOTICE")).anySatisfy(notice -> assertThat(notice.getBecause())
                .extracting(MatchedValue::fact, MatchedValue::field, MatchedValue::value)
                .contains(tuple("InterventionFact LETTER STAGE_2 of 2025-09-15", "unauthorisedSessionsToDate", "10"),
                        tuple("InterventionFact LETTER STAGE_2 of 2025-09-15", "unauthorisedSessionsSince", "1"),
                        tuple("PupilFacts", "compulsorySchoolAge", "yes")));
    }

    /**
     * Just below: nine sessions by the warning and one after it. Ten in all, which used to be enough; the ten must come
     * before the warning.
     */
    @Test
    void nineSessionsByTheWarningAreNotTheGroundEvenWithOneAfter() {
        RegisterLadder.of(ladder).parent("P1").days("2025-09-08", "2025-09-11", "O", "O").day("2025-09-12", "O", "\\")
                .intervention(InterventionKind.LETTER, "STAGE_2", "2025-09-15", null, null).day("2025-09-16", "O", "\\")
                .on("2025-09-16")
                .expectNotFired(PENALTY_NOTICE);
    }

    @Test
    void noPenaltyNoticeWithoutFurtherUnauthorisedAbsenceAfterTheWarning() {
        RegisterLadder.of(ladder).parent("P1").days("2025-09-08", "2025-09-12", "O", "O")
                .intervention(InterventionKind.LETTER, "FORMAL_WARNING", "2025-09-15", null, null).day("2025-09-16", "I", "I")
                .on("2025-09-19")
                .expectNotFired(PENALTY_NOTICE);
    }

    /** A letter that is not a written warning to improve (the Stage 1 letter) is no ground. */
    @Test
    void noPenaltyNoticeAfterALetterThatIsNotAWrittenWarning() {
        RegisterLadder.of(ladder).parent("P1").days("2025-09-08", "2025-09-12", "O", "O")
                .intervention(InterventionKind.LETTER, "STAGE_1", "2025-09-15", null, null).day("2025-09-16", "O", "\\")
                .on("2025-09-16")
                .expectNotFired(PENALTY_NOTICE);
    }

    /**
     * The ladder asks for a notice (its request rule fires on 16 September) and the statutory age gate turns it into
     * nothing: the audit's weak test checked only that no notice was raised, which also passed had the rule never fired.
     */
    @Test
    void noPenaltyNoticeForAChildBelowCompulsorySchoolAge() {
        RegisterLadder register = RegisterLadder.of(ladder).born("2021-03-01").parent("P1").days("2025-09-08", "2025-09-12", "O", "O")
                .intervention(InterventionKind.LETTER, "STAGE_2", "2025-09-15", null, null).day("2025-09-16", "O", "\\");
        register.on("2025-09-16").expectFired(PENALTY_NOTICE);
        RegisterLadder.Judged judged = register.judgeTo("2025-09-19");
        assertThat(judged.types()).doesNotContain("CONSIDER_PENALTY_NOTICE", "CONSIDER_ALTERNATIVE_LEGAL_ACTION");
    }

    /** A notice issued after the warning answers that ground: one more session after the notice does not ask again. */
    @Test
    void noNewRequestOneSessionAfterANotice() {
        RegisterLadder.of(ladder).parent("P1").days("2025-09-08", "2025-09-12", "O", "O")
                .intervention(InterventionKind.LETTER, "STAGE_2", "2025-09-15", null, null).day("2025-09-16", "O", "\\")
                .penaltyNotice("P1", "2025-09-17").day("2025-09-18", "O", "\\")
                .on("2025-09-18")
                .expectNotFired(PENALTY_NOTICE);
    }

    @Test
    void capReachedTurnsTheRequestIntoAlternativeLegalAction() {
        RegisterLadder.of(ladder).parent("P1").penaltyNotice("P1", "2024-10-01").penaltyNotice("P1", "2025-03-03")
                .days("2025-09-08", "2025-09-12", "O", "O")
                .intervention(InterventionKind.LETTER, "STAGE_2", "2025-09-15", null, null).day("2025-09-16", "O", "\\")
                .on("2025-09-16")
                .expectFired(PENALTY_NOTICE)
                .expectRecommended("CONSIDER_ALTERNATIVE_LEGAL_ACTION")
                .expectNotRecommended("CONSIDER_PENALTY_NOTICE");
    }

    // --- Punctuality: a letter every half term --------------------------------------------------------

    /** Late once (L) in the first half term: the punctuality letter on the first day of the next. Never late: none. */
    @Test
    void lateLastHalfTermBringsThePunctualityLetter() {
        RegisterLadder.Judged late = RegisterLadder.of(ladder).day("2025-10-06", "L", "\\").judgeTo("2025-11-07");
        assertThat(late.first("PUNCTUALITY_LETTER").on()).isEqualTo(LocalDate.of(2025, 11, 3));
        assertThat(late.recommendation("PUNCTUALITY_LETTER").getRecordsType()).isEqualTo("PUNCTUALITY");
        RegisterLadder.Judged onTime = RegisterLadder.of(ladder).judgeTo("2025-11-07");
        assertThat(onTime.types()).doesNotContain("PUNCTUALITY_LETTER");
    }

    // --- Penalty notice for leave of absence in term time not authorised --------------------------

    /** One school day of leave not authorised (G on both sessions): a penalty notice is considered. */
    @Test
    void leaveOfAbsenceOfADayAsksForAPenaltyNotice() {
        RegisterLadder.of(ladder).parent("P1").day("2025-09-15", "G", "G").on("2025-09-15")
                .expectFired(LEAVE_OF_ABSENCE)
                .expectRecommended("CONSIDER_PENALTY_NOTICE");
    }

    /** Just below: one session of G (a late return from leave) is left to the lead. */
    @Test
    void oneSessionOfLeaveIsNot() {
        RegisterLadder.of(ladder).parent("P1").day("2025-09-15", "G", "\\").on("2025-09-15")
                .expectNotFired(LEAVE_OF_ABSENCE);
    }

    // --- Persistent Absence at 38 sessions: report to the Local Authority -------------------------

    /** 19 days of illness, 8 September to 2 October: 38 sessions, reported on the 19th day. */
    @Test
    void thirtyEightSessionsAreReportedToTheLocalAuthority() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-10-02", "I", "I").judgeTo("2025-10-10");
        assertThat(judged.first("LA_PA_REPORT").on()).isEqualTo(LocalDate.of(2025, 10, 2));
        assertThat(judged.recommendation("LA_PA_REPORT").getRecordsKind()).isEqualTo("LA_REFERRAL");
    }

    /** Just below: 37 sessions (the last afternoon present). */
    @Test
    void thirtySevenSessionsAreNot() {
        RegisterLadder.Judged judged = RegisterLadder.of(ladder).days("2025-09-08", "2025-10-01", "I", "I").day("2025-10-02", "I", "\\")
                .judgeTo("2025-10-10");
        assertThat(judged.types()).doesNotContain("LA_PA_REPORT");
    }

    private static ActionFact cmeAction(int schoolDaysSinceRaised) {
        return new ActionFact(Facts.PUPIL, "CME_REFERRAL", "OPEN", AS_OF.minusDays(schoolDaysSinceRaised),
                "2025/26 CME", schoolDaysSinceRaised);
    }
}
