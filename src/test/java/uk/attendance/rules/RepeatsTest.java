package uk.attendance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.attendance.attendance.SchoolCalendar;
import uk.attendance.evaluation.FactAssembler;
import uk.attendance.rules.fact.EvaluationContext;
import uk.attendance.rules.fact.Repeat;

/** {@code @repeats("...")} on a rule: the period its action belongs to, so how often it may be raised again. */
class RepeatsTest {

    private static final String PA_LETTER = "Coopers: Persistent absentees — half-termly PA letter";

    /** Coopers writes to every persistent absentee each half term: absent every Monday (20%), one letter in each. */
    @Test
    void aRuleRepeatingEachHalfTermIsRaisedOnceInEachHalfTerm() {
        RegisterLadder register = RegisterLadder.of(LadderVerifier.forPolicy("coopers"));
        for (LocalDate monday = LocalDate.of(2025, 9, 8); monday.isBefore(LocalDate.of(2025, 12, 19)); monday = monday.plusWeeks(1)) {
            if (!monday.equals(LocalDate.of(2025, 10, 27))) {
                register.day(monday.toString(), "O", "O");
            }
        }
        RegisterLadder.Judged judged = register.judgeTo("2025-12-19");
        assertThat(judged.of("PA_LETTER")).filteredOn(h -> h.recommendation().getRule().equals(PA_LETTER))
                .extracting(h -> h.recommendation().getPeriod())
                .containsExactly("2025/26 from 2025-09-03", "2025/26 from 2025-11-03");
    }

    @Test
    void eachRepeatNamesItsPeriod() {
        // Thursday 20 November 2025: the autumn term from 3 September, the half term from 3 November, the third block
        // of four school weeks from Monday 3 November.
        EvaluationContext day = new EvaluationContext(LocalDate.of(2025, 11, 20), "2025/26", "2025/26 from 2025-11-03",
                LocalDate.of(2025, 10, 24), LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3));
        assertThat(day.period(Repeat.ONCE_A_YEAR)).isEqualTo("2025/26");
        assertThat(day.period(Repeat.EACH_TERM)).isEqualTo("2025/26 term from 2025-09-03");
        assertThat(day.period(Repeat.EACH_HALF_TERM)).isEqualTo("2025/26 from 2025-11-03");
        assertThat(day.period(Repeat.EVERY_FOUR_WEEKS)).isEqualTo("2025/26 four weeks from 2025-11-03");
        assertThat(day.period(Repeat.EACH_MONTH)).isEqualTo("2025/26 month 2025-11");
        assertThat(day.period(Repeat.EACH_WEEK)).isEqualTo("2025/26 week of 2025-11-17");
        assertThat(Repeat.named("Each Half Term")).contains(Repeat.EACH_HALF_TERM);
        assertThat(Repeat.named("every fortnight")).isEmpty();
    }

    @Test
    void aRepeatNoLadderKnowsFailsToLoadNamingTheRule() {
        String drl = """
                package policies.probe;
                import uk.attendance.rules.fact.*;
                global uk.attendance.rules.PolicyParameters params;

                rule "Probe: fortnightly"
                    @repeats("every fortnight")
                when
                    $p : PupilFacts()
                then
                    insert( Recommendation.of( kcontext, $p, "PROBE" ) );
                end
                """;
        PolicyCompiler.Compilation compilation = new PolicyCompiler().compile("probe", List.of(new RuleSource("probe.drl", drl)));
        assertThat(compilation.succeeded()).isFalse();
        assertThat(compilation.errors()).singleElement().satisfies(error -> assertThat(error.message())
                .contains("Probe: fortnightly", "every fortnight", "\"each half term\""));
    }

    /**
     * The day's context from the school's calendar: the term it is in, and its block of four school weeks counted from
     * the week of 3 September (the half-term week is no school week): weeks 1–4 from 1 September, 5–8 from 29 September,
     * 9–12 from 3 November.
     */
    @Test
    void theDaysTermAndFourWeekBlockComeFromTheCalendar() {
        SchoolCalendar calendar = SchoolCalendar.of(List.of(), List.of(RegisterLadder.CALENDAR));
        EvaluationContext november = new FactAssembler(calendar, LocalDate.of(2025, 11, 20)).context();
        assertThat(november.getTermStart()).isEqualTo(LocalDate.of(2025, 9, 3));
        assertThat(november.getFourWeekBlockStart()).isEqualTo(LocalDate.of(2025, 11, 3));
        EvaluationContext october = new FactAssembler(calendar, LocalDate.of(2025, 10, 24)).context();
        assertThat(october.getFourWeekBlockStart()).isEqualTo(LocalDate.of(2025, 9, 29));
        EvaluationContext january = new FactAssembler(calendar, LocalDate.of(2026, 1, 7)).context();
        assertThat(january.getTermStart()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(january.period(Repeat.EACH_TERM)).isEqualTo("2025/26 term from 2026-01-05");
    }
}
