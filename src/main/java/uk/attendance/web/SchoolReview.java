package uk.attendance.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.attendance.action.ActionStatus;
import uk.attendance.action.ActionView;
import uk.attendance.action.RecommendedAction;
import uk.attendance.evaluation.EvaluationService;
import uk.attendance.evaluation.PupilListItem;
import uk.attendance.evaluation.PupilQueries;
import uk.attendance.intervention.InterventionKind;
import uk.attendance.pupil.Pupil;
import uk.attendance.pupil.SchoolAccess;

/** What the school page shows: the review queue, the pupils by band and the weekly attendance chart. */
@ApplicationScoped
public class SchoolReview {

    static final int PAGE_SIZE = 25;

    private final SchoolAccess access;
    private final EvaluationService evaluation;
    private final AttendanceCharts charts;
    private final Letters letters;
    private final Clock clock;
    private final TargetSteps targets;

    SchoolReview(SchoolAccess access, EvaluationService evaluation, AttendanceCharts charts, Letters letters, Clock clock,
            TargetSteps targets) {
        this.targets = targets;
        this.access = access;
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

        /** The statuses the filter shows; none for an unknown status. */
        List<ActionStatus> statuses() {
            return Arrays.stream(ActionStatus.values()).filter(this::admitsStatus).toList();
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
    /** {@code setsTarget}: the policy's step agrees a target with the family, so the form asks for it. */
    public record Item(ActionView action, String pupilName, String yearGroup, boolean letter, boolean setsTarget) {

        public boolean closed() {
            return action.status().isClosed();
        }

        public boolean accepted() {
            return action.status() == ActionStatus.ACCEPTED;
        }

        public boolean meeting() {
            return action.records(InterventionKind.MEETING);
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

    @Transactional
    public Queue queue(String schoolId, Filter filter, int offset) {
        access.require(schoolId);
        List<ActionStatus> statuses = filter.statuses();
        int total = statuses.isEmpty() ? 0 : (int) RecommendedAction.countMatching(schoolId, statuses, filter.type(), filter.stage());
        int from = Math.max(0, Math.min(offset, total));
        List<RecommendedAction> page = total == 0 ? List.of()
                : RecommendedAction.pageMatching(schoolId, statuses, filter.type(), filter.stage(), from, PAGE_SIZE);
        List<Long> pupilIds = page.stream().map(a -> a.pupilId).distinct().toList();
        Map<Long, Pupil> pupils = pupilIds.isEmpty() ? Map.of() : Pupil.<Pupil>list("id in ?1", pupilIds).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        List<Item> items = page.stream().map(a -> item(ActionView.of(a), pupils.get(a.pupilId))).toList();
        return new Queue(filter, items, total, from, statuses(RecommendedAction.countByStatus(schoolId), filter),
                statuses.isEmpty() ? List.of() : types(RecommendedAction.countByTypeAndTitle(schoolId, statuses), filter),
                statuses.isEmpty() ? List.of() : stages(RecommendedAction.countByStage(schoolId, statuses, filter.type()), filter));
    }

    /** The ids of every action the filter matches: what "select all N matching" selects. */
    @Transactional
    public List<Long> matchingIds(String schoolId, Filter filter) {
        access.require(schoolId);
        List<ActionStatus> statuses = filter.statuses();
        return statuses.isEmpty() ? List.of() : RecommendedAction.idsMatching(schoolId, statuses, filter.type(), filter.stage());
    }

    /** One action's card, e.g. after a decision. */
    @Transactional
    public Item item(String schoolId, ActionView action) {
        return item(action, Pupil.findByUpn(schoolId, action.upn()).orElse(null));
    }

    Item item(ActionView action, Pupil pupil) {
        return pupil == null ? item(action, null, null) : item(action, pupil.givenName + " " + pupil.familyName, pupil.yearGroup);
    }

    Item item(ActionView action, String pupilName, Integer yearGroup) {
        return new Item(action, pupilName == null ? action.upn() : pupilName, yearGroup == null ? "" : Formats.yearGroup(yearGroup),
                letters.isLetter(action), targets.setsTarget(action));
    }

    private static List<Option> statuses(Map<ActionStatus, Long> counts, Filter filter) {
        List<Option> options = new ArrayList<>();
        long toDo = counts.entrySet().stream().filter(e -> !e.getKey().isClosed()).mapToLong(Map.Entry::getValue).sum();
        options.add(new Option(Filter.TO_DO, "To do (open or accepted)", toDo, filter.status().equals(Filter.TO_DO)));
        for (ActionStatus status : ActionStatus.values()) {
            options.add(new Option(status.name(), Formats.words(status.name()), counts.getOrDefault(status, 0L),
                    filter.status().equals(status.name())));
        }
        options.add(new Option(Filter.ALL, "All", counts.values().stream().mapToLong(Long::longValue).sum(),
                filter.status().equals(Filter.ALL)));
        return options;
    }

    /** Each type once, named by its most common title, most frequent first; rows are [type, title, count]. */
    private static List<Option> types(List<Object[]> rows, Filter filter) {
        Map<String, List<Object[]>> byType = rows.stream().collect(Collectors.groupingBy(r -> (String) r[0]));
        return byType.entrySet().stream()
                .map(e -> new Option(e.getKey(), commonest(e.getValue()), e.getValue().stream().mapToLong(r -> (Long) r[2]).sum(),
                        e.getKey().equals(filter.type())))
                .sorted(Comparator.comparingLong(Option::count).reversed().thenComparing(Option::label))
                .toList();
    }

    private static List<Option> stages(Map<String, Long> counts, Filter filter) {
        return counts.entrySet().stream()
                .map(e -> new Option(e.getKey(), e.getKey(), e.getValue(), e.getKey().equals(filter.stage())))
                .sorted(Comparator.comparing(Option::label))
                .toList();
    }

    private static String commonest(List<Object[]> titles) {
        return titles.stream()
                .max(Comparator.comparingLong((Object[] r) -> (Long) r[2]).thenComparing(r -> (String) r[1], Comparator.reverseOrder()))
                .map(r -> (String) r[1]).orElse("");
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
