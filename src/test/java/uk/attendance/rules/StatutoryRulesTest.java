package uk.attendance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.attendance.rules.Facts.AS_OF;
import static uk.attendance.rules.Facts.nCode;
import static uk.attendance.rules.Facts.parent;
import static uk.attendance.rules.Facts.penaltyNotice;
import static uk.attendance.rules.Facts.pupil;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.attendance.evaluation.ScenarioRunner;
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
    private static final String NOT_RETURNED = "Statutory: not returned 10 school days after a leave of absence — consider deletion from the register";

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

    /** 2025/26 as a school posts it: the autumn term with its October half term. */
    private static final String AUTUMN_2025 = "term: Autumn 2025-09-03 to 2025-12-19, half term 2025-10-27 to 2025-10-31\n";

    private ScenarioRunner.Result play(String scenario) {
        ScenarioRunner.Report report = ScenarioRunner.run(rules.kieBase(), rules.parameters(),
                List.of(new RuleSource("scenarios/statutory.scenario", AUTUMN_2025 + scenario)));
        assertThat(report.results()).hasSize(1);
        return report.results().get(0);
    }

    /**
     * A lead who dismisses "consider a penalty notice" has considered the absence up to that day: the dismissal holds
     * while the same sessions are in the 10 school weeks, past half term (the request used to come back each half term),
     * until new unauthorised absence after the dismissal meets the threshold again: 9 new sessions do not, the 10th does.
     */
    @Test
    void aDismissedNoticeStaysDismissedUntilTenNewSessionsAfterTheDismissalMeetTheThresholdAgain() {
        ScenarioRunner.Result result = play("""
                scenario: dismissed, then ten new sessions
                pupil: year 5, parents P1
                2025-09-08: OO OO OO OO OO
                2025-09-15: /\\ /\\ /\\ /\\ /\\
                2025-09-22: /\\ /\\ /\\ /\\ /\\
                2025-09-29: /\\ /\\ /\\ /\\ /\\
                2025-10-06: /\\ /\\ /\\ /\\ /\\
                2025-10-13: /\\ /\\ /\\ /\\ /\\
                2025-10-20: /\\ /\\ /\\ /\\ /\\
                2025-11-03: /\\ /\\ /\\ /\\ /\\
                2025-11-10: OO OO OO OO O\\
                2025-11-17: O\\ /\\ /\\ /\\ /\\
                expect 2025-09-11: no CONSIDER_PENALTY_NOTICE
                expect 2025-09-12: 1 CONSIDER_PENALTY_NOTICE
                on 2025-09-15: dismiss CONSIDER_PENALTY_NOTICE
                # After half term the September sessions are still in the 10 school weeks: the dismissal holds.
                expect 2025-11-07: 1 CONSIDER_PENALTY_NOTICE
                # 9 sessions after the dismissal (19 in the window): not a new ground.
                expect 2025-11-14: 1 CONSIDER_PENALTY_NOTICE
                # The 10th after the dismissal: considered again.
                expect 2025-11-17: 2 CONSIDER_PENALTY_NOTICE
                """);
        assertThat(result.passed()).as(result.message()).isTrue();
    }

    /** The same for alternative legal action when every parent is at the cap: a dismissal holds past half term. */
    @Test
    void aDismissedAlternativeLegalActionStaysDismissedPastHalfTerm() {
        ScenarioRunner.Result result = play("""
                scenario: both notices used, alternative action dismissed
                pupil: year 5, parents P1
                on 2025-09-03: PENALTY_NOTICE FPN parent=P1
                on 2025-09-04: PENALTY_NOTICE FPN parent=P1
                2025-09-08: OO OO OO OO OO
                2025-09-15: /\\ /\\ /\\ /\\ /\\
                2025-10-20: /\\ /\\ /\\ /\\ /\\
                2025-11-03: /\\ /\\ /\\ /\\ /\\
                expect 2025-09-12: 1 CONSIDER_ALTERNATIVE_LEGAL_ACTION
                on 2025-09-15: dismiss CONSIDER_ALTERNATIVE_LEGAL_ACTION
                expect 2025-11-07: 1 CONSIDER_ALTERNATIVE_LEGAL_ACTION
                """);
        assertThat(result.passed()).as(result.message()).isTrue();
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

    /**
     * Audit, statutory table: "not returned within 10 school days after authorised leave" was missing. A week of leave
     * of absence (C, 29 September – 3 October), then O from 6 October: the 10th school day without a mark in school is
     * Friday 17 October, and the enquiries before deletion are asked for that day, not at the 20-day ground.
     */
    @Test
    void notReturnedTenSchoolDaysAfterALeaveOfAbsenceConsidersDeletion() {
        RegisterLadder.Judged judged = RegisterLadder.of(rules).days("2025-09-29", "2025-10-03", "C", "C")
                .days("2025-10-06", "2025-10-17", "O", "O").judgeTo("2025-10-17");
        assertThat(judged.rules()).contains(NOT_RETURNED);
        assertThat(judged.first("CONSIDER_REGISTER_DELETION").on()).isEqualTo(LocalDate.of(2025, 10, 17));
        assertThat(judged.recommendation("CONSIDER_REGISTER_DELETION").getReason()).contains("10 school days", "leave of absence");
    }

    /** Just below: back on the afternoon of the 10th school day; and 10 days of O after a day in school are not this ground. */
    @Test
    void backOnTheTenthSchoolDayOrNoLeaveBeforeIsNotThisGround() {
        RegisterLadder.Judged back = RegisterLadder.of(rules).days("2025-09-29", "2025-10-03", "C", "C")
                .days("2025-10-06", "2025-10-16", "O", "O").day("2025-10-17", "O", "\\").judgeTo("2025-10-24");
        assertThat(back.types()).doesNotContain("CONSIDER_REGISTER_DELETION");
        RegisterLadder.Judged noLeave = RegisterLadder.of(rules).days("2025-10-06", "2025-10-17", "O", "O").judgeTo("2025-10-17");
        assertThat(noLeave.types()).doesNotContain("CONSIDER_REGISTER_DELETION");
        // Illness is authorised absence but not leave granted by the school: the statutory ground is leave of absence.
        RegisterLadder.Judged afterIllness = RegisterLadder.of(rules).days("2025-09-29", "2025-10-03", "I", "I")
                .days("2025-10-06", "2025-10-17", "O", "O").judgeTo("2025-10-17");
        assertThat(afterIllness.rules()).doesNotContain(NOT_RETURNED);
    }

    /** One absence, one request: leave, then 20 school days of O meet both grounds; the enquiries are asked for once, on the 10th day. */
    @Test
    void oneRunAfterLeaveAsksForDeletionEnquiriesOnceNotAgainAtTwentyDays() {
        RegisterLadder.Judged judged = RegisterLadder.of(rules).days("2025-09-22", "2025-09-26", "C", "C")
                .days("2025-09-29", "2025-10-24", "O", "O").judgeTo("2025-10-24");
        assertThat(judged.of("CONSIDER_REGISTER_DELETION")).hasSize(1);
        assertThat(judged.first("CONSIDER_REGISTER_DELETION").on()).isEqualTo(LocalDate.of(2025, 10, 10));
    }

    /** The 20-day ground from marks, at 20 school days and at 19. */
    @Test
    void twentySchoolDaysOfOFromMarksAndNotNineteen() {
        RegisterLadder.Judged twenty = RegisterLadder.of(rules).days("2025-09-08", "2025-10-03", "O", "O").judgeTo("2025-10-03");
        assertThat(twenty.rules()).contains(DELETION);
        assertThat(twenty.first("CONSIDER_REGISTER_DELETION").on()).isEqualTo(LocalDate.of(2025, 10, 3));
        RegisterLadder.Judged nineteen = RegisterLadder.of(rules).days("2025-09-08", "2025-10-02", "O", "O").judgeTo("2025-10-03");
        assertThat(nineteen.types()).doesNotContain("CONSIDER_REGISTER_DELETION");
    }

    /**
     * Audit, statutory table: "a school day with no mark yet ends the run". Judged on Friday 3 October before its marks
     * arrive, the run of O is 19 days and nothing is asked; when Friday's O arrives with the next night's post, Friday
     * is judged again (the post lowers the pupil's "evaluated up to", so judging starts there), and the 20-day ground
     * is met on 3 October, although Monday 6 October has no mark yet either.
     */
    @Test
    void aDayWithNoMarkYetIsJudgedAgainWhenItsMarksArrive() {
        LocalDate friday = LocalDate.of(2025, 10, 3);
        uk.attendance.pupil.Pupil pupil = new uk.attendance.pupil.Pupil();
        pupil.id = 1L;
        pupil.upn = "B801200005001";
        pupil.dateOfBirth = LocalDate.of(2016, 3, 4);
        pupil.yearGroup = 4;
        List<LocalDate> schoolDays = uk.attendance.attendance.SchoolCalendar.of(List.of(), List.of(RegisterLadder.CALENDAR))
                .schoolDays(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 6));
        java.util.function.Function<LocalDate, java.util.Map<String, uk.attendance.evaluation.DayStream.Held>> judgeWithMarksTo = last -> {
            List<uk.attendance.attendance.MarkedSession> marks = new java.util.ArrayList<>();
            for (LocalDate day : schoolDays) {
                if (day.isAfter(last)) {
                    break;
                }
                uk.attendance.attendance.AttendanceCode code = day.isBefore(LocalDate.of(2025, 9, 8))
                        ? null : uk.attendance.attendance.AttendanceCode.O;
                marks.add(new uk.attendance.attendance.MarkedSession(day, uk.attendance.attendance.Session.AM,
                        code != null ? code : uk.attendance.attendance.AttendanceCode.PRESENT_AM));
                marks.add(new uk.attendance.attendance.MarkedSession(day, uk.attendance.attendance.Session.PM,
                        code != null ? code : uk.attendance.attendance.AttendanceCode.PRESENT_PM));
            }
            List<LocalDate> marked = marks.stream().map(uk.attendance.attendance.MarkedSession::date).distinct().toList();
            return uk.attendance.evaluation.DayStream.judge(
                    uk.attendance.attendance.SchoolCalendar.of(marked, List.of(RegisterLadder.CALENDAR)), List.of(pupil),
                    java.util.Map.of(1L, marks), java.util.Map.of(1L, List.of()), java.util.Map.of(),
                    java.util.Map.of(1L, LocalDate.of(2025, 9, 1)), java.util.Map.of(1L, last.getDayOfWeek() == java.time.DayOfWeek.THURSDAY ? friday : LocalDate.of(2025, 10, 6)),
                    rules.kieBase(), rules.parameters()).getOrDefault(1L, java.util.Map.of());
        };
        // Thursday's marks are the last in: judged up to Friday, the run on Friday is cut by the missing marks.
        assertThat(judgeWithMarksTo.apply(LocalDate.of(2025, 10, 2)).values())
                .noneMatch(h -> h.recommendation().getType().equals("CONSIDER_REGISTER_DELETION"));
        // Friday's marks arrive; judged up to Monday, whose marks are not in yet.
        var held = judgeWithMarksTo.apply(friday).values().stream()
                .filter(h -> h.recommendation().getType().equals("CONSIDER_REGISTER_DELETION")).toList();
        assertThat(held).hasSize(1);
        assertThat(held.get(0).on()).isEqualTo(friday);
        assertThat(held.get(0).recommendation().getRule()).isEqualTo(DELETION);
    }

    /**
     * Audit, statutory table, national threshold (b): "sessions before compulsory school age count". Born 15 October
     * 2020, the pupil is of compulsory school age from 1 January 2026. Ten sessions of O in December are no offence of
     * the parents' and no ground: they are not counted when school starts again on 5 January, although they are still
     * in the 10 school weeks.
     */
    @Test
    void sessionsBeforeCompulsorySchoolAgeDoNotCountTowardsTheThreshold() {
        RegisterLadder.Judged judged = RegisterLadder.of(rules).born("2020-10-15").parent("P1")
                .days("2025-12-08", "2025-12-12", "O", "O").judgeTo("2026-01-16");
        assertThat(judged.types()).doesNotContain("CONSIDER_PENALTY_NOTICE");
    }

    /** At the threshold: the 10th session of O after compulsory school age began (Friday 9 January PM); just below: 9. */
    @Test
    void tenSessionsAfterCompulsorySchoolAgeBeganMeetTheThresholdAndNineDoNot() {
        RegisterLadder.Judged ten = RegisterLadder.of(rules).born("2020-10-15").parent("P1")
                .days("2025-12-08", "2025-12-12", "O", "O").days("2026-01-05", "2026-01-09", "O", "O").judgeTo("2026-01-16");
        assertThat(ten.first("CONSIDER_PENALTY_NOTICE").on()).isEqualTo(LocalDate.of(2026, 1, 9));
        assertThat(ten.recommendation("CONSIDER_PENALTY_NOTICE").getReason()).contains("compulsory school age");
        RegisterLadder.Judged nine = RegisterLadder.of(rules).born("2020-10-15").parent("P1")
                .days("2025-12-08", "2025-12-12", "O", "O").days("2026-01-05", "2026-01-08", "O", "O").day("2026-01-09", "O", "\\")
                .judgeTo("2026-01-16");
        assertThat(nine.types()).doesNotContain("CONSIDER_PENALTY_NOTICE");
    }
}
