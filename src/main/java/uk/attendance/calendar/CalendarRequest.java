package uk.attendance.calendar;

import java.util.List;

/** A school's calendar for one academic year, as posted; dates are checked by {@link CalendarValidator}. */
public record CalendarRequest(String academicYear, List<TermRequest> terms, List<ClosureRequest> closures) {

    public record TermRequest(String name, String start, String end, BreakRequest halfTermBreak) {
    }

    public record BreakRequest(String start, String end) {
    }

    public record ClosureRequest(String date, List<String> sessions, String reason) {
    }
}
