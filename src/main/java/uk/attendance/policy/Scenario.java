package uk.attendance.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.attendance.attendance.MarkedSession;
import uk.attendance.attendance.PostedCalendar;

/**
 * One pupil's story as an author writes it in {@code policies/<id>/scenarios/*.scenario}: the register, what the
 * school did and decided on which dates, and which actions must (or must not) have been raised by given dates; and the
 * school's calendar ({@code calendars}, one per academic year its term lines cover; none: inferred from the register).
 */
public record Scenario(String file, int line, String name, PupilSpec pupil, List<MarkedSession> register, List<Event> events,
        List<Expectation> expectations, List<PostedCalendar> calendars) {

    public record PupilSpec(int yearGroup, LocalDate dateOfBirth, List<String> parents, Set<String> characteristics) {
    }

    /**
     * Something that happens on a date, before that night's evaluation: an intervention ({@code kind} is an
     * intervention kind) or a decision on the pupil's action of a type ({@code decision} is ACCEPTED, DISMISSED or
     * COMPLETED).
     */
    public record Event(int line, LocalDate date, String decision, String kind, String type, Map<String, String> details) {
    }

    /**
     * By the end of {@code date}, an action of each type has been raised ({@code raised}) or none has; for a type in
     * {@code counts}, exactly that many have been raised (a step that repeats: "2 AT1_LETTER").
     */
    public record Expectation(int line, LocalDate date, boolean raised, List<String> types, Map<String, Integer> counts) {
    }
}
