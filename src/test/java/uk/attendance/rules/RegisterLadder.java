package uk.attendance.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.attendance.attendance.AcademicYear;
import uk.attendance.attendance.AttendanceCode;
import uk.attendance.attendance.MarkedSession;
import uk.attendance.attendance.PostedCalendar;
import uk.attendance.attendance.SchoolCalendar;
import uk.attendance.attendance.Session;
import uk.attendance.evaluation.DayStream;
import uk.attendance.evaluation.FactAssembler;
import uk.attendance.intervention.AgreedTarget;
import uk.attendance.intervention.Intervention;
import uk.attendance.intervention.InterventionKind;
import uk.attendance.pupil.Parent;
import uk.attendance.pupil.Pupil;
import uk.attendance.rules.fact.Recommendation;

/**
 * A ladder judged from register marks, as the service judges it: one pupil's marks on the school days of a posted
 * 2025/26 calendar ({@link #CALENDAR}, or with {@link #onPostedCalendar} the scenarios' calendar with its INSET day;
 * present unless a test says otherwise), every school day from 1 September streamed through the
 * policy's rules by the evaluation's {@link DayStream}. The counts the rules read (runs of days, sessions in a code
 * set, days of illness) are computed by Java from the marks, so a test at a threshold and just below it is a test of
 * the marks that make it.
 */
final class RegisterLadder {

