package uk.attendance.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import uk.attendance.action.ActionDecision;
import uk.attendance.action.ActionStatus;
import uk.attendance.action.RecommendedAction;
import uk.attendance.attendance.AcademicYear;
import uk.attendance.attendance.AttendanceCode;
import uk.attendance.attendance.AttendanceMeasures;
import uk.attendance.attendance.AttendanceMeasures.DayMatch;
import uk.attendance.attendance.AttendanceSummary;
import uk.attendance.attendance.CompulsorySchoolAge;
import uk.attendance.attendance.MarkedSession;
import uk.attendance.attendance.PeriodAttendance;
import uk.attendance.attendance.SchoolCalendar;
import uk.attendance.attendance.SchoolCalendar.HalfTerm;
import uk.attendance.intervention.Intervention;
import uk.attendance.pupil.Pupil;
import uk.attendance.rules.fact.ActionFact;
import uk.attendance.rules.fact.EvaluationContext;
import uk.attendance.rules.fact.InterventionFact;
import uk.attendance.rules.fact.ParentFact;
import uk.attendance.rules.fact.Period;
import uk.attendance.rules.fact.PeriodFacts;
import uk.attendance.rules.fact.PupilFacts;
import uk.attendance.rules.fact.SchoolCalendarFact;
import uk.attendance.rules.fact.UnresolvedNCode;

/**
 * Turns a pupil's register, interventions and earlier actions into the facts the rules match,
 * using only what is dated on or before the evaluation date.
 */
public final class FactAssembler {

    /** Terms are separated by the long breaks (Christmas, Easter, summer), half terms by a week. */
    private static final int MIN_TERM_BREAK_DAYS = 10;

    private final SchoolCalendar calendar;
    private final LocalDate asOf;
    private final AcademicYear year;
    private final List<HalfTerm> halfTerms;

    public FactAssembler(SchoolCalendar calendar, LocalDate asOf) {
        this.calendar = calendar;
        this.asOf = asOf;
        this.year = AcademicYear.containing(asOf);
        this.halfTerms = calendar.halfTerms().stream().filter(h -> !h.start().isAfter(asOf)).toList();
    }

    /** The first date whose marks the facts can depend on: the 10-week window may reach into the summer before. */
    public static LocalDate marksNeededFrom(LocalDate asOf) {
        return AcademicYear.containing(asOf).start().minusWeeks(20);
    }

    public SchoolCalendarFact calendarFact() {
        return new SchoolCalendarFact(calendar);
    }

    public EvaluationContext context() {
        Optional<HalfTerm> current = calendar.halfTermContaining(asOf);
        Optional<HalfTerm> previous = calendar.previousCompletedHalfTerm(asOf);
        String halfTerm = year.label() + " from " + current.map(HalfTerm::start)
                .orElse(previous.map(h -> h.end().plusDays(1)).orElse(year.start()));
        return new EvaluationContext(asOf, year.label(), halfTerm, previous.map(HalfTerm::end).orElse(null));
    }

    public List<Object> facts(Pupil pupil, Collection<MarkedSession> allMarks, Collection<Intervention> interventions,
            Collection<RecommendedAction> actions) {
        List<MarkedSession> marks = allMarks.stream().filter(m -> !m.date().isAfter(asOf)).toList();
        long id = pupil.id;
        List<Object> facts = new ArrayList<>();
        AttendanceSummary summary = AttendanceMeasures.summarise(marks, calendar, asOf);
        PeriodAttendance ytd = summary.yearToDate();
        facts.add(new PupilFacts()
                .setPupilId(id)
                .setUpn(pupil.upn)
                .setYearGroup(pupil.yearGroup)
                .setCharacteristics(pupil.characteristics)
                .setCompulsorySchoolAge(CompulsorySchoolAge.on(pupil.dateOfBirth, asOf))
                .setAsOf(asOf)
                .setAcademicYear(year.label())
                .setPossibleSessions(ytd.possibleSessions())
                .setAttendancePercent(ytd.attendancePercent())
                .setAbsencePercent(ytd.absencePercent())
                .setAbsentSessions(ytd.absentSessions())
                .setAuthorisedAbsenceSessions(ytd.authorisedAbsenceSessions())
                .setUnauthorisedAbsenceSessions(ytd.unauthorisedAbsenceSessions())
                .setDaysAbsent(ytd.absentSessions() / 2.0)
                .setPersistentlyAbsent(ytd.persistentlyAbsent())
                .setSeverelyAbsent(ytd.severelyAbsent())
                .setLateSessions(ytd.lateSessions())
                .setUnauthorisedSessionsLast10SchoolWeeks(summary.unauthorisedSessionsLast10SchoolWeeks())
                .setLast10SchoolWeeksStart(calendar.startOfLastSchoolWeeks(asOf, AttendanceMeasures.NATIONAL_THRESHOLD_SCHOOL_WEEKS))
                .setConsecutiveAbsenceSchoolDays(summary.consecutiveAbsenceSchoolDays())
                .setConsecutiveUnexplainedAbsenceSchoolDays(AttendanceMeasures.consecutiveSchoolDays(marks, calendar, asOf,
                        DayMatch.ALL_SESSIONS, c -> c == AttendanceCode.N || c == AttendanceCode.O))
                .setConsecutiveUnauthorisedAbsenceSchoolDays(AttendanceMeasures.consecutiveSchoolDays(marks, calendar, asOf,
                        DayMatch.ALL_SESSIONS, c -> c == AttendanceCode.G || c == AttendanceCode.N || c == AttendanceCode.O))
                .setIllnessSchoolDays(AttendanceMeasures.schoolDaysWithCode(marks, calendar, year.start(), asOf, c -> c == AttendanceCode.I))
                .setHolidaySessions(AttendanceMeasures.sessionsWithCode(marks, year.start(), asOf, c -> c == AttendanceCode.G)));
        periods(id, marks).forEach(facts::add);
        pupil.parents.forEach(parent -> facts.add(new ParentFact(id, parent.parentRef)));
        for (MarkedSession mark : marks) {
            if (mark.code() == AttendanceCode.N) {
                facts.add(new UnresolvedNCode(id, mark.date(), mark.session().name(), calendar.countSchoolDays(mark.date(), asOf)));
            }
        }
        interventions.stream().filter(i -> !i.date.isAfter(asOf)).forEach(i -> facts.add(interventionFact(id, i, marks)));
        actions.stream().filter(a -> !a.raisedOn.isAfter(asOf)).forEach(a -> facts.add(new ActionFact(id, a.type,
                statusOn(a, asOf).name(), a.raisedOn, a.period, calendar.countSchoolDays(a.raisedOn, asOf))));
        return facts;
    }

