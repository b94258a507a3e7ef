package uk.attendance.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.attendance.attendance.AttendanceCode;
import uk.attendance.attendance.MarkedSession;
import uk.attendance.attendance.Session;
import uk.attendance.intervention.InterventionKind;

/**
 * Reads the scenario format (see {@code policies/AUTHORING.md}):
 * <pre>
 * scenario: Below 95% brings the AT1 letter
 * pupil: year 5, born 2016-03-01, parents P1 P2, characteristics SEND
 * 2025-09-08: /\ /\ I\ /\ /\        a week of sessions from that date, one AM+PM pair per school day
 * on 2025-09-19: LETTER AT1         an intervention: kind, type, then parent=, attended=yes|no, outcome=
 * on 2025-09-22: complete AT1_LETTER    a decision on the pupil's action: accept, dismiss or complete
 * expect 2025-09-19: AT1_LETTER     raised by the end of that date; "expect DATE: no AT2_LETTER" for none
 * </pre>
 */
public final class ScenarioParser {

    private static final Pattern SCENARIO = Pattern.compile("scenario\\s*:\\s*(.+)");
    private static final Pattern PUPIL = Pattern.compile("pupil\\s*:\\s*(.*)");
    private static final Pattern REGISTER = Pattern.compile("(?:register\\s+)?(\\d{4}-\\d{2}-\\d{2})\\s*:\\s*(.*)");
    private static final Pattern EVENT = Pattern.compile("on\\s+(\\S+)\\s*:\\s*(.+)");
    private static final Pattern EXPECT = Pattern.compile("expect\\s+(\\S+)\\s*:\\s*(no\\s+)?(.+)");
    private static final Map<String, String> DECISIONS = Map.of("accept", "ACCEPTED", "dismiss", "DISMISSED", "complete", "COMPLETED");
    private static final Set<String> DETAILS = Set.of("parent", "attended", "outcome");

    private ScenarioParser() {
    }

    public static List<Scenario> parse(String file, String text) {
        List<Scenario> scenarios = new ArrayList<>();
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
                current = new Builder(file, number, m.group(1).strip());
                continue;
            }
            if (current == null) {
                throw new ScenarioSyntaxError(file, number, "a scenario starts with \"scenario: <name>\"");
            }
            if ((m = PUPIL.matcher(line)).matches()) {
                current.pupil(number, m.group(1));
            } else if ((m = REGISTER.matcher(line)).matches()) {
                current.week(number, date(file, number, m.group(1)), m.group(2));
            } else if ((m = EVENT.matcher(line)).matches()) {
                current.event(number, date(file, number, m.group(1)), m.group(2));
            } else if ((m = EXPECT.matcher(line)).matches()) {
                List<String> types = Arrays.stream(m.group(3).split("[,\\s]+")).filter(t -> !t.isBlank()).toList();
                current.expectations.add(new Scenario.Expectation(number, date(file, number, m.group(1)), m.group(2) == null, types));
            } else {
                throw new ScenarioSyntaxError(file, number, "not a line of a scenario: \"" + line + "\" (expected pupil:, a register week "
                        + "\"YYYY-MM-DD: /\\ /\\ ...\", \"on DATE: ...\" or \"expect DATE: ...\")");
            }
        }
        if (current != null) {
            scenarios.add(current.build());
        }
        return scenarios;
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

        Builder(String file, int line, String name) {
            this.file = file;
            this.line = line;
            this.name = name;
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
            LocalDate first = register.values().stream().map(MarkedSession::date).min(LocalDate::compareTo).orElseThrow();
            int year = yearGroup == null ? 5 : yearGroup;
            int academicYear = first.getMonthValue() >= 9 ? first.getYear() : first.getYear() - 1;
            LocalDate dateOfBirth = born != null ? born : LocalDate.of(academicYear - year - 4, 3, 1);
            return new Scenario(file, line, name, new Scenario.PupilSpec(year, dateOfBirth, parents, characteristics),
                    List.copyOf(register.values()), List.copyOf(events), List.copyOf(expectations));
        }
    }
}
