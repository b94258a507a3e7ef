package uk.attendance.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.attendance.TestData;
import uk.attendance.demo.DemoMark;
import uk.attendance.demo.DemoPupil;
import uk.attendance.demo.DemoSchoolGenerator;
import uk.attendance.demo.SchoolPhase;

/**
 * Nothing slips between evaluations: the same register (generated with the national code mix) and the same
 * penalty notices, posted to three schools on the same policy, (1) every night, (2) once a week, (3) in one
 * backfill, raise the same actions: pupil, type, period and the day the condition was first met.
 */
@QuarkusTest
class TimeInvariantTest {

    /** The first half term, the October break and two weeks after it: enough for half-termly steps to come round. */
    private static final int SCHOOL_DAYS = 45;
    private static final int PUPILS = 14;

    private record Raised(String upn, String type, String period, String conditionMetOn) implements Comparable<Raised> {
        @Override
        public int compareTo(Raised o) {
            return toString().compareTo(o.toString());
        }
    }

    @ParameterizedTest
    @CsvSource({"coopers, SECONDARY", "st-dunstans, PRIMARY", "st-clares, SECONDARY", "trust-template, SECONDARY",
            "clifford-all-saints, PRIMARY"})
    void nightlyWeeklyAndBackfillRaiseTheSameActions(String policy, SchoolPhase phase) {
        DemoSchoolGenerator generator = new DemoSchoolGenerator(2024);
        List<DemoPupil> pupils = generator.pupils("invariant-" + policy, phase, PUPILS, 2024);
        List<LocalDate> days = DemoSchoolGenerator.academicYearSchoolDays(2024).subList(0, SCHOOL_DAYS);
        Map<LocalDate, List<Map<String, String>>> marksByDay = new TreeMap<>();
        generator.forEachMark("invariant-" + policy, phase, pupils, days, m -> marksByDay
                .computeIfAbsent(m.date(), d -> new ArrayList<>()).add(mark(m)));
        // Penalty notices for two pupils in the fourth week: they answer the sessions counted so far.
        LocalDate noticeDay = days.get(17);
        List<Map<String, Object>> notices = List.of(notice(pupils.get(0), noticeDay), notice(pupils.get(1), noticeDay));

        String nightly = school(policy, pupils);
        String weekly = school(policy, pupils);
        String backfill = school(policy, pupils);
        List<Map<String, String>> week = new ArrayList<>();
        List<Map<String, String>> all = new ArrayList<>();
        for (LocalDate day : days) {
            if (day.equals(noticeDay)) {
                notices.forEach(n -> record(nightly, n));
                notices.forEach(n -> record(weekly, n));
            }
            post(nightly, marksByDay.get(day));
            week.addAll(marksByDay.get(day));
            all.addAll(marksByDay.get(day));
            boolean endOfWeek = day.equals(days.get(days.size() - 1)) || days.get(days.indexOf(day) + 1).getDayOfWeek().getValue() <= day.getDayOfWeek().getValue();
            if (endOfWeek) {
                post(weekly, week);
                week.clear();
            }
        }
        notices.forEach(n -> record(backfill, n));
        post(backfill, all);

        Set<Raised> fromBackfill = raised(backfill);
        assertThat(fromBackfill).as("the generated school raises actions of several kinds on %s", policy).hasSizeGreaterThanOrEqualTo(4);
        assertThat(fromBackfill.stream().map(Raised::type).distinct().count()).isGreaterThan(1);
        assertThat(raised(nightly)).as("posted and evaluated every night").isEqualTo(fromBackfill);
        assertThat(raised(weekly)).as("posted once a week").isEqualTo(fromBackfill);
    }

    private static Map<String, String> mark(DemoMark m) {
        return TestData.mark(m.upn(), m.date().toString(), m.session().name(), m.code().mark());
    }

    private static Map<String, Object> notice(DemoPupil pupil, LocalDate date) {
        return Map.of("upn", pupil.upn(), "kind", "PENALTY_NOTICE", "date", date.toString(),
                "parentId", pupil.parents().get(0).parentId());
    }

    private static String school(String policy, List<DemoPupil> pupils) {
        String school = TestData.school(policy);
        given().contentType(ContentType.JSON).body(pupils.stream().map(p -> Map.of("upn", p.upn(), "givenName", p.givenName(),
                        "familyName", p.familyName(), "dateOfBirth", p.dateOfBirth().toString(), "yearGroup", p.yearGroup(),
                        "parents", p.parents().stream().map(parent -> Map.of("parentId", parent.parentId(), "name", parent.name())).toList()))
                        .toList())
                .put("/api/schools/{id}/pupils", school).then().statusCode(200);
        return school;
    }

    private static void post(String school, List<Map<String, String>> marks) {
        given().contentType(ContentType.JSON).body(TestData.batch("SIMS", marks))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200);
    }

    private static void record(String school, Map<String, Object> intervention) {
        given().contentType(ContentType.JSON).body(intervention).post("/api/schools/{id}/interventions", school).then().statusCode(201);
    }

    /** The actions standing (withdrawn ones aside): what a lead would see. */
    private static Set<Raised> raised(String school) {
        List<Map<String, Object>> actions = given().get("/api/schools/{id}/actions", school).then().statusCode(200)
                .extract().jsonPath().getList("");
        return actions.stream().filter(a -> !"WITHDRAWN".equals(a.get("status")))
                .map(a -> new Raised((String) a.get("upn"), (String) a.get("type"), (String) a.get("period"), (String) a.get("conditionMetOn")))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
