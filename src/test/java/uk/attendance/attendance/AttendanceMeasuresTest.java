package uk.attendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.attendance.attendance.AttendanceCode.CLOSED;
import static uk.attendance.attendance.AttendanceCode.D;
import static uk.attendance.attendance.AttendanceCode.G;
import static uk.attendance.attendance.AttendanceCode.I;
import static uk.attendance.attendance.AttendanceCode.M;
import static uk.attendance.attendance.AttendanceCode.N;
import static uk.attendance.attendance.AttendanceCode.O;
import static uk.attendance.attendance.AttendanceCode.PRESENT_AM;
import static uk.attendance.attendance.AttendanceCode.PRESENT_PM;
import static uk.attendance.attendance.AttendanceCode.Y1;
import static uk.attendance.attendance.AttendanceCode.Z;
import static uk.attendance.attendance.SchoolCalendarTest.weekdays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.attendance.attendance.AttendanceMeasures.DayMatch;

class AttendanceMeasuresTest {

    private static final LocalDate MON_8_SEP = LocalDate.of(2025, 9, 8);

    @Test
    void everyCodeIsCountedInItsBucket() {
        // One session per code, AM then PM, from Mon 1 Sep 2025:
        // present / \ L = 3; approved activity K V P W B + withdrawn J = 6;
        // authorised C1 M J1 S C2 C T R I E + withdrawn H F = 12; unauthorised G N O U = 4;
        // not possible D X Q Y1–Y7 Z # Y = 13 (38 codes). Possible = 3 + 6 + 12 + 4 = 25; late L U = 2.
        Register register = new Register();
        List<LocalDate> days = weekdays(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30), Set.of());
        AttendanceCode[] codes = AttendanceCode.values();
        for (int i = 0; i < codes.length; i++) {
            register.mark(days.get(i / 2), i % 2 == 0 ? Session.AM : Session.PM, codes[i]);
        }