    private List<PeriodFacts> periods(long pupilId, List<MarkedSession> marks) {
        List<PeriodFacts> periods = new ArrayList<>();
        period(pupilId, Period.YEAR_TO_DATE, year.start(), asOf, marks).ifPresent(periods::add);
        calendar.halfTermContaining(asOf)
                .flatMap(h -> period(pupilId, Period.CURRENT_HALF_TERM, h.start(), asOf, marks)).ifPresent(periods::add);
        Optional<HalfTerm> previous = calendar.previousCompletedHalfTerm(asOf);
        previous.flatMap(h -> period(pupilId, Period.PREVIOUS_HALF_TERM, h.start(), h.end(), marks)).ifPresent(periods::add);
        previous.flatMap(p -> calendar.previousCompletedHalfTerm(p.start().minusDays(1)))
                .flatMap(h -> period(pupilId, Period.HALF_TERM_BEFORE_PREVIOUS, h.start(), h.end(), marks)).ifPresent(periods::add);
        currentTermStart().flatMap(start -> period(pupilId, Period.CURRENT_TERM, start, asOf, marks)).ifPresent(periods::add);
        return periods;
    }

    /** The first school day after the last long break before the evaluation date. */
    private Optional<LocalDate> currentTermStart() {
        LocalDate start = null;
        for (int i = 0; i < halfTerms.size(); i++) {
            if (i == 0 || halfTerms.get(i).start().toEpochDay() - halfTerms.get(i - 1).end().toEpochDay() > MIN_TERM_BREAK_DAYS) {
                start = halfTerms.get(i).start();
            }
        }
        return Optional.ofNullable(start);
    }

    private static Optional<PeriodFacts> period(long pupilId, Period period, LocalDate from, LocalDate to, List<MarkedSession> marks) {
        PeriodAttendance attendance = PeriodAttendance.of(marks, from, to);
        if (!attendance.hasPossibleSessions()) {
            return Optional.empty();
        }
        return Optional.of(new PeriodFacts(pupilId, period, from, to, attendance.possibleSessions(), attendance.attendancePercent(),
                attendance.absentSessions(), attendance.unauthorisedAbsenceSessions(),
                AttendanceMeasures.sessionsWithCode(marks, from, to, c -> c == AttendanceCode.G),
                AttendanceMeasures.sessionsWithCode(marks, from, to, c -> c == AttendanceCode.I)));
    }

    private InterventionFact interventionFact(long pupilId, Intervention intervention, List<MarkedSession> marks) {
        PeriodAttendance atDate = PeriodAttendance.of(marks, AcademicYear.containing(intervention.date).start(), intervention.date);
        PeriodAttendance since = PeriodAttendance.of(marks, intervention.date.plusDays(1), asOf);
        return new InterventionFact()
                .setPupilId(pupilId)
                .setId(intervention.id)
                .setKind(intervention.kind.name())
                .setType(intervention.type)
                .setDate(intervention.date)
                .setParentId(intervention.parentId)
                .setParentAttended(intervention.parentAttended)
                .setOutcome(intervention.outcome)
                .setAcademicYear(AcademicYear.containing(intervention.date).label())
                .setSchoolDaysSince(calendar.countSchoolDays(intervention.date, asOf))
                .setCalendarDaysSince(asOf.toEpochDay() - intervention.date.toEpochDay())
                .setAttendancePercentAtDate(atDate.attendancePercent())
                .setAttendancePercentSince(since.attendancePercent())
                .setPossibleSessionsSince(since.possibleSessions())
                .setAbsentSessionsSince(since.absentSessions())
                .setUnauthorisedSessionsSince(since.unauthorisedAbsenceSessions())
                .setUnauthorisedSessionsBySchoolDay(unauthorisedBySchoolDay(intervention.date, marks));
    }

    private int[] unauthorisedBySchoolDay(LocalDate date, List<MarkedSession> marks) {
        List<LocalDate> days = calendar.schoolDays(date.plusDays(1), asOf);
        int[] sessions = new int[days.size()];
        for (int d = 0; d < days.size(); d++) {
            sessions[d] = AttendanceMeasures.sessionsWithCode(marks, days.get(d), days.get(d), AttendanceCode::isUnauthorisedAbsence);
        }
        return sessions;
    }

    /** The action's status as it stood at the end of {@code date}: its latest decision dated on or before it. */
    static ActionStatus statusOn(RecommendedAction action, LocalDate date) {
        ActionStatus status = ActionStatus.OPEN;
        for (ActionDecision decision : action.decisions) {
            if (!decision.date.isAfter(date)) {
                status = decision.decision;
            }
        }
        return status;
    }
}
