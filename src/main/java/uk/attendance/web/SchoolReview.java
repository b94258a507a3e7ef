package uk.attendance.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.attendance.action.ActionService;
import uk.attendance.action.ActionStatus;
import uk.attendance.action.ActionView;
import uk.attendance.pupil.Pupil;
import uk.attendance.evaluation.PupilListItem;
import uk.attendance.evaluation.PupilQueries;
import uk.attendance.evaluation.EvaluationService;

/** What the school page shows: the review queue, the pupils by band and the weekly attendance chart. */
@ApplicationScoped
public class SchoolReview {

    static final int PAGE_SIZE = 25;

    private final ActionService actions;
    private final PupilQueries pupils;
    private final EvaluationService evaluation;
    private final AttendanceCharts charts;
    private final Letters letters;
    private final Clock clock;

    SchoolReview(ActionService actions, PupilQueries pupils, EvaluationService evaluation, AttendanceCharts charts,
            Letters letters, Clock clock) {
        this.actions = actions;
        this.pupils = pupils;
        this.evaluation = evaluation;
        this.charts = charts;
        this.letters = letters;
        this.clock = clock;
    }

    /** Which actions the queue lists: by status (to do = open or accepted), type and stage. */
    public record Filter(String status, String type, String stage) {

        static final String TO_DO = "TODO";
        static final String ALL = "ALL";

        public static Filter of(String status, String type, String stage) {
            String wanted = status == null || status.isBlank() ? TO_DO : status.trim().toUpperCase(Locale.ROOT);
            return new Filter(wanted, blankToNull(type), blankToNull(stage));
        }

        boolean admitsStatus(ActionStatus actual) {
            return switch (status) {
                case TO_DO -> !actual.isClosed();
                case ALL -> true;
                default -> actual.name().equals(status);
            };
        }

