package uk.attendance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.attendance.action.ActionDecision;
import uk.attendance.action.ActionStatus;
import uk.attendance.action.RecommendedAction;
import uk.attendance.attendance.AttendanceCode;
import uk.attendance.attendance.MarkedSession;
import uk.attendance.attendance.SchoolCalendar;
import uk.attendance.attendance.Session;
import uk.attendance.intervention.Intervention;
import uk.attendance.intervention.InterventionKind;
import uk.attendance.pupil.Parent;
import uk.attendance.pupil.Pupil;
import uk.attendance.rules.fact.ActionFact;
import uk.attendance.rules.fact.EvaluationContext;
import uk.attendance.rules.fact.InterventionFact;
import uk.attendance.rules.fact.ParentFact;
import uk.attendance.rules.fact.Period;
import uk.attendance.rules.fact.PeriodFacts;
import uk.attendance.rules.fact.PupilFacts;
import uk.attendance.rules.fact.UnresolvedNCode;

/**
 * The facts a pupil's register turns into. Autumn 2025: first half term 1 Sep – 17 Oct (35 days), half
 * term 20–24 Oct, second half term from 27 Oct; evaluated on Friday 7 Nov.
 * First half term: ill all week of 15 Sep (10 sessions), otherwise present: 60 / 70 = 85.714%.
 * Second half term so far (20 sessions): N on 28 Oct AM, G all day 6 and 7 Nov: 15 / 20 = 75%.
 * The AT1 letter went on 17 Oct; the action was raised on 10 Oct and completed on 17 Oct.
 */
class FactAssemblerTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 11, 7);
    private static final LocalDate LETTER = LocalDate.of(2025, 10, 17);

    private final SchoolCalendar calendar = SchoolCalendar.of(java.util.stream.Stream.concat(
            weekdays(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 17)).stream(),
            weekdays(LocalDate.of(2025, 10, 27), LocalDate.of(2025, 12, 19)).stream()).toList());

    private static List<LocalDate> weekdays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    private static List<MarkedSession> register() {
        List<MarkedSession> marks = new ArrayList<>();
        for (LocalDate d : weekdays(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 12, 19))) {
            if (d.getMonthValue() == 10 && d.getDayOfMonth() >= 20 && d.getDayOfMonth() <= 24) {
                continue;
            }
            boolean ill = !d.isBefore(LocalDate.of(2025, 9, 15)) && !d.isAfter(LocalDate.of(2025, 9, 19));
            boolean holiday = d.equals(LocalDate.of(2025, 11, 6)) || d.equals(LocalDate.of(2025, 11, 7));
            AttendanceCode am = ill ? AttendanceCode.I : holiday ? AttendanceCode.G
                    : d.equals(LocalDate.of(2025, 10, 28)) ? AttendanceCode.N : AttendanceCode.PRESENT_AM;
            AttendanceCode pm = ill ? AttendanceCode.I : holiday ? AttendanceCode.G : AttendanceCode.PRESENT_PM;
            marks.add(new MarkedSession(d, Session.AM, am));
            marks.add(new MarkedSession(d, Session.PM, pm));
        }
        return marks;
    }

    private static Pupil pupil() {
        Pupil pupil = new Pupil();
        pupil.id = 7L;
        pupil.upn = "B801200005001";
        pupil.yearGroup = 8;
        pupil.dateOfBirth = LocalDate.of(2012, 10, 1);
        pupil.characteristics = Set.of("FSM");
        Parent parent = new Parent();
        parent.parentRef = "P1";
        pupil.parents = List.of(parent);
        return pupil;
    }

    private static Intervention at1Letter() {
        Intervention letter = new Intervention();
        letter.id = 1L;
        letter.kind = InterventionKind.LETTER;
        letter.type = "AT1";
        letter.date = LETTER;
        return letter;
    }

    private static RecommendedAction at1Action() {
        RecommendedAction action = new RecommendedAction();
        action.type = "AT1_LETTER";
        action.period = "2025/26";
        action.raisedOn = LocalDate.of(2025, 10, 10);
        ActionDecision completed = new ActionDecision();
        completed.decision = ActionStatus.COMPLETED;
        completed.date = LETTER;
        action.decisions = List.of(completed);
        return action;
    }

    private List<Object> facts(LocalDate asOf) {
        return new FactAssembler(calendar, asOf).facts(pupil(), register(), List.of(at1Letter()), List.of(at1Action()));
    }

    private static <T> List<T> only(List<Object> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void pupilFactsAreTheYearToDateMeasuresAsOfTheEvaluationDate() {
        PupilFacts pupil = only(facts(AS_OF), PupilFacts.class).get(0);
        // 90 possible sessions to 7 Nov: 10 I, 1 N, 4 G absent → 75 / 90.
        assertThat(pupil.getPossibleSessions()).isEqualTo(90);
        assertThat(pupil.getAttendancePercent()).isCloseTo(100.0 * 75 / 90, within(1e-9));
        assertThat(pupil.getUnauthorisedAbsenceSessions()).isEqualTo(5);
        assertThat(pupil.getHolidaySessions()).isEqualTo(4);
        assertThat(pupil.getConsecutiveUnauthorisedAbsenceSchoolDays()).isEqualTo(2);
        assertThat(pupil.getIllnessSchoolDays()).isEqualTo(5);
        assertThat(pupil.isCompulsorySchoolAge()).isTrue();
        assertThat(pupil.getAcademicYear()).isEqualTo("2025/26");
    }

    @Test
    void periodsAreTheHalfTermsFoundFromTheGapsInTheRegister() {
        List<PeriodFacts> periods = only(facts(AS_OF), PeriodFacts.class);
        PeriodFacts previous = periods.stream().filter(p -> p.getPeriod() == Period.PREVIOUS_HALF_TERM).findFirst().orElseThrow();
        assertThat(previous.getFrom()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(previous.getTo()).isEqualTo(LETTER);
        assertThat(previous.getAttendancePercent()).isCloseTo(100.0 * 60 / 70, within(1e-9));
        PeriodFacts current = periods.stream().filter(p -> p.getPeriod() == Period.CURRENT_HALF_TERM).findFirst().orElseThrow();
        assertThat(current.getFrom()).isEqualTo(LocalDate.of(2025, 10, 27));
        assertThat(current.getAttendancePercent()).isEqualTo(75.0);
        assertThat(current.getHolidaySessions()).isEqualTo(4);
        assertThat(periods).extracting(PeriodFacts::getPeriod).contains(Period.YEAR_TO_DATE, Period.CURRENT_TERM)
                .doesNotContain(Period.HALF_TERM_BEFORE_PREVIOUS);

        EvaluationContext context = new FactAssembler(calendar, AS_OF).context();
        assertThat(context.getHalfTerm()).isEqualTo("2025/26 from 2025-10-27");
        assertThat(context.getPreviousHalfTermEnd()).isEqualTo(LETTER);
    }

    @Test
    void anInterventionCarriesAttendanceAtItsDateAndSince() {
        InterventionFact letter = only(facts(AS_OF), InterventionFact.class).get(0);
        assertThat(letter.getSchoolDaysSince()).isEqualTo(10);
        assertThat(letter.getAttendancePercentAtDate()).isCloseTo(100.0 * 60 / 70, within(1e-9));
        assertThat(letter.getAttendancePercentSince()).isEqualTo(75.0);
        assertThat(letter.getUnauthorisedSessionsSince()).isEqualTo(5);
        assertThat(letter.unauthorisedSessionsInFirstSchoolDays(2)).isEqualTo(1);
        assertThat(letter.unauthorisedSessionsInFirstSchoolDays(8)).isEqualTo(1);
        assertThat(letter.unauthorisedSessionsInFirstSchoolDays(15)).isEqualTo(5);
    }

    @Test
    void nothingDatedAfterTheEvaluationDateIsSeen() {
        List<Object> before = facts(LocalDate.of(2025, 10, 16));
        assertThat(only(before, InterventionFact.class)).isEmpty();
        assertThat(only(before, ActionFact.class)).singleElement().extracting(ActionFact::getStatus).isEqualTo("OPEN");
        assertThat(only(before, UnresolvedNCode.class)).isEmpty();
        assertThat(only(facts(AS_OF), ActionFact.class)).singleElement().extracting(ActionFact::getStatus).isEqualTo("COMPLETED");
    }

    @Test
    void anUnresolvedNCodeKnowsHowManySchoolDaysHavePassed() {
        assertThat(only(facts(AS_OF), UnresolvedNCode.class)).singleElement()
                .satisfies(n -> {
                    assertThat(n.getDate()).isEqualTo(LocalDate.of(2025, 10, 28));
                    assertThat(n.getSchoolDaysSince()).isEqualTo(8);
                });
        assertThat(only(facts(AS_OF), ParentFact.class)).extracting(ParentFact::getParentId).containsExactly("P1");
    }
}
