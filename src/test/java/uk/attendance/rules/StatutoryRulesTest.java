package uk.attendance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.attendance.rules.Facts.AS_OF;
import static uk.attendance.rules.Facts.nCode;
import static uk.attendance.rules.Facts.parent;
import static uk.attendance.rules.Facts.penaltyNotice;
import static uk.attendance.rules.Facts.pupil;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.attendance.rules.fact.PupilFacts;

/** The statutory rules every policy is compiled with, run with an empty ladder. */
class StatutoryRulesTest {

    private static final String NATIONAL_THRESHOLD = "Statutory: national threshold — 10 unauthorised sessions in 10 school weeks";
    private static final String CONSIDER_NOTICE = "Statutory: penalty notice requested — consider a penalty notice (parents under the cap)";
    private static final String CAP_REACHED = "Statutory: penalty-notice cap reached — consider alternative legal action";
    private static final String NO_PARENT = "Statutory: penalty notice requested — no parent on record";
    private static final String N_CODE = "Statutory: code N not resolved within 5 school days";
    private static final String DELETION = "Statutory: 20 continuous school days of G, N or O — consider deletion from the register";
    private static final String ILLNESS = "Statutory: 15 school days of illness — tell the local authority";

    private final LadderVerifier rules = LadderVerifier.statutoryOnly();

    private static PupilFacts atThreshold() {
        return pupil().setUnauthorisedSessionsLast10SchoolWeeks(10).setUnansweredUnauthorisedSessionsLast10SchoolWeeks(10);
    }

    @Test
    void nationalThresholdAtTenUnauthorisedSessionsConsidersANoticeForEveryParent() {
        var outcome = rules.given(atThreshold(), parent("P1"), parent("P2"))
                .expectFired(NATIONAL_THRESHOLD)
                .expectFired(CONSIDER_NOTICE)
                .expectOnlyRecommended("CONSIDER_PENALTY_NOTICE");
        var notice = outcome.recommendation("CONSIDER_PENALTY_NOTICE");
        assertThat(notice.getParentIds()).containsExactly("P1", "P2");
        assertThat(notice.getReason()).contains("10 sessions of unauthorised absence", "P1, P2");
        assertThat(notice.getRecordsKind()).isEqualTo("PENALTY_NOTICE");
    }

    @Test
    void nationalThresholdNotMetAtNineSessions() {
        rules.given(pupil().setUnauthorisedSessionsLast10SchoolWeeks(9).setUnansweredUnauthorisedSessionsLast10SchoolWeeks(9), parent("P1"))
                .expectNotFired(NATIONAL_THRESHOLD)
                .expectNothingRecommended();
    }

    @Test
    void sessionsAnsweredByANoticeInsideTheWindowDoNotCountAgain() {
        // 14 in the window, but a notice on 6 November answered all but 9 of them.
        rules.given(atThreshold().setUnauthorisedSessionsLast10SchoolWeeks(14).setUnansweredUnauthorisedSessionsLast10SchoolWeeks(9)
                        .setUnansweredSince(AS_OF.minusWeeks(2).plusDays(1)), parent("P1"), penaltyNotice("P1", AS_OF.minusWeeks(2)))
                .expectNotFired(NATIONAL_THRESHOLD)
                .expectNothingRecommended();
    }

    @Test
    void tenSessionsAfterANoticeMeetTheThresholdAgain() {
        var outcome = rules.given(atThreshold().setUnauthorisedSessionsLast10SchoolWeeks(16)
                        .setUnansweredSince(AS_OF.minusWeeks(6).plusDays(1)), parent("P1"), penaltyNotice("P1", AS_OF.minusWeeks(6)))
                .expectFired(NATIONAL_THRESHOLD)
                .expectOnlyRecommended("CONSIDER_PENALTY_NOTICE");
        assertThat(outcome.recommendation("CONSIDER_PENALTY_NOTICE").getReason())
                .contains("10 sessions", "counted from " + AS_OF.minusWeeks(6).plusDays(1) + ", after the last penalty notice");
    }

    @Test
    void aParentWithTwoCountedNoticesInThreeYearsIsLeftOffTheList() {
        var outcome = rules.given(atThreshold(), parent("P1"), parent("P2"),
                penaltyNotice("P1", AS_OF.minusYears(2)), penaltyNotice("P1", AS_OF.minusYears(1)));
        assertThat(outcome.recommendation("CONSIDER_PENALTY_NOTICE").getParentIds()).containsExactly("P2");
    }

    @Test
    void whenEveryParentHasReachedTheCapAlternativeLegalActionIsConsidered() {
        rules.given(atThreshold(), parent("P1"), penaltyNotice("P1", AS_OF.minusYears(2)), penaltyNotice("P1", AS_OF.minusMonths(6)))
                .expectFired(CAP_REACHED)
                .expectOnlyRecommended("CONSIDER_ALTERNATIVE_LEGAL_ACTION");
    }

