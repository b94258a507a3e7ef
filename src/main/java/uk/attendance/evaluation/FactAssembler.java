package uk.attendance.evaluation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import uk.attendance.action.ActionDecision;
import uk.attendance.action.ActionStatus;
import uk.attendance.action.RecommendedAction;
import uk.attendance.attendance.AcademicYear;
import uk.attendance.attendance.AttendanceMeasures;
import uk.attendance.attendance.CompulsorySchoolAge;
import uk.attendance.attendance.MarkedSession;
import uk.attendance.attendance.PeriodAttendance;
import uk.attendance.attendance.SchoolCalendar;
import uk.attendance.attendance.SchoolCalendar.HalfTerm;
import uk.attendance.intervention.AgreedTarget;
import uk.attendance.intervention.Intervention;
import uk.attendance.intervention.InterventionKind;
import uk.attendance.pupil.Pupil;
import uk.attendance.rules.fact.ActionFact;
import uk.attendance.rules.fact.AgreedTargetFact;
import uk.attendance.rules.fact.EvaluationContext;
import uk.attendance.rules.fact.InterventionFact;
import uk.attendance.rules.fact.ParentFact;
import uk.attendance.rules.fact.PenaltyNoticeRequest;
import uk.attendance.rules.fact.Period;
import uk.attendance.rules.fact.PeriodFacts;
import uk.attendance.rules.fact.PupilFacts;
import uk.attendance.rules.fact.RegisterFact;
import uk.attendance.rules.fact.SchoolCalendarFact;
import uk.attendance.rules.fact.UnresolvedNCode;

/**
 * Turns a pupil's register, interventions and earlier actions into the facts the rules match on one
 * day, using only what is dated on or before that day. An evaluation judges every school day, each
 * with its own assembler.
 */
public final class FactAssembler {

    private final SchoolCalendar calendar;
    private final LocalDate asOf;
    private final AcademicYear year;
    private final Optional<HalfTerm> current;
    private final Optional<HalfTerm> previous;
    private final Optional<HalfTerm> beforePrevious;
    private final Optional<LocalDate> termStart;
    private final Optional<HalfTerm> previousTerm;
    private final LocalDate windowStart;

    /** The facts of one day, {@code asOf}: everything school-wide about the day is worked out once, here. */
    public FactAssembler(SchoolCalendar calendar, LocalDate asOf) {
        this.calendar = calendar;
        this.asOf = asOf;
        this.year = AcademicYear.containing(asOf);
        this.current = calendar.halfTermContaining(asOf);
        this.previous = calendar.previousCompletedHalfTerm(asOf);
        this.beforePrevious = previous.flatMap(p -> calendar.previousCompletedHalfTerm(p.start().minusDays(1)));
        this.termStart = currentTermStart();
        this.previousTerm = termStart.flatMap(start -> calendar.terms().stream().filter(term -> term.end().isBefore(start))
                .reduce((a, b) -> b));
        this.windowStart = calendar.startOfLastSchoolWeeks(asOf, AttendanceMeasures.NATIONAL_THRESHOLD_SCHOOL_WEEKS);
    }

    /** The first date whose marks the facts can depend on: the 10-week window may reach into the summer before. */
    public static LocalDate marksNeededFrom(LocalDate asOf) {
        return AcademicYear.containing(asOf).start().minusWeeks(20);
    }

    public SchoolCalendarFact calendarFact() {
        return new SchoolCalendarFact(calendar);
    }

    public EvaluationContext context() {
        String halfTerm = year.label() + " from " + current.map(HalfTerm::start)
                .orElse(previous.map(h -> h.end().plusDays(1)).orElse(year.start()));
        return new EvaluationContext(asOf, year.label(), halfTerm, previous.map(HalfTerm::end).orElse(null), termStart.orElse(null),
                fourWeekBlockStart());
    }

    /** The pupil's facts on the day, from their marks as they stand; builds the pupil's series for this one day. */
    public List<Object> facts(Pupil pupil, Collection<MarkedSession> marks, Collection<Intervention> interventions,
            Collection<RecommendedAction> actions) {
        PupilDays days = PupilDays.of(calendar, marks, marksNeededFrom(asOf), asOf);
        return facts(pupil, days, interventions, actions.stream().map(RaisedAction::of).toList());
    }