        /** The query string that reproduces this filter, for links and "show more". */
        public String query() {
            StringBuilder query = new StringBuilder("status=").append(encode(status));
            if (type != null) {
                query.append("&type=").append(encode(type));
            }
            if (stage != null) {
                query.append("&stage=").append(encode(stage));
            }
            return query.toString();
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** A choice in a filter, with how many actions it would show. */
    public record Option(String value, String label, long count, boolean selected) {
    }

    /** An action as the queue shows it: with the pupil's name and whether it is a letter to print. */
    public record Item(ActionView action, String pupilName, String yearGroup, boolean letter) {

        public boolean closed() {
            return action.status().isClosed();
        }

        public boolean accepted() {
            return action.status() == ActionStatus.ACCEPTED;
        }

        public boolean meeting() {
            return "MEETING".equals(action.recordsKind());
        }

        public String statusLabel() {
            return Formats.words(action.status().name());
        }

        public String statusClass() {
            return action.status().name().toLowerCase(Locale.ROOT);
        }

        /** The day the latest decision took effect, e.g. the day the letter was sent. */
        public LocalDate decidedOn() {
            return action.decisions().isEmpty() ? null : action.decisions().get(action.decisions().size() - 1).date();
        }
    }

    /** One page of the queue from {@code offset}, with the filters' choices and counts. */
    public record Queue(Filter filter, List<Item> items, int total, int offset, List<Option> statuses, List<Option> types,
            List<Option> stages) {

        public boolean more() {
            return offset + items.size() < total;
        }

        public int nextOffset() {
            return offset + items.size();
        }

        public int shownTo() {
            return offset + items.size();
        }
    }

    public Queue queue(String schoolId, Filter filter, int offset) {
        List<ActionView> all = actions.list(schoolId, null, null, null);
        List<ActionView> byStatus = all.stream().filter(a -> filter.admitsStatus(a.status())).toList();
        List<ActionView> byType = byStatus.stream().filter(a -> filter.type() == null || a.type().equals(filter.type())).toList();
        List<ActionView> shown = byType.stream().filter(a -> filter.stage() == null || filter.stage().equals(a.stage())).toList();
        Map<String, PupilListItem> names = pupils.list(schoolId).stream()
                .collect(Collectors.toMap(PupilListItem::upn, Function.identity()));
        int from = Math.max(0, Math.min(offset, shown.size()));
        List<Item> items = shown.subList(from, Math.min(shown.size(), from + PAGE_SIZE)).stream()
                .map(a -> item(a, names.get(a.upn())))
                .toList();
        return new Queue(filter, items, shown.size(), from, statuses(all, filter), types(byStatus, filter), stages(byType, filter));
    }

    /** One action's card, e.g. after a decision. */
    @Transactional
    public Item item(String schoolId, ActionView action) {
        return item(action, Pupil.findByUpn(schoolId, action.upn())
                .map(p -> new PupilListItem(p.upn, p.givenName, p.familyName, p.yearGroup)).orElse(null));
    }

    Item item(ActionView action, PupilListItem pupil) {
        return new Item(action, pupil == null ? action.upn() : pupil.givenName() + " " + pupil.familyName(),
                pupil == null ? "" : Formats.yearGroup(pupil.yearGroup()), letters.isLetter(action));
    }

    private static List<Option> statuses(List<ActionView> all, Filter filter) {
        List<Option> options = new ArrayList<>();
        options.add(new Option(Filter.TO_DO, "To do (open or accepted)", all.stream().filter(a -> !a.status().isClosed()).count(),
                filter.status().equals(Filter.TO_DO)));
        for (ActionStatus status : ActionStatus.values()) {
            options.add(new Option(status.name(), Formats.words(status.name()), all.stream().filter(a -> a.status() == status).count(),
                    filter.status().equals(status.name())));
        }
        options.add(new Option(Filter.ALL, "All", all.size(), filter.status().equals(Filter.ALL)));
        return options;
    }

    /** Each type once, named by its most common title, most frequent first. */
    private static List<Option> types(List<ActionView> actions, Filter filter) {
        Map<String, List<ActionView>> byType = actions.stream().collect(Collectors.groupingBy(ActionView::type, LinkedHashMap::new,
                Collectors.toList()));
        return byType.entrySet().stream()
                .map(e -> new Option(e.getKey(), commonest(e.getValue(), ActionView::title), e.getValue().size(),
                        e.getKey().equals(filter.type())))
                .sorted(Comparator.comparingLong(Option::count).reversed().thenComparing(Option::label))
                .toList();
    }

    private static List<Option> stages(List<ActionView> actions, Filter filter) {
        return actions.stream().filter(a -> a.stage() != null)
                .collect(Collectors.groupingBy(ActionView::stage, Collectors.counting()))
                .entrySet().stream()
                .map(e -> new Option(e.getKey(), e.getKey(), e.getValue(), e.getKey().equals(filter.stage())))
                .sorted(Comparator.comparing(Option::label))
                .toList();
    }

    private static String commonest(List<ActionView> actions, Function<ActionView, String> value) {
        return actions.stream().collect(Collectors.groupingBy(value, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse("");
    }

    /** How many pupils the ladder puts in each band, and how many are persistently and severely absent. */
    public record Overview(int pupils, List<BandCount> bands, int persistentlyAbsent, int severelyAbsent, String asOf) {
    }

    public record BandCount(String band, int pupils) {
    }

    public Overview overview(String schoolId) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, EvaluationService.PupilStanding> standings = evaluation.standings(schoolId, today);
        Map<String, List<EvaluationService.PupilStanding>> byBand = standings.values().stream()
                .collect(Collectors.groupingBy(s -> s.band() == null ? "Not in a band" : s.band()));
        // Listed from the band with the best attendance to the worst, which follows the ladder's own order.
        List<BandCount> bands = byBand.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, List<EvaluationService.PupilStanding>> e) -> -meanAttendance(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new BandCount(e.getKey(), e.getValue().size()))
                .toList();
        int pa = (int) standings.values().stream().filter(s -> s.attendance().persistentlyAbsent()).count();
        int sa = (int) standings.values().stream().filter(s -> s.attendance().severelyAbsent()).count();
        return new Overview(standings.size(), bands, pa, sa, Formats.ukDate(today));
    }

    private static double meanAttendance(List<EvaluationService.PupilStanding> standings) {
        return standings.stream().mapToDouble(s -> s.attendance().attendancePercent()).filter(p -> !Double.isNaN(p)).average().orElse(-1);
    }

    public WeeklyChart chart(String schoolId) {
        return WeeklyChart.of(charts.schoolWeeks(schoolId, LocalDate.now(clock)));
    }
}
