package uk.attendance.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.attendance.attendance.AcademicYear;
import uk.attendance.attendance.AttendanceCode;
import uk.attendance.attendance.MarkedSession;
import uk.attendance.attendance.PostedCalendar;
import uk.attendance.attendance.SchoolCalendar;
import uk.attendance.attendance.Session;
import uk.attendance.calendar.CalendarRequest;
import uk.attendance.calendar.CalendarValidator;
import uk.attendance.intervention.InterventionKind;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;

/**
 * Reads the scenario format (see {@code policies/AUTHORING.md}):
 * <pre>
 * scenario: Below 95% brings the AT1 letter
 * pupil: year 5, born 2016-03-01, parents P1 P2, characteristics SEND
 * 2025-09-08: /\ /\ I\ /\ /\        a week of sessions from that date, one AM+PM pair per school day
 * on 2025-09-19: LETTER AT1         an intervention: kind, type, then parent=, attended=yes|no, outcome=
 * on 2025-09-22: complete AT1_LETTER    a decision on the pupil's action: accept, dismiss or complete
 * expect 2025-09-19: AT1_LETTER     raised by the end of that date; "expect DATE: no AT2_LETTER" for none
 * expect 2025-11-14: 2 AT1_LETTER   exactly two raised by the end of that date (a step that repeats)
 * </pre>
 * and the school's calendar, before the first scenario (for every scenario of the file) or inside one (for it alone):
 * <pre>
 * term: Autumn 2025-09-03 to 2025-12-19, half term 2025-10-27 to 2025-10-31
 * closed: 2025-10-24 INSET day      a whole day; "closed: 2025-11-14 PM polling day" for one session
 * </pre>
 * The terms and closures of each academic year make the same {@link PostedCalendar} a
 * {@code PUT /api/schools/{id}/calendar} of them makes (checked by the same {@link CalendarValidator}), so the scenario
 * is judged on the policy's calendar; a year with no term lines falls back on the register, as a school that posted
 * no calendar. A scenario's own term lines replace the file's; its closures add to the file's.
 */
public final class ScenarioParser {

    private static final Pattern SCENARIO = Pattern.compile("scenario\\s*:\\s*(.+)");
    private static final Pattern PUPIL = Pattern.compile("pupil\\s*:\\s*(.*)");
    private static final Pattern REGISTER = Pattern.compile("(?:register\\s+)?(\\d{4}-\\d{2}-\\d{2})\\s*:\\s*(.*)");
    private static final Pattern EVENT = Pattern.compile("on\\s+(\\S+)\\s*:\\s*(.+)");
    private static final Pattern EXPECT = Pattern.compile("expect\\s+(\\S+)\\s*:\\s*(no\\s+)?(.+)");
    private static final Pattern TERM_LINE = Pattern.compile("term\\s*:\\s*(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TERM = Pattern.compile("(.+?)\\s+(\\S+)\\s+to\\s+(\\S+?)"
            + "(?:\\s*,\\s*half[\\s-]*term\\s+(\\S+)\\s+to\\s+(\\S+))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOSED_LINE = Pattern.compile("closed\\s*:\\s*(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOSED = Pattern.compile("(\\S+)(?:\\s+(AM|PM)(?=\\s|$))?\\s*(.*)", Pattern.CASE_INSENSITIVE);
    private static final String TERM_FORMAT = "\"term: Autumn 2025-09-03 to 2025-12-19, half term 2025-10-27 to 2025-10-31\"";
    private static final String CLOSED_FORMAT = "\"closed: 2025-10-24 INSET day\" (or \"closed: 2025-11-14 PM polling day\")";
    private static final Map<String, String> DECISIONS = Map.of("accept", "ACCEPTED", "dismiss", "DISMISSED", "complete", "COMPLETED");
    private static final Set<String> DETAILS = Set.of("parent", "attended", "outcome");

    private ScenarioParser() {
    }

    public static List<Scenario> parse(String file, String text) {
        List<Scenario> scenarios = new ArrayList<>();
        CalendarLines fileCalendar = new CalendarLines();
        Builder current = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty() || line.equalsIgnoreCase("register:")) {
                continue;
            }
            Matcher m;
            if ((m = SCENARIO.matcher(line)).matches()) {
                if (current != null) {
                    scenarios.add(current.build());
                }
                current = new Builder(file, number, m.group(1).strip(), fileCalendar);
                continue;
            }
            if ((m = TERM_LINE.matcher(line)).matches()) {
                (current == null ? fileCalendar : current.calendar).term(file, number, m.group(1).strip());
                continue;
            }
            if ((m = CLOSED_LINE.matcher(line)).matches()) {
                (current == null ? fileCalendar : current.calendar).closure(file, number, m.group(1).strip());
                continue;
            }
            if (current == null) {
                throw new ScenarioSyntaxError(file, number, "a scenario starts with \"scenario: <name>\" (before it, only the "
                        + "calendar: term: and closed: lines)");
            }
            if ((m = PUPIL.matcher(line)).matches()) {
                current.pupil(number, m.group(1));
            } else if ((m = REGISTER.matcher(line)).matches()) {
                current.week(number, date(file, number, m.group(1)), m.group(2));
            } else if ((m = EVENT.matcher(line)).matches()) {
                current.event(number, date(file, number, m.group(1)), m.group(2));
            } else if ((m = EXPECT.matcher(line)).matches()) {
                current.expectations.add(expectation(file, number, date(file, number, m.group(1)), m.group(2) == null, m.group(3)));
            } else {
                throw new ScenarioSyntaxError(file, number, "not a line of a scenario: \"" + line + "\" (expected pupil:, a register week "
                        + "\"YYYY-MM-DD: /\\ /\\ ...\", \"on DATE: ...\", \"expect DATE: ...\", term: or closed:)");
            }
        }
        if (current != null) {
            scenarios.add(current.build());
        }
        return scenarios;
    }