    /** Autumn, spring and summer 2025/26, each with its half-term week; no closures. */
    static final PostedCalendar CALENDAR = new PostedCalendar(new AcademicYear(2025), List.of(
            new PostedCalendar.Term("Autumn", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 12, 19),
                    LocalDate.of(2025, 10, 27), LocalDate.of(2025, 10, 31)),
            new PostedCalendar.Term("Spring", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 27),
                    LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 20)),
            new PostedCalendar.Term("Summer", LocalDate.of(2026, 4, 13), LocalDate.of(2026, 7, 22),
                    LocalDate.of(2026, 5, 25), LocalDate.of(2026, 5, 29))),
            List.of());

    /**
     * The calendar the policies' scenarios post ({@code term:} / {@code closed:} lines): {@link #CALENDAR}'s terms with
     * the INSET day on Friday 24 October 2025, so the first half term has 37 school days (74 sessions), not 38.
     */
    static final PostedCalendar POSTED_CALENDAR = new PostedCalendar(CALENDAR.year(), CALENDAR.terms(),
            List.of(new PostedCalendar.Closure(LocalDate.of(2025, 10, 24), java.util.Set.of(Session.AM, Session.PM), "INSET day")));

    private final LadderVerifier ladder;
    private final PostedCalendar posted;
    private final Pupil pupil = new Pupil();
    private final Map<LocalDate, AttendanceCode[]> marks = new HashMap<>();
    private final List<Intervention> interventions = new ArrayList<>();

    private RegisterLadder(LadderVerifier ladder, PostedCalendar posted) {
        this.ladder = ladder;
        this.posted = posted;
        pupil.id = 1L;
        pupil.upn = "B801200005001";
        pupil.dateOfBirth = LocalDate.of(2016, 3, 4);
        pupil.yearGroup = 4;
    }

    /** On {@link #CALENDAR}: terms and half terms, no closures. */
    static RegisterLadder of(LadderVerifier ladder) {
        return new RegisterLadder(ladder, CALENDAR);
    }

    /** On {@link #POSTED_CALENDAR}, the scenarios' calendar with the INSET day on 24 October 2025. */
    static RegisterLadder onPostedCalendar(LadderVerifier ladder) {
        return new RegisterLadder(ladder, POSTED_CALENDAR);
    }

    RegisterLadder born(String date) {
        pupil.dateOfBirth = LocalDate.parse(date);
        return this;
    }

    /** A characteristic the MIS gives the pupil ({@code SEND}, {@code LAC}, ...). */
    RegisterLadder characteristic(String characteristic) {
        pupil.characteristics.add(characteristic);
        return this;
    }

    RegisterLadder parent(String parentRef) {
        Parent parent = new Parent();
        parent.parentRef = parentRef;
        parent.pupil = pupil;
        pupil.parents.add(parent);
        return this;
    }

    /** Both sessions of one school day. */
    RegisterLadder day(String date, String am, String pm) {
        LocalDate day = LocalDate.parse(date);
        if (!calendar(List.of()).isSchoolDay(day)) {
            throw new IllegalArgumentException(date + " is not a school day of the test calendar");
        }
        marks.put(day, new AttendanceCode[] {code(am), code(pm)});
        return this;
    }

    /** Both sessions of every school day from {@code from} to {@code to}. */
    RegisterLadder days(String from, String to, String am, String pm) {
        for (LocalDate day : calendar(List.of()).schoolDays(LocalDate.parse(from), LocalDate.parse(to))) {
            day(day.toString(), am, pm);
        }
        return this;
    }

    RegisterLadder intervention(InterventionKind kind, String type, String date, Boolean parentAttended, String outcome) {
        Intervention intervention = new Intervention();
        intervention.id = (long) interventions.size() + 1;
        intervention.pupilId = pupil.id;
        intervention.kind = kind;
        intervention.type = type;
        intervention.date = LocalDate.parse(date);
        intervention.parentAttended = parentAttended;
        intervention.outcome = outcome;
        interventions.add(intervention);
        return this;
    }

    /** A target agreed with the family on {@code date}: attendance of at least {@code percent}, reviewed on {@code reviewOn}. */
    RegisterLadder target(String date, double percent, String reviewOn) {
        intervention(InterventionKind.ATTENDANCE_TARGET, null, date, null, null);
        interventions.get(interventions.size() - 1).agree(new AgreedTarget(BigDecimal.valueOf(percent), null, LocalDate.parse(reviewOn)));
        return this;
    }

    /** A penalty notice issued to a parent (counted towards the cap unless withdrawn). */
    RegisterLadder penaltyNotice(String parentRef, String date) {
        intervention(InterventionKind.PENALTY_NOTICE, null, date, null, null);
        interventions.get(interventions.size() - 1).parentId = parentRef;
        return this;
    }

    /** Every school day from 1 September to {@code asOf} judged; the register is marked up to {@code asOf}. */
    Judged judgeTo(String asOf) {
        LocalDate end = LocalDate.parse(asOf);
        List<LocalDate> schoolDays = calendar(List.of()).schoolDays(posted.year().start(), end);
        List<MarkedSession> register = register(schoolDays);
        SchoolCalendar calendar = calendar(schoolDays);
        Map<String, DayStream.Held> held = DayStream.judge(calendar, List.of(pupil), Map.of(pupil.id, register),
                Map.of(pupil.id, interventions), Map.of(), Map.of(pupil.id, posted.year().start()), Map.of(pupil.id, end),
                ladder.kieBase(), ladder.parameters()).getOrDefault(pupil.id, Map.of());
        return new Judged(held);
    }

    /**
     * The rules run once over the facts of one day, as Java computes them from the marks up to it: for a test of which
     * rules fire that day, when two rules raise the same action (a holiday that also meets the national threshold).
     */
    LadderVerifier.Outcome on(String date) {
        LocalDate day = LocalDate.parse(date);
        List<LocalDate> schoolDays = calendar(List.of()).schoolDays(posted.year().start(), day);
        FactAssembler assembler = new FactAssembler(calendar(schoolDays), day);
        List<Object> facts = new ArrayList<>();
        facts.add(assembler.context());
        facts.add(assembler.calendarFact());
        facts.addAll(assembler.facts(pupil, register(schoolDays), interventions, List.of()));
        return ladder.given(facts.toArray());
    }

    private List<MarkedSession> register(List<LocalDate> schoolDays) {
        List<MarkedSession> register = new ArrayList<>();
        for (LocalDate day : schoolDays) {
            AttendanceCode[] codes = marks.getOrDefault(day, new AttendanceCode[] {AttendanceCode.PRESENT_AM, AttendanceCode.PRESENT_PM});
            register.add(new MarkedSession(day, Session.AM, codes[0]));
            register.add(new MarkedSession(day, Session.PM, codes[1]));
        }
        return register;
    }

    private SchoolCalendar calendar(List<LocalDate> registerDays) {
        return SchoolCalendar.of(registerDays, List.of(posted));
    }

    private static AttendanceCode code(String mark) {
        return AttendanceCode.fromMark(mark, true).orElseThrow(() -> new IllegalArgumentException("no code " + mark));
    }

    /** What judging the days raised: per action (type and period) the first day its condition held. */
    record Judged(Map<String, DayStream.Held> held) {

        List<String> rules() {
            return held.values().stream().map(h -> h.recommendation().getRule()).distinct().toList();
        }

        List<String> types() {
            return held.values().stream().map(h -> h.recommendation().getType()).distinct().toList();
        }

        /** The actions of one type, earliest first. */
        List<DayStream.Held> of(String type) {
            return held.values().stream().filter(h -> h.recommendation().getType().equals(type))
                    .sorted(java.util.Comparator.comparing(DayStream.Held::on)).toList();
        }

        DayStream.Held first(String type) {
            List<DayStream.Held> raised = of(type);
            if (raised.isEmpty()) {
                throw new AssertionError("no " + type + " raised; raised: " + held.keySet());
            }
            return raised.get(0);
        }

        Recommendation recommendation(String type) {
            return first(type).recommendation();
        }
    }
}
