package uk.attendance.attendance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A school's calendar for one academic year as the school (or its MIS) posted it: its terms, each with
 * its half-term break, and the days or sessions it closed (INSET days, polling days, snow).
 */
public record PostedCalendar(AcademicYear year, List<Term> terms, List<Closure> closures) {

    /** A term from its first to its last date, with the half-term break inside it, if any. */
    public record Term(String name, LocalDate start, LocalDate end, LocalDate breakStart, LocalDate breakEnd) {

        public boolean hasBreak() {
            return breakStart != null && breakEnd != null;
        }

        boolean inBreak(LocalDate date) {
            return hasBreak() && !date.isBefore(breakStart) && !date.isAfter(breakEnd);
        }
    }

    /** A closure of some or all of a day's sessions. */
    public record Closure(LocalDate date, Set<Session> sessions, String reason) {

        public boolean wholeDay() {
            return sessions.containsAll(Set.of(Session.AM, Session.PM));
        }
    }

    /** School days: weekdays inside a term, outside its break, not closed for both sessions. */
    public List<LocalDate> schoolDays() {
        List<LocalDate> days = new ArrayList<>();
        for (Term term : terms) {
            days.addAll(schoolDays(term.start(), term.end(), term));
        }
        return days;
    }

    /** Half terms as runs of school days: each term split at its break, first to last school day. */
    public List<SchoolCalendar.HalfTerm> halfTerms() {
        List<SchoolCalendar.HalfTerm> halfTerms = new ArrayList<>();
        for (Term term : terms) {
            if (term.hasBreak()) {
                addRun(halfTerms, schoolDays(term.start(), term.breakStart().minusDays(1), term));
                addRun(halfTerms, schoolDays(term.breakEnd().plusDays(1), term.end(), term));
            } else {
                addRun(halfTerms, schoolDays(term.start(), term.end(), term));
            }
        }
        return halfTerms;
    }

    /** Terms as runs of school days, first to last. */
    public List<SchoolCalendar.HalfTerm> termRuns() {
        List<SchoolCalendar.HalfTerm> runs = new ArrayList<>();
        for (Term term : terms) {
            addRun(runs, schoolDays(term.start(), term.end(), term));
        }
        return runs;
    }

    private List<LocalDate> schoolDays(LocalDate from, LocalDate to, Term term) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !term.inBreak(day) && !closedAllDay(day)) {
                days.add(day);
            }
        }
        return days;
    }

    private boolean closedAllDay(LocalDate date) {
        return closures.stream().anyMatch(c -> c.date().equals(date) && c.wholeDay());
    }

    private static void addRun(List<SchoolCalendar.HalfTerm> runs, List<LocalDate> days) {
        if (!days.isEmpty()) {
            runs.add(new SchoolCalendar.HalfTerm(days.get(0), days.get(days.size() - 1)));
        }
    }
}