    /**
     * The pupil's facts at the end of the day: their series cut at the day, the interventions dated on or before
     * it, and the actions whose condition was met before it (an action raised on a day is history the day after).
     */
    public List<Object> facts(Pupil pupil, PupilDays days, Collection<Intervention> interventions, Collection<RaisedAction> actions) {
        long id = pupil.id;
        List<Object> facts = new ArrayList<>();
        PeriodAttendance ytd = days.attendance(year.start(), asOf);
        LocalDate lastNotice = interventions.stream()
                .filter(i -> i.kind == InterventionKind.PENALTY_NOTICE && !"WITHDRAWN".equals(i.outcome) && !i.date.isAfter(asOf))
                .map(i -> i.date).max(LocalDate::compareTo).orElse(null);
        // A lead who dismissed considering a notice at the national threshold considered the absence up to that day: like a
        // notice, the dismissal answers the sessions before it, so it holds until new ones meet the threshold again.
        LocalDate dismissed = actions.stream()
                .filter(a -> PenaltyNoticeRequest.ACTION_TYPES.contains(a.type()) && PenaltyNoticeRequest.isNationalThresholdPeriod(a.period()))
                .map(a -> a.dismissedOn(asOf)).flatMap(Optional::stream).max(LocalDate::compareTo).orElse(null);
        LocalDate answered = PenaltyNoticeRequest.answeredOn(lastNotice, dismissed);
        LocalDate unansweredFrom = answered != null && !answered.isBefore(windowStart) ? answered.plusDays(1) : windowStart;
        // Absence before compulsory school age is no ground for a legal measure: only sessions from its first day count.
        LocalDate compulsoryFrom = pupil.dateOfBirth == null ? null : CompulsorySchoolAge.startDate(pupil.dateOfBirth);
        if (compulsoryFrom != null && compulsoryFrom.isAfter(unansweredFrom)) {
            unansweredFrom = compulsoryFrom;
        }
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
                .setUnauthorisedSessionsLast10SchoolWeeks(days.unauthorisedSessions(windowStart, asOf))
                .setLast10SchoolWeeksStart(windowStart)
                .setUnansweredUnauthorisedSessionsLast10SchoolWeeks(days.unauthorisedSessions(unansweredFrom, asOf))
                .setUnansweredSince(unansweredFrom)
                .setCompulsorySchoolAgeFrom(compulsoryFrom)
                .setLastPenaltyNoticeOn(lastNotice)
                .setNationalThresholdDismissedOn(dismissed)
                .setConsecutiveAbsenceSchoolDays(days.absenceRun(asOf))
                .setConsecutiveUnexplainedAbsenceSchoolDays(days.unexplainedRun(asOf))
                .setConsecutiveUnauthorisedAbsenceSchoolDays(days.unauthorisedRun(asOf))
                .setIllnessSchoolDays(days.illnessSchoolDays(year.start(), asOf))
                .setHolidaySessions(days.holidaySessions(year.start(), asOf)));
        facts.add(new RegisterFact(id, days, asOf));
        periods(id, days).forEach(facts::add);
        pupil.parents.forEach(parent -> facts.add(new ParentFact(id, parent.parentRef)));
        for (MarkedSession mark : days.nCodesOnOrBefore(asOf)) {
            facts.add(new UnresolvedNCode(id, mark.date(), mark.session().name(), calendar.countSchoolDays(mark.date(), asOf)));
        }
        AgreedTargetFact target = agreedTarget(id, interventions, days);
        if (target != null) {
            facts.add(target);
        }
        for (Intervention intervention : interventions) {
            if (!intervention.date.isAfter(asOf)) {
                facts.add(interventionFact(id, intervention, days).setAgreedTarget(target));
            }
        }
        for (RaisedAction action : actions) {
            if (action.metOn().isBefore(asOf)) {
                facts.add(new ActionFact(id, action.type(), action.statusOn(asOf).name(), action.metOn(), action.period(),
                        calendar.countSchoolDays(action.metOn(), asOf)));
            }
        }
        return facts;
    }

    private List<PeriodFacts> periods(long pupilId, PupilDays days) {
        List<PeriodFacts> periods = new ArrayList<>();
        period(pupilId, Period.YEAR_TO_DATE, year.start(), asOf, days).ifPresent(periods::add);
        current.flatMap(h -> period(pupilId, Period.CURRENT_HALF_TERM, h.start(), asOf, days)).ifPresent(periods::add);
        previous.flatMap(h -> period(pupilId, Period.PREVIOUS_HALF_TERM, h.start(), h.end(), days)).ifPresent(periods::add);
        beforePrevious.flatMap(h -> period(pupilId, Period.HALF_TERM_BEFORE_PREVIOUS, h.start(), h.end(), days)).ifPresent(periods::add);
        termStart.flatMap(start -> period(pupilId, Period.CURRENT_TERM, start, asOf, days)).ifPresent(periods::add);
        previousTerm.flatMap(term -> period(pupilId, Period.PREVIOUS_TERM, term.start(), term.end(), days)).ifPresent(periods::add);
        return periods;
    }

    /** The Monday starting the block of four school weeks, counted from the year's first school week, that holds the day. */
    private LocalDate fourWeekBlockStart() {
        List<LocalDate> mondays = calendar.schoolDays(year.start(), asOf).stream()
                .map(day -> day.with(DayOfWeek.MONDAY)).distinct().toList();
        return mondays.isEmpty() ? null : mondays.get((mondays.size() - 1) / 4 * 4);
    }

    /**
     * The first school day of the latest term that started on or before the day: the school's posted terms, or terms
     * inferred from the register's long breaks for a year without a posted calendar.
     */
    private Optional<LocalDate> currentTermStart() {
        return calendar.terms().stream().map(HalfTerm::start).filter(start -> !start.isAfter(asOf)).reduce((a, b) -> b);
    }

    private static Optional<PeriodFacts> period(long pupilId, Period period, LocalDate from, LocalDate to, PupilDays days) {
        PeriodAttendance attendance = days.attendance(from, to);
        if (!attendance.hasPossibleSessions()) {
            return Optional.empty();
        }
        return Optional.of(new PeriodFacts(pupilId, period, from, to, attendance.possibleSessions(), attendance.attendancePercent(),
                attendance.absentSessions(), attendance.unauthorisedAbsenceSessions(),
                days.holidaySessions(from, to), days.illnessSessions(from, to)));
    }

    /** The latest target agreed with the family on or before the day, with attendance since it up to its review date. */
    private AgreedTargetFact agreedTarget(long pupilId, Collection<Intervention> interventions, PupilDays days) {
        Intervention latest = null;
        for (Intervention i : interventions) {
            if (i.kind == InterventionKind.ATTENDANCE_TARGET && i.target() != null && !i.date.isAfter(asOf)
                    && (latest == null || !i.date.isBefore(latest.date))) {
                latest = i;
            }
        }
        if (latest == null) {
            return null;
        }
        AgreedTarget target = latest.target();
        LocalDate until = target.reviewOn().isBefore(asOf) ? target.reviewOn() : asOf;
        PeriodAttendance since = days.attendance(latest.date.plusDays(1), until);
        return new AgreedTargetFact(pupilId, latest.date,
                target.attendancePercent() == null ? null : target.attendancePercent().doubleValue(), target.maxAbsentSessions(),
                target.reviewOn(), !asOf.isBefore(target.reviewOn()), since.attendancePercent(), since.possibleSessions(),
                since.absentSessions());
    }

    private InterventionFact interventionFact(long pupilId, Intervention intervention, PupilDays days) {
        LocalDate date = intervention.date;
        PeriodAttendance atDate = days.attendance(AcademicYear.containing(date).start(), date);
        PeriodAttendance since = days.attendance(date.plusDays(1), asOf);
        LocalDate yearEnd = AcademicYear.containing(date).end();
        LocalDate periodEnd = yearEnd.isBefore(asOf) ? yearEnd : asOf;
        return new InterventionFact()
                .setPupilId(pupilId)
                .setId(intervention.id)
                .setKind(intervention.kind.name())
                .setType(intervention.type)
                .setDate(date)
                .setParentId(intervention.parentId)
                .setParentAttended(intervention.parentAttended)
                .setOutcome(intervention.outcome)
                .setReviewOn(intervention.targetReviewOn)
                .setUnauthorisedSessionsToDate(atDate.unauthorisedAbsenceSessions())
                .setAcademicYear(AcademicYear.containing(date).label())
                .setSchoolDaysSince(calendar.countSchoolDays(date, asOf))
                .setCalendarDaysSince(asOf.toEpochDay() - date.toEpochDay())
                .setAttendancePercentAtDate(atDate.attendancePercent())
                .setAttendancePercentSince(since.attendancePercent())
                .setPossibleSessionsSince(since.possibleSessions())
                .setAbsentSessionsSince(since.absentSessions())
                .setUnauthorisedSessionsSince(since.unauthorisedAbsenceSessions())
                // A monitoring period ends with the academic year it started in.
                .setUnauthorisedSessionsInFirstSchoolDays(schoolDays -> days.unauthorisedInFirstSchoolDaysAfter(date, schoolDays, periodEnd));
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