    /** "AT1_LETTER, PA_LETTER", "no AT2_LETTER", or with a count before a type: "2 AT1_LETTER" (exactly two raised by then). */
    private static Scenario.Expectation expectation(String file, int number, LocalDate date, boolean raised, String text) {
        List<String> types = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Integer count = null;
        for (String token : text.split("[,\\s]+")) {
            if (token.isBlank()) {
                continue;
            }
            if (token.matches("\\d+")) {
                if (!raised || count != null) {
                    throw new ScenarioSyntaxError(file, number, "a count goes just before one action type, as in \"expect " + date
                            + ": 2 AT1_LETTER\" (exactly two raised by then), and not after \"no\"");
                }
                count = Integer.parseInt(token);
                continue;
            }
            if (token.equalsIgnoreCase("no")) {
                throw new ScenarioSyntaxError(file, number, "\"no\" goes first, for every type of the line: write the actions not "
                        + "expected on a line of their own, \"expect " + date + ": no AT2_LETTER\"");
            }
            types.add(token);
            if (count != null) {
                counts.put(token, count);
                count = null;
            }
        }
        if (count != null || types.isEmpty()) {
            throw new ScenarioSyntaxError(file, number, "name the action types expected, as in \"expect " + date + ": AT1_LETTER\"");
        }
        return new Scenario.Expectation(number, date, raised, List.copyOf(types), Map.copyOf(counts));
    }