        PeriodAttendance counts = PeriodAttendance.of(register.marks(), LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30));

        assertThat(counts).isEqualTo(new PeriodAttendance(25, 3, 6, 12, 4, 2));
        assertThat(counts.absentSessions()).isEqualTo(16);
        assertThat(counts.daysAbsent()).isEqualByComparingTo("8");
    }

    @Test
    void aClosureDayIsNeitherASchoolDayNorAPossibleSessionAndDoesNotBreakARun() {
        // Mon present, Tue ill, Wed closed (#), Thu ill. Possible 3 days × 2 = 6, absent 4; run Thu + Tue = 2.
        Register register = new Register()
                .day(MON_8_SEP, PRESENT_AM, PRESENT_PM)
                .day(MON_8_SEP.plusDays(1), I, I)
                .day(MON_8_SEP.plusDays(2), CLOSED, CLOSED)
                .day(MON_8_SEP.plusDays(3), I, I);

        SchoolCalendar calendar = register.calendar();
        AttendanceSummary summary = AttendanceMeasures.summarise(register.marks(), calendar, MON_8_SEP.plusDays(3));

        assertThat(calendar.isSchoolDay(MON_8_SEP.plusDays(2))).isFalse();
        assertThat(summary.possibleSessions()).isEqualTo(6);
        assertThat(summary.authorisedAbsenceSessions()).isEqualTo(4);
        assertThat(summary.consecutiveAbsenceSchoolDays()).isEqualTo(2);
    }

    @Test
    void aDayWithNoPossibleSessionNeitherExtendsNorBreaksARun() {
        // The school was open all week. Fri 5 Sep present; Mon O; Tue Y1 (transport, not possible);
        // Wed D (at the other school); Thu O. Run: Thu, (Wed, Tue passed over), Mon = 2.
        Register register = new Register()
                .day(MON_8_SEP.minusDays(3), PRESENT_AM, PRESENT_PM)
                .day(MON_8_SEP, O, O)
                .day(MON_8_SEP.plusDays(1), Y1, Y1)
                .day(MON_8_SEP.plusDays(2), D, D)
                .day(MON_8_SEP.plusDays(3), O, O);

        assertThat(AttendanceMeasures.consecutiveAbsenceSchoolDays(register.marks(), register.calendar(), MON_8_SEP.plusDays(3)))
                .isEqualTo(2);
    }

    @Test
    void aMissedMorningIsHalfADayAndADayMissed() {
        // Mon present; Tue AM medical appointment, PM present: 1 absent session = 0.5 days; run = 1.
        Register register = new Register()
                .day(MON_8_SEP, PRESENT_AM, PRESENT_PM)
                .day(MON_8_SEP.plusDays(1), M, PRESENT_PM);

        AttendanceSummary summary = AttendanceMeasures.summarise(register.marks(), register.calendar(), MON_8_SEP.plusDays(1));

        assertThat(summary.daysAbsent()).isEqualByComparingTo("0.5");
        assertThat(summary.consecutiveAbsenceSchoolDays()).isEqualTo(1);
    }

    @Test
    void persistentAbsenceIsExactlyTenPercent() {
        // 18 of 180 possible sessions = exactly 10% → PA; 17 of 180 = 9.44% → not PA.
        AttendanceSummary eighteen = summariseSessions(18, I, 180);
        assertThat(eighteen.absencePercent()).isEqualTo(10.0);
        assertThat(eighteen.attendancePercent()).isEqualTo(90.0);
        assertThat(eighteen.daysAbsent()).isEqualByComparingTo("9");
        assertThat(eighteen.persistentlyAbsent()).isTrue();
        assertThat(eighteen.severelyAbsent()).isFalse();

        assertThat(summariseSessions(17, I, 180).persistentlyAbsent()).isFalse();
    }

    @Test
    void severeAbsenceIsExactlyFiftyPercent() {
        // 90 of 180 = 50% → SA; 89 of 180 → not SA (still PA).
        assertThat(summariseSessions(90, O, 180).severelyAbsent()).isTrue();
        AttendanceSummary eightyNine = summariseSessions(89, O, 180);
        assertThat(eightyNine.severelyAbsent()).isFalse();
        assertThat(eightyNine.persistentlyAbsent()).isTrue();
    }

    @Test
    void jsonHasExactlyTheContractFieldsWithPercentagesRoundedForDisplayOnly() throws Exception {
        // 381 attended of 400 = 95.25% exactly, shown 95.3; 19 absent = 4.75%, shown 4.8; 9.5 days.
        AttendanceSummary summary = new AttendanceSummary(LocalDate.of(2026, 3, 20),
                new PeriodAttendance(400, 381, 0, 12, 7, 3), 7, 2);

        JsonNode json = objectMapper().valueToTree(summary);

        assertThat(fieldNames(json)).containsExactly("asOf", "possibleSessions", "presentSessions",
                "approvedActivitySessions", "authorisedAbsenceSessions", "unauthorisedAbsenceSessions",
                "attendancePercent", "absencePercent", "daysAbsent", "persistentlyAbsent", "severelyAbsent",
                "unauthorisedSessionsLast10SchoolWeeks", "consecutiveAbsenceSchoolDays", "lateSessions");
        assertThat(json.get("asOf").asText()).isEqualTo("2026-03-20");
        assertThat(json.get("attendancePercent").decimalValue()).isEqualByComparingTo("95.3");
        assertThat(json.get("absencePercent").decimalValue()).isEqualByComparingTo("4.8");
        assertThat(json.get("daysAbsent").decimalValue()).isEqualByComparingTo("9.5");
        assertThat(json.get("persistentlyAbsent").asBoolean()).isFalse();
        assertThat(json.get("lateSessions").asInt()).isEqualTo(3);
        assertThat(summary.attendancePercent()).isEqualTo(95.25);
        assertThat(summary.absencePercent()).isEqualTo(4.75);
    }

    @Test
    void withNoPossibleSessionsThereIsNoPercentageAndNoAbsenceFlag() {
        // A prospective pupil (Z) has marks but no possible session: no figure rather than 100% or 0%.
        Register register = new Register().day(MON_8_SEP, Z, Z);

        AttendanceSummary summary = AttendanceMeasures.summarise(register.marks(), register.calendar(), MON_8_SEP);
        JsonNode json = objectMapper().valueToTree(summary);

        assertThat(summary.possibleSessions()).isZero();
        assertThat(summary.attendancePercent()).isNaN();
        assertThat(summary.persistentlyAbsent()).isFalse();
        assertThat(summary.severelyAbsent()).isFalse();
        assertThat(json.get("attendancePercent").isNull()).isTrue();
        assertThat(json.get("absencePercent").isNull()).isTrue();
    }

    @Test
    void tenSchoolWeekWindowSpansTheHalfTermBreak() {
        // Autumn 2025, break 27–31 Oct, asOf Fri 5 Dec. The 10 school weeks start Mon 22 Sep (10 calendar
        // weeks back, the break week skipped), so G G on Mon 22 Sep is inside and O O on Fri 19 Sep
        // (the 11th school week back) is not.
        Register register = new Register()
                .presentEveryDay(LocalDate.of(2025, 9, 3), LocalDate.of(2025, 10, 24))
                .presentEveryDay(LocalDate.of(2025, 11, 3), LocalDate.of(2025, 12, 5))
                .day(LocalDate.of(2025, 9, 19), O, O)
                .day(LocalDate.of(2025, 9, 22), G, G);
        LocalDate asOf = LocalDate.of(2025, 12, 5);

        AttendanceSummary summary = AttendanceMeasures.summarise(register.marks(), register.calendar(), asOf);

        assertThat(summary.unauthorisedSessionsLast10SchoolWeeks()).isEqualTo(2);
        assertThat(summary.unauthorisedAbsenceSessions()).isEqualTo(4);
        assertThat(AttendanceMeasures.unauthorisedSessionsInLastSchoolWeeks(register.marks(), register.calendar(), asOf, 11))
                .isEqualTo(4);
    }

    @Test
    void aWeekendInsideARunOfAbsenceDoesNotBreakIt() {
        // Wed 10 Sep present; Thu, Fri, Mon, Tue absent → run of 4 school days as of Tue 16 Sep.
        Register register = new Register()
                .day(LocalDate.of(2025, 9, 10), PRESENT_AM, PRESENT_PM)
                .day(LocalDate.of(2025, 9, 11), O, O)
                .day(LocalDate.of(2025, 9, 12), I, I)
                .day(LocalDate.of(2025, 9, 15), I, I)
                .day(LocalDate.of(2025, 9, 16), N, PRESENT_PM);

        assertThat(AttendanceMeasures.summarise(register.marks(), register.calendar(), LocalDate.of(2025, 9, 16))
                .consecutiveAbsenceSchoolDays()).isEqualTo(4);
    }

    @Test
    void aPupilWhoJoinedMidTermIsCountedOnlyFromJoining() {
        // School open Wed 3 – Fri 19 Sep; the pupil joins Mon 15 Sep and is absent Mon–Wed.
        // Possible 3 × 2 = 6, not the 13 school days × 2 the school held; the run stops at unmarked Fri 12 Sep.
        SchoolCalendar calendar = SchoolCalendar.of(weekdays(LocalDate.of(2025, 9, 3), LocalDate.of(2025, 9, 19), Set.of()));
        Register register = new Register()
                .day(LocalDate.of(2025, 9, 15), N, N)
                .day(LocalDate.of(2025, 9, 16), O, O)
                .day(LocalDate.of(2025, 9, 17), O, O);

        AttendanceSummary summary = AttendanceMeasures.summarise(register.marks(), calendar, LocalDate.of(2025, 9, 17));

        assertThat(summary.possibleSessions()).isEqualTo(6);
        assertThat(summary.absencePercent()).isEqualTo(100.0);
        assertThat(summary.consecutiveAbsenceSchoolDays()).isEqualTo(3);
    }

    @Test
    void asOfIgnoresLaterMarks() {
        // Mon–Wed present, Thu–Fri O. As of Wed: 6 possible, nothing missed. As of Fri: 10 possible, 4 unauthorised, run 2.
        Register register = new Register()
                .presentEveryDay(MON_8_SEP, MON_8_SEP.plusDays(2))
                .day(MON_8_SEP.plusDays(3), O, O)
                .day(MON_8_SEP.plusDays(4), O, O);

        AttendanceSummary wednesday = AttendanceMeasures.summarise(register.marks(), register.calendar(), MON_8_SEP.plusDays(2));
        assertThat(wednesday.asOf()).isEqualTo(MON_8_SEP.plusDays(2));
        assertThat(wednesday.possibleSessions()).isEqualTo(6);
        assertThat(wednesday.unauthorisedAbsenceSessions()).isZero();
        assertThat(wednesday.unauthorisedSessionsLast10SchoolWeeks()).isZero();
        assertThat(wednesday.consecutiveAbsenceSchoolDays()).isZero();

        AttendanceSummary friday = AttendanceMeasures.summarise(register.marks(), register.calendar(), MON_8_SEP.plusDays(4));
        assertThat(friday.possibleSessions()).isEqualTo(10);
        assertThat(friday.unauthorisedSessionsLast10SchoolWeeks()).isEqualTo(4);
        assertThat(friday.consecutiveAbsenceSchoolDays()).isEqualTo(2);
    }

    @Test
    void lastYearsMarksAreOutOfTheYearToDateButInsideTheTenWeekWindow() {
        // Summer term Mon 2 Jun – Fri 18 Jul 2025 with G G on Mon 14 and Tue 15 Jul; autumn from Wed 3 Sep.
        // asOf Fri 19 Sep. School weeks back: 15 Sep, 8 Sep, 1 Sep, [summer skipped], 14 Jul, 7 Jul, 30 Jun,
        // 23 Jun, 16 Jun, 9 Jun, 2 Jun → the 4 G sessions count. Year to date: 3–19 Sep = 13 days = 26 sessions.
        Register register = new Register()
                .presentEveryDay(LocalDate.of(2025, 6, 2), LocalDate.of(2025, 7, 18))
                .day(LocalDate.of(2025, 7, 14), G, G)
                .day(LocalDate.of(2025, 7, 15), G, G)
                .presentEveryDay(LocalDate.of(2025, 9, 3), LocalDate.of(2025, 9, 19));

        AttendanceSummary summary = AttendanceMeasures.summarise(register.marks(), register.calendar(), LocalDate.of(2025, 9, 19));

        assertThat(summary.possibleSessions()).isEqualTo(26);
        assertThat(summary.unauthorisedAbsenceSessions()).isZero();
        assertThat(summary.attendancePercent()).isEqualTo(100.0);
        assertThat(summary.unauthorisedSessionsLast10SchoolWeeks()).isEqualTo(4);
    }

    @Test
    void wholeDaysOfUnexplainedAbsenceVersusDaysWithSomeOfIt() {
        // Week of 1 Sep present. Mon 8 G G, Tue G N, Wed O + present PM, Thu N + D (not possible), Fri O O.
        // Every possible session G/N/O: Fri, Thu (D passed over), then Wed has a present session → 2.
        // At least one G/N/O session: Fri, Thu, Wed, Tue, Mon, then Fri 5 Sep present → 5.
        Register register = new Register()
                .presentEveryDay(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 5))
                .day(MON_8_SEP, G, G)
                .day(MON_8_SEP.plusDays(1), G, N)
                .day(MON_8_SEP.plusDays(2), O, PRESENT_PM)
                .day(MON_8_SEP.plusDays(3), N, D)
                .day(MON_8_SEP.plusDays(4), O, O);
        Predicate<AttendanceCode> unexplained = code -> code == G || code == N || code == O;
        LocalDate friday = MON_8_SEP.plusDays(4);

        assertThat(AttendanceMeasures.consecutiveSchoolDays(register.marks(), register.calendar(), friday,
                DayMatch.ALL_SESSIONS, unexplained)).isEqualTo(2);
        assertThat(AttendanceMeasures.consecutiveSchoolDays(register.marks(), register.calendar(), friday,
                DayMatch.ANY_SESSION, unexplained)).isEqualTo(5);
    }

    @Test
    void illnessCountsDaysAndSessionsConsecutiveOrNot() {
        // Mon I I, Tue I + present, Wed present, Thu I I: 3 school days of illness, 5 sessions.
        Register register = new Register()
                .day(MON_8_SEP, I, I)
                .day(MON_8_SEP.plusDays(1), I, PRESENT_PM)
                .day(MON_8_SEP.plusDays(2), PRESENT_AM, PRESENT_PM)
                .day(MON_8_SEP.plusDays(3), I, I);
        Predicate<AttendanceCode> illness = code -> code == I;

        assertThat(AttendanceMeasures.schoolDaysWithCode(register.marks(), register.calendar(), MON_8_SEP,
                MON_8_SEP.plusDays(3), illness)).isEqualTo(3);
        assertThat(AttendanceMeasures.sessionsWithCode(register.marks(), MON_8_SEP, MON_8_SEP.plusDays(3), illness))
                .isEqualTo(5);
        assertThat(AttendanceMeasures.sessionsWithCode(register.marks(), MON_8_SEP.plusDays(1), MON_8_SEP.plusDays(2), illness))
                .isEqualTo(1);
    }

    /** {@code absent} sessions of {@code code} then present sessions, {@code possible} in all, from Mon 1 Sep 2025. */
    private static AttendanceSummary summariseSessions(int absent, AttendanceCode code, int possible) {
        Register register = new Register();
        List<LocalDate> days = weekdays(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 8, 31), Set.of());
        for (int i = 0; i < possible; i++) {
            Session session = i % 2 == 0 ? Session.AM : Session.PM;
            AttendanceCode present = session == Session.AM ? PRESENT_AM : PRESENT_PM;
            register.mark(days.get(i / 2), session, i < absent ? code : present);
        }
        return AttendanceMeasures.summarise(register.marks(), register.calendar(), days.get((possible - 1) / 2));
    }

    private static ObjectMapper objectMapper() {
        return new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** One pupil's register; its calendar is built the way the service builds it, from non-{@code #} marks. */
    private static final class Register {
        private final Map<LocalDate, Map<Session, AttendanceCode>> marks = new TreeMap<>();

        Register mark(LocalDate date, Session session, AttendanceCode code) {
            marks.computeIfAbsent(date, d -> new TreeMap<>()).put(session, code);
            return this;
        }

        Register day(LocalDate date, AttendanceCode am, AttendanceCode pm) {
            return mark(date, Session.AM, am).mark(date, Session.PM, pm);
        }

        Register presentEveryDay(LocalDate from, LocalDate to) {
            weekdays(from, to, Set.of()).forEach(date -> day(date, PRESENT_AM, PRESENT_PM));
            return this;
        }

        List<MarkedSession> marks() {
            List<MarkedSession> all = new ArrayList<>();
            marks.forEach((date, sessions) -> sessions.forEach((session, code) -> all.add(new MarkedSession(date, session, code))));
            return Collections.unmodifiableList(all);
        }

        SchoolCalendar calendar() {
            return SchoolCalendar.of(marks().stream()
                    .filter(mark -> mark.code().isSchoolSession())
                    .map(MarkedSession::date)
                    .collect(Collectors.toSet()));
        }
    }
}
