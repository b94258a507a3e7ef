package uk.attendance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.attendance.attendance.AcademicYear;
import uk.attendance.attendance.PostedCalendar;
import uk.attendance.attendance.SchoolCalendar;
import uk.attendance.attendance.Session;
import uk.attendance.calendar.CalendarRequest;
import uk.attendance.calendar.CalendarValidator;

/** The scenario format's calendar lines: the same calendar the calendar endpoint builds, and a bad line named. */
class ScenarioParserTest {

    private static final String AUTUMN = "term: Autumn 2025-09-03 to 2025-12-19, half term 2025-10-27 to 2025-10-31\n";

    private static Scenario only(String text) {
        List<Scenario> scenarios = ScenarioParser.parse("scenarios/test.scenario", text);
        assertThat(scenarios).hasSize(1);
        return scenarios.get(0);
    }

    @Test
    void fileLevelTermsAndClosuresBuildTheCalendarTheEndpointBuilds() {
        Scenario scenario = only(AUTUMN
                + "term: Spring 2026-01-05 to 2026-03-27, half term 2026-02-16 to 2026-02-20\n"
                + "closed: 2025-10-24 INSET day\n"
                + "closed: 2025-11-14 PM polling day\n"
                + "scenario: on the calendar\n"
                + "2025-10-20: /\\ /\\ /\\ /\\ -\n");

        PostedCalendar expected = CalendarValidator.validate(new CalendarRequest("2025/26", List.of(
                new CalendarRequest.TermRequest("Autumn", "2025-09-03", "2025-12-19", new CalendarRequest.BreakRequest("2025-10-27", "2025-10-31")),
                new CalendarRequest.TermRequest("Spring", "2026-01-05", "2026-03-27", new CalendarRequest.BreakRequest("2026-02-16", "2026-02-20"))),
                List.of(new CalendarRequest.ClosureRequest("2025-10-24", List.of("AM", "PM"), "INSET day"),
                        new CalendarRequest.ClosureRequest("2025-11-14", List.of("PM"), "polling day"))));
        assertThat(scenario.calendars()).containsExactly(expected);
        PostedCalendar calendar = scenario.calendars().get(0);
        assertThat(calendar.year()).isEqualTo(new AcademicYear(2025));
        assertThat(calendar.closures().get(1).sessions()).containsExactly(Session.PM);

        // The INSET day next to half term does not split the autumn term: its first half ends on Thursday 23 October.
        SchoolCalendar school = SchoolCalendar.of(List.of(), scenario.calendars());
        assertThat(school.halfTerms()).startsWith(new SchoolCalendar.HalfTerm(LocalDate.of(2025, 9, 3), LocalDate.of(2025, 10, 23)),
                new SchoolCalendar.HalfTerm(LocalDate.of(2025, 11, 3), LocalDate.of(2025, 12, 19)));
        assertThat(school.terms()).hasSize(2);
        assertThat(school.isSchoolDay(LocalDate.of(2025, 10, 24))).isFalse();
    }

    @Test
    void withoutCalendarLinesAScenarioHasNoneAndIsInferredFromTheRegister() {
        assertThat(only("scenario: inferred\n2025-09-08: /\\ /\\ /\\ /\\ /\\\n").calendars()).isEmpty();
    }

    @Test
    void aScenarioHasItsOwnTermsAndAddsItsClosuresToTheFiles() {
        List<Scenario> scenarios = ScenarioParser.parse("scenarios/test.scenario", AUTUMN
                + "closed: 2025-09-19 INSET\n"
                + "scenario: the file's calendar\n"
                + "2025-09-08: /\\ /\\ /\\ /\\ /\\\n"
                + "scenario: its own autumn term, one more closure\n"
                + "term: Autumn 2025-09-04 to 2025-12-18, half term 2025-10-20 to 2025-10-24\n"
                + "closed: 2025-09-26\n"
                + "2025-09-08: /\\ /\\ /\\ /\\ /\\\n");

        assertThat(scenarios.get(0).calendars().get(0).terms().get(0).breakStart()).isEqualTo(LocalDate.of(2025, 10, 27));
        PostedCalendar own = scenarios.get(1).calendars().get(0);
        assertThat(own.terms()).extracting(PostedCalendar.Term::start).containsExactly(LocalDate.of(2025, 9, 4));
        assertThat(own.closures()).extracting(PostedCalendar.Closure::date)
                .containsExactly(LocalDate.of(2025, 9, 19), LocalDate.of(2025, 9, 26));
        assertThat(own.closures().get(1).sessions()).isEqualTo(Set.of(Session.AM, Session.PM));
        assertThat(own.closures().get(1).reason()).isNull();
    }

    @Test
    void termsOfTwoSchoolYearsPostTwoCalendars() {
        Scenario scenario = only(AUTUMN + "term: Autumn 2026-09-02 to 2026-12-18\n"
                + "scenario: two years\n2025-09-08: /\\ /\\ /\\ /\\ /\\\n2026-09-07: /\\ /\\ /\\ /\\ /\\\n");
        assertThat(scenario.calendars()).extracting(PostedCalendar::year).containsExactly(new AcademicYear(2025), new AcademicYear(2026));
    }

    @Test
    void aTermLineThatCannotBeReadIsNamedByItsLine() {
        assertThatThrownBy(() -> ScenarioParser.parse("scenarios/test.scenario",
                "# a comment\nterm: Autumn from 2025-09-03 until 2025-12-19\nscenario: x\n2025-09-08: /\\\n"))
                .isInstanceOf(ScenarioSyntaxError.class)
                .hasMessageStartingWith("scenarios/test.scenario line 2: a term line reads \"term: Autumn 2025-09-03 to 2025-12-19")
                .satisfies(e -> assertThat(((ScenarioSyntaxError) e).line()).isEqualTo(2));
        assertThatThrownBy(() -> ScenarioParser.parse("s", "scenario: x\n2025-09-08: /\\\nterm: Autumn 2025-09-03 to 2025-13-19\n"))
                .isInstanceOf(ScenarioSyntaxError.class).hasMessage("s line 3: '2025-13-19' is not a date (YYYY-MM-DD)");
    }

