package uk.attendance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.attendance.rules.Facts.AS_OF;
import static uk.attendance.rules.Facts.intervention;
import static uk.attendance.rules.Facts.letter;
import static uk.attendance.rules.Facts.parent;
import static uk.attendance.rules.Facts.penaltyNotice;
import static uk.attendance.rules.Facts.pupil;
import static uk.attendance.rules.Facts.pupilAbsentDays;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.attendance.evaluation.DayStream;
import uk.attendance.rules.fact.ActionFact;
import uk.attendance.rules.fact.InterventionFact;
import uk.attendance.rules.fact.PupilFacts;
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
            "St Dunstan's: Penalty notice — 10 unauthorised sessions and further absence after the formal warning";

    private final LadderVerifier ladder = LadderVerifier.forPolicy("st-dunstans");

    private double days(String key) {
        return ladder.parameters().number(key);
    }

    // --- Attendance Support Map -----------------------------------------------------------------

    @Test
    void stage1LetterAtFourDays() {
        ladder.given(pupilAbsentDays(days("stage1.days")))
                .expectFired(STAGE_1)
                .expectOnlyRecommended("STAGE_1_LETTER")
                .expectBand("4 days absence — Monitor");
    }

    @Test
    void noStage1LetterHalfADayBelowFourDays() {
        ladder.given(pupilAbsentDays(days("stage1.days") - 0.5))
                .expectNotFired(STAGE_1)
                .expectNothingRecommended()
                .expectBand("Everyone — Expect");
    }

    @Test
    void stage2LetterAtTenDaysReplacesStage1() {
        ladder.given(pupilAbsentDays(days("stage2.days")))
                .expectFired(STAGE_2)
                .expectRecommended("STAGE_2_LETTER")
                .expectNotRecommended("STAGE_1_LETTER")
                .expectBand("10 days absence — Listen & monitor");
    }

    @Test
    void stillStage1HalfADayBelowTenDays() {
        ladder.given(pupilAbsentDays(days("stage2.days") - 0.5))
                .expectNotFired(STAGE_2)
                .expectOnlyRecommended("STAGE_1_LETTER")
                .expectBand("4 days absence — Monitor");
    }

    @Test
    void stage3LetterAndParentMeetingAtFifteenDays() {
        var outcome = ladder.given(pupilAbsentDays(days("stage3.days")))
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
        ladder.given(pupilAbsentDays(days("stage3.days") - 0.5))
                .expectNotFired(STAGE_3)
                .expectNotFired(PARENT_MEETING)
                .expectOnlyRecommended("STAGE_2_LETTER");
    }

    @Test
    void formalWarningAtNineteenDaysWhichIsThePersistentAbsencePointOf38Sessions() {
        PupilFacts pupil = pupilAbsentDays(days("formalWarning.days"));
        assertThat(pupil.getAbsentSessions()).isEqualTo(38);
        var outcome = ladder.given(pupil)
                .expectFired(FORMAL_WARNING)
                .expectOnlyRecommended("FORMAL_WARNING_LETTER")
                .expectBand("19 days absence — Formalise support");
        Recommendation warning = outcome.recommendation("FORMAL_WARNING_LETTER");
        assertThat(warning.getReason()).contains("19 days").contains("38 sessions").contains("Persistently Absent");
        assertThat(warning.getRecordsKind()).isEqualTo("LETTER");
        assertThat(warning.getRecordsType()).isEqualTo("FORMAL_WARNING");
    }

    @Test
    void noFormalWarningAt37Sessions() {
        ladder.given(pupilAbsentDays(days("formalWarning.days") - 0.5))
                .expectNotFired(FORMAL_WARNING)
                .expectNotRecommended("FORMAL_WARNING_LETTER")
                .expectBand("15 days absence — Facilitate support");
    }

    @Test
    void legalInterventionReferralAtThirtyDays() {
        ladder.given(pupilAbsentDays(days("legalIntervention.days")))
                .expectFired(LEGAL)
                .expectOnlyRecommended("LEGAL_INTERVENTION_REFERRAL")
                .expectBand("30 days absence — Enforce");
    }

    @Test
    void noLegalInterventionReferralHalfADayBelowThirtyDays() {
        ladder.given(pupilAbsentDays(days("legalIntervention.days") - 0.5))
                .expectNotFired(LEGAL)
                .expectOnlyRecommended("FORMAL_WARNING_LETTER");
    }

    @Test
    void noLegalInterventionReferralForAChildBelowCompulsorySchoolAge() {
        ladder.given(pupilAbsentDays(days("legalIntervention.days")).setCompulsorySchoolAge(false))
                .expectNotFired(LEGAL)
                .expectNothingRecommended()
                .expectBand("30 days absence — Enforce");
    }

    @Test
    void seniorLeaderMeetingAtFortySevenDays() {
        ladder.given(pupilAbsentDays(days("seniorLeader.days")))
                .expectFired(SENIOR_LEADER)
                .expectOnlyRecommended("SENIOR_LEADER_MEETING")
                .expectBand("47 days absence or more — Enforce");
    }

    @Test
    void noSeniorLeaderMeetingHalfADayBelowFortySevenDays() {
        ladder.given(pupilAbsentDays(days("seniorLeader.days") - 0.5))
                .expectNotFired(SENIOR_LEADER)
                .expectOnlyRecommended("LEGAL_INTERVENTION_REFERRAL");
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

    @Test
    void completedFormalWarningThenFurtherUnauthorisedAbsenceAsksForPenaltyNotice() {
        Recommendation warning = ladder.given(pupilAbsentDays(days("formalWarning.days")))
                .recommendation("FORMAL_WARNING_LETTER");
        // Completing the warning records its intervention; two more unauthorised sessions follow.
        InterventionFact sent = intervention(warning.getRecordsKind(), 10).setType(warning.getRecordsType())
                .setUnauthorisedSessionsSince(2);
        var outcome = ladder.given(pupilAbsentDays(20).setUnauthorisedAbsenceSessions(10), sent, parent("P1"))
                .expectFired(PENALTY_NOTICE)
                .expectRecommended("CONSIDER_PENALTY_NOTICE");
        Recommendation notice = outcome.recommendation("CONSIDER_PENALTY_NOTICE");
        assertThat(notice.getParentIds()).containsExactly("P1");
        assertThat(notice.getReason()).contains("10 sessions of unauthorised absence").contains("2 sessions more since the formal warning");
    }

    @Test
    void noPenaltyNoticeWithoutFurtherUnauthorisedAbsenceAfterTheWarning() {
        ladder.given(pupilAbsentDays(20).setUnauthorisedAbsenceSessions(12), formalWarning(10, 0), parent("P1"))
                .expectNotFired(PENALTY_NOTICE)
                .expectNotRecommended("CONSIDER_PENALTY_NOTICE");
    }

    @Test
    void noPenaltyNoticeBelowTenUnauthorisedSessions() {
        ladder.given(pupilAbsentDays(20).setUnauthorisedAbsenceSessions(9), formalWarning(10, 3), parent("P1"))
                .expectNotFired(PENALTY_NOTICE)
                .expectNotRecommended("CONSIDER_PENALTY_NOTICE");
    }

    @Test
    void noPenaltyNoticeWithoutAFormalWarning() {
        ladder.given(pupilAbsentDays(16).setUnauthorisedAbsenceSessions(12), letter("STAGE_3", 10).setUnauthorisedSessionsSince(3),
                        parent("P1"))
                .expectNotFired(PENALTY_NOTICE)
                .expectNotRecommended("CONSIDER_PENALTY_NOTICE");
    }

    @Test
    void noPenaltyNoticeForAChildBelowCompulsorySchoolAge() {
        ladder.given(pupilAbsentDays(20).setUnauthorisedAbsenceSessions(12).setCompulsorySchoolAge(false), formalWarning(10, 3),
                        parent("P1"))
                .expectNotRecommended("CONSIDER_PENALTY_NOTICE")
                .expectNotRecommended("CONSIDER_ALTERNATIVE_LEGAL_ACTION");
    }

    @Test
    void noFurtherPenaltyNoticeWhenOneWasIssuedAfterTheWarningAndNoUnauthorisedAbsenceSince() {
        InterventionFact notice = penaltyNotice("P1", AS_OF.minusDays(7)).setUnauthorisedSessionsSince(0);
        ladder.given(pupilAbsentDays(20).setUnauthorisedAbsenceSessions(12), formalWarning(10, 3), notice, parent("P1"))
                .expectNotFired(PENALTY_NOTICE)
                .expectNotRecommended("CONSIDER_PENALTY_NOTICE");
    }

    @Test
    void capReachedTurnsTheRequestIntoAlternativeLegalAction() {
        ladder.given(pupilAbsentDays(20).setUnauthorisedAbsenceSessions(12), formalWarning(10, 3), parent("P1"),
                        penaltyNotice("P1", AS_OF.minusYears(1)).setUnauthorisedSessionsSince(20),
                        penaltyNotice("P1", AS_OF.minusMonths(6)).setUnauthorisedSessionsSince(15))
                .expectFired(PENALTY_NOTICE)
                .expectRecommended("CONSIDER_ALTERNATIVE_LEGAL_ACTION")
                .expectNotRecommended("CONSIDER_PENALTY_NOTICE");
    }

    private static InterventionFact formalWarning(int schoolDaysSince, int unauthorisedSessionsSince) {
        return letter("FORMAL_WARNING", schoolDaysSince).setUnauthorisedSessionsSince(unauthorisedSessionsSince);
    }

    private static ActionFact cmeAction(int schoolDaysSinceRaised) {
        return new ActionFact(Facts.PUPIL, "CME_REFERRAL", "OPEN", AS_OF.minusDays(schoolDaysSinceRaised),
                "2025/26 CME", schoolDaysSinceRaised);
    }
}