    private static String stripComment(String line) {
        int hash = line.indexOf(" #");
        if (line.startsWith("#")) {
            return "";
        }
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static LocalDate date(String file, int line, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ScenarioSyntaxError(file, line, "'" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static final class Builder {
        private final String file;
        private final int line;
        private final String name;
        private Integer yearGroup;
        private LocalDate born;
        private List<String> parents = List.of("P1");
        private Set<String> characteristics = Set.of();
        private final Map<String, MarkedSession> register = new LinkedHashMap<>();
        private final List<Scenario.Event> events = new ArrayList<>();
        private final List<Scenario.Expectation> expectations = new ArrayList<>();
        private final Map<LocalDate, Integer> markedOnLine = new TreeMap<>();
        private final CalendarLines fileCalendar;
        private final CalendarLines calendar = new CalendarLines();

        Builder(String file, int line, String name, CalendarLines fileCalendar) {
            this.file = file;
            this.line = line;
            this.name = name;
            this.fileCalendar = fileCalendar;
        }

        void pupil(int number, String text) {
            for (String clause : text.split(",")) {
                String[] words = clause.strip().split("\\s+");
                if (words.length == 0 || words[0].isEmpty()) {
                    continue;
                }
                List<String> rest = Arrays.asList(words).subList(1, words.length);
                switch (words[0].toLowerCase(Locale.ROOT)) {
                    case "year" -> {
                        try {
                            yearGroup = Integer.parseInt(rest.isEmpty() ? "" : rest.get(0));
                        } catch (NumberFormatException e) {
                            throw new ScenarioSyntaxError(file, number, "year needs a number: \"year 5\"");
                        }
                    }
                    case "born" -> born = date(file, number, rest.isEmpty() ? "" : rest.get(0));
                    case "parents", "parent" -> parents = List.copyOf(rest);
                    case "characteristics", "characteristic" -> characteristics = new LinkedHashSet<>(rest);
                    default -> throw new ScenarioSyntaxError(file, number, "unknown pupil detail '" + words[0]
                            + "': use year N, born YYYY-MM-DD, parents P1 P2, characteristics SEND FSM");
                }
            }
        }

        void week(int number, LocalDate from, String text) {
            LocalDate day = from;
            for (String token : text.strip().split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    day = day.plusDays(1);
                }
                if (!token.equals("-")) {
                    String[] codes = token.contains(",") ? token.split(",", -1)
                            : token.length() == 2 ? new String[] {token.substring(0, 1), token.substring(1)} : null;
                    if (codes == null || codes.length != 2) {
                        throw new ScenarioSyntaxError(file, number, "'" + token + "' is not a day: two codes, morning then afternoon "
                                + "(\"/\\\", \"NN\", \"Y6,Y6\"), or - for no school that day");
                    }
                    mark(number, day, Session.AM, codes[0]);
                    mark(number, day, Session.PM, codes[1]);
                }
                day = day.plusDays(1);
            }
        }

        private void mark(int number, LocalDate day, Session session, String mark) {
            if (mark.equals(".")) {
                return;
            }
            AttendanceCode code = AttendanceCode.fromMark(mark, false).orElseThrow(() -> new ScenarioSyntaxError(file, number,
                    "'" + mark + "' is not an attendance code"));
            register.put(day + " " + session, new MarkedSession(day, session, code));
            markedOnLine.putIfAbsent(day, number);
        }

        void event(int number, LocalDate date, String text) {
            List<String> words = new ArrayList<>(Arrays.asList(text.strip().split("\\s+")));
            String first = words.remove(0);
            String decision = DECISIONS.get(first.toLowerCase(Locale.ROOT));
            String kind = null;
            if (decision == null) {
                kind = first.toUpperCase(Locale.ROOT);
                try {
                    InterventionKind.valueOf(kind);
                } catch (IllegalArgumentException e) {
                    throw new ScenarioSyntaxError(file, number, "'" + first + "' is neither a decision (accept, dismiss, complete) nor an "
                            + "intervention kind (" + String.join(", ", Arrays.stream(InterventionKind.values()).map(Enum::name).toList()) + ")");
                }
            }
            String type = null;
            Map<String, String> details = new LinkedHashMap<>();
            for (String word : words) {
                int eq = word.indexOf('=');
                if (eq < 0 && type == null) {
                    type = word;
                } else if (eq > 0 && DETAILS.contains(word.substring(0, eq))) {
                    details.put(word.substring(0, eq), word.substring(eq + 1));
                } else {
                    throw new ScenarioSyntaxError(file, number, "'" + word + "' is not understood here: after the "
                            + (decision == null ? "kind, one type" : "decision, the action type") + ", then parent=, attended=yes|no, outcome=");
                }
            }
            if (decision != null && type == null) {
                throw new ScenarioSyntaxError(file, number, "name the action type to " + first + ", e.g. \"" + first + " AT1_LETTER\"");
            }
            String attended = details.get("attended");
            if (attended != null && !attended.equals("yes") && !attended.equals("no")) {
                throw new ScenarioSyntaxError(file, number, "attended is yes or no");
            }
            events.add(new Scenario.Event(number, date, decision, kind, type, details));
        }

        Scenario build() {
            if (register.isEmpty()) {
                throw new ScenarioSyntaxError(file, line, "scenario '" + name + "' has no register weeks");
            }
            List<PostedCalendar> calendars = CalendarLines.merge(fileCalendar, calendar).build(file);
            SchoolCalendar posted = SchoolCalendar.of(List.of(), calendars);
            for (Map.Entry<LocalDate, Integer> marked : markedOnLine.entrySet()) {
                LocalDate day = marked.getKey();
                if (!posted.inferred(day) && !posted.isSchoolDay(day)) {
                    throw new ScenarioSyntaxError(file, marked.getValue(), "the register marks " + day + " (a "
                            + day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK) + "), which is no school day of the calendar "
                            + "(outside the terms, in a half-term break or closed): write - for it");
                }
            }
            LocalDate first = register.values().stream().map(MarkedSession::date).min(LocalDate::compareTo).orElseThrow();
            int year = yearGroup == null ? 5 : yearGroup;
            int academicYear = first.getMonthValue() >= 9 ? first.getYear() : first.getYear() - 1;
            LocalDate dateOfBirth = born != null ? born : LocalDate.of(academicYear - year - 4, 3, 1);
            return new Scenario(file, line, name, new Scenario.PupilSpec(year, dateOfBirth, parents, characteristics),
                    List.copyOf(register.values()), List.copyOf(events), List.copyOf(expectations), calendars);
        }
    }

    /** The term: and closed: lines of a file or a scenario, with the line each came from. */
    private static final class CalendarLines {
        private final List<Line<CalendarRequest.TermRequest>> terms = new ArrayList<>();
        private final List<Line<Closed>> closures = new ArrayList<>();

        private record Line<T>(int number, T value) {
        }

        private record Closed(LocalDate date, CalendarRequest.ClosureRequest request) {
        }

        void term(String file, int number, String text) {
            Matcher m = TERM.matcher(text);
            if (!m.matches()) {
                throw new ScenarioSyntaxError(file, number, "a term line reads " + TERM_FORMAT + ", not \"term: " + text + "\"");
            }
            LocalDate start = date(file, number, m.group(2));
            LocalDate end = date(file, number, m.group(3));
            CalendarRequest.BreakRequest halfTerm = m.group(4) == null ? null
                    : new CalendarRequest.BreakRequest(date(file, number, m.group(4)).toString(), date(file, number, m.group(5)).toString());
            terms.add(new Line<>(number, new CalendarRequest.TermRequest(m.group(1).strip(), start.toString(), end.toString(), halfTerm)));
        }

        void closure(String file, int number, String text) {
            Matcher m = CLOSED.matcher(text);
            if (text.isEmpty() || !m.matches()) {
                throw new ScenarioSyntaxError(file, number, "a closure line reads " + CLOSED_FORMAT);
            }
            LocalDate date = date(file, number, m.group(1));
            List<String> sessions = m.group(2) == null ? List.of("AM", "PM") : List.of(m.group(2).toUpperCase(Locale.ROOT));
            String reason = m.group(3).isBlank() ? null : m.group(3).strip();
            closures.add(new Line<>(number, new Closed(date, new CalendarRequest.ClosureRequest(date.toString(), sessions, reason))));
        }

        /** The file's calendar as a scenario changes it: its own terms instead of the file's, its closures as well. */
        static CalendarLines merge(CalendarLines file, CalendarLines scenario) {
            CalendarLines merged = new CalendarLines();
            merged.terms.addAll(scenario.terms.isEmpty() ? file.terms : scenario.terms);
            merged.closures.addAll(file.closures);
            merged.closures.addAll(scenario.closures);
            return merged;
        }

        /** One posted calendar per academic year with terms, checked as the calendar endpoint checks it. */
        List<PostedCalendar> build(String file) {
            Map<AcademicYear, List<Line<CalendarRequest.TermRequest>>> termsByYear = new TreeMap<>(
                    java.util.Comparator.comparingInt(AcademicYear::startYear));
            for (Line<CalendarRequest.TermRequest> term : terms) {
                termsByYear.computeIfAbsent(AcademicYear.containing(LocalDate.parse(term.value().start())), y -> new ArrayList<>()).add(term);
            }
            for (Line<Closed> closure : closures) {
                if (!termsByYear.containsKey(AcademicYear.containing(closure.value().date()))) {
                    throw new ScenarioSyntaxError(file, closure.number(), "the closure on " + closure.value().date()
                            + " is in a school year with no term lines: add the year's terms (" + TERM_FORMAT + ")");
                }
            }
            List<PostedCalendar> calendars = new ArrayList<>();
            for (Map.Entry<AcademicYear, List<Line<CalendarRequest.TermRequest>>> year : termsByYear.entrySet()) {
                List<Line<Closed>> yearClosures = closures.stream()
                        .filter(c -> AcademicYear.containing(c.value().date()).equals(year.getKey())).toList();
                CalendarRequest request = new CalendarRequest(year.getKey().label(), year.getValue().stream().map(Line::value).toList(),
                        yearClosures.stream().map(c -> c.value().request()).toList());
                try {
                    calendars.add(CalendarValidator.validate(request));
                } catch (ProblemException e) {
                    FieldError error = e.errors().isEmpty() ? FieldError.of("", e.getMessage()) : e.errors().get(0);
                    throw new ScenarioSyntaxError(file, lineOf(error.field(), year.getValue(), yearClosures, year.getValue().get(0).number()),
                            "the calendar does not hold together: " + plain(error.message()));
                }
            }
            return List.copyOf(calendars);
        }

        /** The line a calendar field such as {@code terms[1].halfTermBreak.end} or {@code closures[0].date} came from. */
        private static int lineOf(String field, List<? extends Line<?>> terms, List<? extends Line<?>> closures, int otherwise) {
            Matcher m = Pattern.compile("(terms|closures)\\[(\\d+)]").matcher(field == null ? "" : field);
            if (!m.lookingAt()) {
                return otherwise;
            }
            List<? extends Line<?>> lines = m.group(1).equals("terms") ? terms : closures;
            int index = Integer.parseInt(m.group(2));
            return index < lines.size() ? lines.get(index).number() : otherwise;
        }

        /** The endpoint's message in the scenario's words: "terms[1].halfTermBreak.end 2025-..." becomes "the half term's end 2025-...". */
        private static String plain(String message) {
            return message.replaceAll("terms\\[\\d+]\\.halfTermBreak\\.(start|end)", "the half term's $1")
                    .replaceAll("terms\\[\\d+]\\.(start|end|name)", "the term's $1")
                    .replaceAll("closures\\[\\d+]\\.date", "the closure")
                    .replaceAll("closures\\[\\d+]\\.\\w+", "the closure");
        }
    }
}