    @Test
    void aClosureLineThatCannotBeReadIsNamedByItsLine() {
        assertThatThrownBy(() -> ScenarioParser.parse("s", AUTUMN + "closed:\nscenario: x\n2025-09-08: /\\\n"))
                .isInstanceOf(ScenarioSyntaxError.class).hasMessageStartingWith("s line 2: a closure line reads");
        assertThatThrownBy(() -> ScenarioParser.parse("s", AUTUMN + "closed: Friday INSET\nscenario: x\n2025-09-08: /\\\n"))
                .isInstanceOf(ScenarioSyntaxError.class).hasMessage("s line 2: 'Friday' is not a date (YYYY-MM-DD)");
    }

    @Test
    void aCalendarThatContradictsItselfIsNamedAtTheLineTheEndpointWouldRefuse() {
        // The half term outside its term: refused by the calendar endpoint's own check, at the second term line.
        assertThatThrownBy(() -> ScenarioParser.parse("s", AUTUMN
                + "term: Spring 2026-01-05 to 2026-03-27, half term 2026-04-06 to 2026-04-10\nscenario: x\n2025-09-08: /\\\n"))
                .isInstanceOf(ScenarioSyntaxError.class)
                .hasMessageStartingWith("s line 2: the calendar does not hold together: the half term's end 2026-04-10 is not inside its term");
        // A closure on a Saturday, at its own line.
        assertThatThrownBy(() -> ScenarioParser.parse("s", AUTUMN + "\nclosed: 2025-10-25 INSET\nscenario: x\n2025-09-08: /\\\n"))
                .isInstanceOf(ScenarioSyntaxError.class)
                .hasMessageStartingWith("s line 3: the calendar does not hold together: the closure 2025-10-25 is a Saturday");
        // Overlapping terms, at the later one.
        assertThatThrownBy(() -> ScenarioParser.parse("s", AUTUMN + "term: Spring 2025-12-01 to 2026-03-27\nscenario: x\n2025-09-08: /\\\n"))
                .isInstanceOf(ScenarioSyntaxError.class).hasMessageStartingWith("s line 2: the calendar does not hold together: "
                        + "the term's start 2025-12-01 overlaps the term 'Autumn'");
        // A closure in a year with no terms.
        assertThatThrownBy(() -> ScenarioParser.parse("s", AUTUMN + "closed: 2026-09-14\nscenario: x\n2025-09-08: /\\\n"))
                .isInstanceOf(ScenarioSyntaxError.class).hasMessageStartingWith("s line 2: the closure on 2026-09-14 is in a school year "
                        + "with no term lines");
    }

    @Test
    void aRegisterMarkOnADayTheCalendarClosesIsNamedByItsLine() {
        assertThatThrownBy(() -> ScenarioParser.parse("s", AUTUMN + "closed: 2025-10-24 INSET\nscenario: x\n"
                + "2025-10-13: /\\ /\\ /\\ /\\ /\\\n2025-10-20: /\\ /\\ /\\ /\\ /\\\n"))
                .isInstanceOf(ScenarioSyntaxError.class)
                .hasMessage("s line 5: the register marks 2025-10-24 (a Friday), which is no school day of the calendar (outside the "
                        + "terms, in a half-term break or closed): write - for it");
        assertThatThrownBy(() -> ScenarioParser.parse("s", AUTUMN + "scenario: x\n2025-10-27: /\\\n"))
                .isInstanceOf(ScenarioSyntaxError.class).hasMessageStartingWith("s line 3: the register marks 2025-10-27");
    }

    @Test
    void anExpectationCanCountAStepThatRepeats() {
        Scenario scenario = only("scenario: x\n2025-09-08: /\\\nexpect 2025-11-14: 2 AT1_LETTER, PA_LETTER\n");
        Scenario.Expectation expectation = scenario.expectations().get(0);
        assertThat(expectation.types()).containsExactly("AT1_LETTER", "PA_LETTER");
        assertThat(expectation.counts()).containsExactly(java.util.Map.entry("AT1_LETTER", 2));
        assertThatThrownBy(() -> ScenarioParser.parse("s", "scenario: x\n2025-09-08: /\\\nexpect 2025-11-14: no 2 AT1_LETTER\n"))
                .isInstanceOf(ScenarioSyntaxError.class).hasMessageStartingWith("s line 3: a count goes just before one action type");
        assertThatThrownBy(() -> ScenarioParser.parse("s", "scenario: x\n2025-09-08: /\\\nexpect 2025-11-14: AT1_LETTER 2\n"))
                .isInstanceOf(ScenarioSyntaxError.class).hasMessageStartingWith("s line 3: name the action types expected");
        assertThatThrownBy(() -> ScenarioParser.parse("s", "scenario: x\n2025-09-08: /\\\nexpect 2025-11-14: 1 AT1_LETTER, no AT2_LETTER\n"))
                .isInstanceOf(ScenarioSyntaxError.class).hasMessageStartingWith("s line 3: \"no\" goes first");
    }

    @Test
    void beforeTheFirstScenarioOnlyCalendarLines() {
        assertThatThrownBy(() -> ScenarioParser.parse("s", AUTUMN + "pupil: year 5\n"))
                .isInstanceOf(ScenarioSyntaxError.class).hasMessageStartingWith("s line 2: a scenario starts with \"scenario: <name>\"");
    }
}
