package uk.attendance.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import uk.attendance.action.ActionView;
import uk.attendance.attendance.AcademicYear;
import uk.attendance.attendance.AttendanceCode;
import uk.attendance.attendance.AttendanceService;
import uk.attendance.attendance.MarkView;
import uk.attendance.intervention.InterventionView;
import uk.attendance.evaluation.PupilDetails;
import uk.attendance.evaluation.PupilListItem;
import uk.attendance.evaluation.PupilQueries;

/** A pupil as the pupil page shows them: figures, charts, the open actions and everything that happened. */
@ApplicationScoped
public class PupilRecord {

    private final PupilQueries pupils;
    private final AttendanceService attendance;
    private final SchoolReview review;
    private final Clock clock;

    PupilRecord(PupilQueries pupils, AttendanceService attendance, SchoolReview review, Clock clock) {
        this.pupils = pupils;
        this.attendance = attendance;
        this.review = review;
        this.clock = clock;
    }

    public record View(PupilDetails pupil, String name, String yearGroup, String parents, List<SchoolReview.Item> toDo,
            WeeklyChart chart, SessionCalendar calendar, List<Event> timeline, String today) {
    }

    /** Something that happened: an action raised, a decision on it, or an intervention; newest first. */
    public record Event(LocalDate date, Instant at, String kind, String title, String detail, String who, String note) {
    }

    public View view(String schoolId, String upn) {
        LocalDate today = LocalDate.now(clock);
        PupilDetails pupil = pupils.details(schoolId, upn, today);
        List<MarkView> marks = attendance.marks(schoolId, pupil.upn(), AcademicYear.containing(today).start(), today);
        List<SchoolReview.Item> toDo = pupil.actions().stream().filter(a -> !a.status().isClosed())
                .map(a -> review.item(a, pupil.givenName() + " " + pupil.familyName(), pupil.yearGroup())).toList();
        SessionCalendar calendar = marks.isEmpty() ? new SessionCalendar(List.of())
                : calendar(marks, marks.get(0).date(), marks.get(marks.size() - 1).date());
        return new View(pupil, pupil.givenName() + " " + pupil.familyName(), Formats.yearGroup(pupil.yearGroup()),
                String.join(", ", pupil.parents().stream().map(PupilDetails.ParentView::name).toList()), toDo,
                WeeklyChart.of(weeks(marks)), calendar, timeline(pupil), Formats.ukDate(today));
    }

    private static List<WeeklyAttendance.Week> weeks(List<MarkView> marks) {
        return WeeklyAttendance.of(marks.stream()
                .map(m -> new WeeklyAttendance.CodeCount(m.date(), AttendanceCode.ofMark(m.code()), 1))
                .toList());
    }

    /** Every mark from {@code from} to {@code to} on the calendar; a mark with more than one version was amended. */
    private static SessionCalendar calendar(List<MarkView> marks, LocalDate from, LocalDate to) {
        return SessionCalendar.of(marks.stream()
                .map(m -> new SessionCalendar.Entry(m.date(), m.session(), AttendanceCode.ofMark(m.code()), m.history().size() > 1))
                .toList(), from, to);
    }

    static List<Event> timeline(PupilDetails pupil) {
        List<Event> events = new ArrayList<>();
        for (ActionView action : pupil.actions()) {
            events.add(new Event(action.raisedOn(), null, "Recommended", action.title(), action.reason(),
                    "Policy " + action.policy() + ", rule “" + action.rule() + "”", null));
            for (ActionView.Decision decision : action.decisions()) {
                events.add(new Event(decision.date(), decision.decidedAt(), Formats.words(decision.decision().name()), action.title(),
                        null, decision.decidedBy(), decision.note()));
            }
        }
        for (InterventionView intervention : pupil.interventions()) {
            events.add(new Event(intervention.date(), intervention.recordedAt(), interventionKind(intervention),
                    intervention.type() == null ? Formats.words(intervention.kind().name()) : intervention.type(),
                    interventionDetail(intervention), intervention.recordedBy(), intervention.note()));
        }
        events.sort(Comparator.comparing(Event::date).thenComparing(Event::at, Comparator.nullsFirst(Comparator.naturalOrder()))
                .reversed());
        return events;
    }

    private static String interventionKind(InterventionView intervention) {
        return Formats.words(intervention.kind().name()) + (intervention.actionId() == null ? "" : " (from the queue)");
    }

    private static String interventionDetail(InterventionView intervention) {
        List<String> parts = new ArrayList<>();
        if (intervention.parentId() != null) {
            parts.add("parent " + intervention.parentId());
        }
        if (intervention.parentAttended() != null) {
            parts.add(intervention.parentAttended() ? "parents attended" : "parents did not attend");
        }
        if (intervention.outcome() != null) {
            parts.add("outcome: " + Formats.words(intervention.outcome()));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