    /**
     * One parent at the cap, the other under it, built from register marks: ten unauthorised sessions (O, 8–12 September)
     * meet the national threshold; the notice is considered for the parent under the cap, and alternative legal action
     * for the parent at it, who used to get nothing.
     */
    @Test
    void aParentAtTheCapGetsAlternativeActionWhileTheOtherParentGetsTheNotice() {
        RegisterLadder.Judged judged = RegisterLadder.of(rules).parent("P1").parent("P2")
                .penaltyNotice("P1", "2024-10-01").penaltyNotice("P1", "2025-03-03")
                .days("2025-09-08", "2025-09-12", "O", "O").judgeTo("2025-09-19");
        assertThat(judged.recommendation("CONSIDER_PENALTY_NOTICE").getParentIds()).containsExactly("P2");
        assertThat(judged.recommendation("CONSIDER_ALTERNATIVE_LEGAL_ACTION").getParentIds()).containsExactly("P1");
        assertThat(judged.recommendation("CONSIDER_ALTERNATIVE_LEGAL_ACTION").getReason()).contains("P1 already has 2 counted");
    }

    /** Just below the cap: one counted notice to the first parent, so the notice is considered for both and nothing else. */
    @Test
    void withOneNoticeEachParentIsStillUnderTheCap() {
        RegisterLadder.Judged judged = RegisterLadder.of(rules).parent("P1").parent("P2").penaltyNotice("P1", "2025-03-03")
                .days("2025-09-08", "2025-09-12", "O", "O").judgeTo("2025-09-19");
        assertThat(judged.recommendation("CONSIDER_PENALTY_NOTICE").getParentIds()).containsExactly("P1", "P2");
        assertThat(judged.types()).doesNotContain("CONSIDER_ALTERNATIVE_LEGAL_ACTION");
    }

    @Test
    void oneCountedNoticeIsUnderTheCap() {
        rules.given(atThreshold(), parent("P1"), penaltyNotice("P1", AS_OF.minusMonths(6)))
                .expectNotFired(CAP_REACHED)
                .expectOnlyRecommended("CONSIDER_PENALTY_NOTICE");
    }

    @Test
    void withdrawnNoticesAndNoticesOlderThanThreeYearsDoNotCount() {
        rules.given(atThreshold(), parent("P1"),
                        penaltyNotice("P1", AS_OF.minusMonths(6)).setOutcome("WITHDRAWN"),
                        penaltyNotice("P1", AS_OF.minusYears(3).minusDays(1)),
                        penaltyNotice("P1", AS_OF.minusMonths(3)))
                .expectNotFired(CAP_REACHED)
                .expectOnlyRecommended("CONSIDER_PENALTY_NOTICE");
    }

    @Test
    void aPupilNotOfCompulsorySchoolAgeGetsNoLegalMeasure() {
        rules.given(atThreshold().setCompulsorySchoolAge(false), parent("P1"))
                .expectFired(NATIONAL_THRESHOLD)
                .expectNothingRecommended();
    }

    @Test
    void aPupilWithNoParentOnRecordStillGetsTheNoticeConsidered() {
        rules.given(atThreshold())
                .expectFired(NO_PARENT)
                .expectOnlyRecommended("CONSIDER_PENALTY_NOTICE");
    }

    @Test
    void anNCodeMoreThanFiveSchoolDaysOldMustBeResolved() {
        var outcome = rules.given(pupil(), nCode(AS_OF.minusDays(8), 6), nCode(AS_OF.minusDays(2), 2))
                .expectFired(N_CODE)
                .expectOnlyRecommended("RESOLVE_N_CODE");
        assertThat(outcome.recommendation("RESOLVE_N_CODE").getReason()).contains("1 session", AS_OF.minusDays(8).toString());
    }

    @Test
    void anNCodeFiveSchoolDaysOldIsStillInTime() {
        rules.given(pupil(), nCode(AS_OF.minusDays(7), 5)).expectNotFired(N_CODE).expectNothingRecommended();
    }

    @Test
    void twentyContinuousDaysOfUnauthorisedAbsenceRaisesRegisterDeletionEnquiries() {
        rules.given(pupil().setConsecutiveUnauthorisedAbsenceSchoolDays(20))
                .expectFired(DELETION).expectOnlyRecommended("CONSIDER_REGISTER_DELETION");
    }

    @Test
    void nineteenContinuousDaysDoNot() {
        rules.given(pupil().setConsecutiveUnauthorisedAbsenceSchoolDays(19)).expectNotFired(DELETION).expectNothingRecommended();
    }

    /** 15 school days of illness, built from I marks: the 15th full day raises the report, dated that day. */
    @Test
    void fifteenSchoolDaysOfIllnessAreReportedToTheLocalAuthority() {
        RegisterLadder.Judged judged = RegisterLadder.of(rules).days("2025-09-08", "2025-09-26", "I", "I").judgeTo("2025-10-10");
        assertThat(judged.rules()).contains(ILLNESS);
        assertThat(judged.first("NOTIFY_LA_ILLNESS").on()).isEqualTo(LocalDate.of(2025, 9, 26));
        assertThat(judged.recommendation("NOTIFY_LA_ILLNESS").getReason()).contains("15 days");
    }

    /**
     * Just below: 14.5 days of illness. 13 whole days and three mornings are ill on 16 school days, which counting any
     * day with an I session made 16 days; days of illness are I sessions over two.
     */
    @Test
    void fourteenAndAHalfDaysOfIllnessAreNot() {
        RegisterLadder.Judged judged = RegisterLadder.of(rules).days("2025-09-08", "2025-09-24", "I", "I")
                .day("2025-09-25", "I", "\\").day("2025-09-26", "I", "\\").day("2025-09-29", "I", "\\")
                .judgeTo("2025-10-10");
        assertThat(judged.rules()).doesNotContain(ILLNESS);
        assertThat(judged.types()).doesNotContain("NOTIFY_LA_ILLNESS");
    }
}
