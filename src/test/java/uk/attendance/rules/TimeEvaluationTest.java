package uk.attendance.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static uk.attendance.TestData.batch;
import static uk.attendance.TestData.mark;
import static uk.attendance.TestData.pupil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.attendance.TestData;
import uk.attendance.TestUsers;
import uk.attendance.web.PageSession;

/**
 * Time in evaluations, through the API, on the statutory penalty-notice rules (every school has them): every
 * school day is judged, corrected marks correct the actions, a school can start its actions mid-year, a notice
 * answers the sessions it counted, and compulsory school age is judged on the day.
 */
@QuarkusTest
class TimeEvaluationTest {

    private static final String NOTICE = "CONSIDER_PENALTY_NOTICE";
    private static final String DOB = "2011-10-04";
    /** Autumn 2025: the October half-term week has no school days. */
    private static final LocalDate HALF_TERM_MONDAY = LocalDate.of(2025, 10, 27);

    /** Weekdays from {@code from} to {@code to}, half-term week aside. */
    private static List<LocalDate> schoolDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean halfTerm = !d.isBefore(HALF_TERM_MONDAY) && d.isBefore(HALF_TERM_MONDAY.plusDays(7));
            if (!weekend && !halfTerm) {
                days.add(d);
            }
        }
        return days;
    }

    /** Both sessions of each day: {@code absent} days coded with {@code code}, the others present. */
    private static List<Map<String, String>> register(String upn, List<LocalDate> days, List<LocalDate> absent, String code) {
        List<Map<String, String>> marks = new ArrayList<>();
        for (LocalDate d : days) {
            boolean off = absent.contains(d);
            marks.add(mark(upn, d.toString(), "AM", off ? code : "/"));
            marks.add(mark(upn, d.toString(), "PM", off ? code : "\\"));
        }
        return marks;
    }

    private static void post(String school, List<Map<String, String>> marks) {
        given().contentType(ContentType.JSON).body(batch("SIMS nightly", marks))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200);
    }

    private static ValidatableResponse actions(String school, String upn, String type) {
        return given().queryParam("upn", upn).queryParam("type", type).get("/api/schools/{id}/actions", school).then().statusCode(200);
    }

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(month >= 9 ? 2025 : 2026, month, dayOfMonth);
    }

    private static List<LocalDate> week(LocalDate monday) {
        return schoolDays(monday, monday.plusDays(4));
    }

    @Test
    void aThresholdMetInSeptemberIsRaisedByABackfillInDecemberDatedTheDayItWasMet() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(401);
        TestData.pupils(school, pupil(upn, DOB, 9));
        // Absent unexplained all week of 8 September (10 sessions by Friday), present every day since: by December the
        // 10 school weeks no longer reach back to September.
        post(school, register(upn, schoolDays(day(9, 1), day(12, 5)), week(day(9, 8)), "O"));

        // One request for those sessions, not one each half term while they are in the window.
        actions(school, upn, NOTICE).body("", hasSize(1)).body("conditionMetOn", hasItem("2025-09-12"))
                .body("find { it.conditionMetOn == '2025-09-12' }.raisedOn", equalTo("2025-12-05"))
                .body("find { it.conditionMetOn == '2025-09-12' }.period", equalTo("2025/26 national threshold"))
                .body("find { it.conditionMetOn == '2025-09-12' }.reason", startsWith("On 12 September 2025: 10 sessions of unauthorised absence"));
        // Judged once: evaluating again raises nothing.
        given().queryParam("asOf", "2025-12-05").post("/api/schools/{id}/evaluate", school).then().statusCode(200)
                .body("actionsRaised", equalTo(0));
    }

    @Test
    void anActionKeepsTheValuesItsRuleReadAsTheyStoodOnTheDayItsConditionWasMet() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(409);
        TestData.pupils(school, pupil(upn, DOB, 9));
        post(school, register(upn, schoolDays(day(9, 1), day(12, 5)), week(day(9, 8)), "O"));

        // On 12 September the 10-week window held the 10 sessions; by 5 December, when the marks arrived, it holds none.
        given().queryParam("asOf", "2025-12-05").get("/api/schools/{id}/pupils/{upn}", school, upn).then().statusCode(200)
                .body("attendance.unauthorisedSessionsLast10SchoolWeeks", equalTo(0));
        String september = "find { it.conditionMetOn == '2025-09-12' }.because";
        actions(school, upn, NOTICE)
                .body(september + ".find { it.field == 'unansweredUnauthorisedSessionsLast10SchoolWeeks' }.value", equalTo("10"))
                .body(september + ".find { it.field == 'unansweredUnauthorisedSessionsLast10SchoolWeeks' }.fact", equalTo("PupilFacts"))
                .body(september + ".find { it.field == 'unansweredSince' }.value", equalTo("2025-09-01"))
                .body(september + ".find { it.field == 'compulsorySchoolAge' }.value", equalTo("yes"))
                .body(september + ".field", org.hamcrest.Matchers.not(hasItem("pupilId")));
    }

    @Test
    void marksCorrectedSoTheConditionHeldOnNoDayWithdrawAnOpenAction() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(402);
        TestData.pupils(school, pupil(upn, DOB, 9));
        post(school, register(upn, schoolDays(day(9, 1), day(9, 26)), week(day(9, 8)), "O"));
        actions(school, upn, NOTICE).body("[0].status", equalTo("OPEN"));

        // Weeks later the school learns Thursday and Friday were illness: 6 unauthorised sessions, not 10.
        post(school, register(upn, List.of(day(9, 11), day(9, 12)), List.of(day(9, 11), day(9, 12)), "I"));
        actions(school, upn, NOTICE).body("", hasSize(1))
                .body("[0].status", equalTo("WITHDRAWN"))
                .body("[0].decidedBy", equalTo("system"))
                .body("[0].note", containsString("11 September 2025"))
                .body("[0].note", containsString("12 September 2025"))
                .body("[0].basisChanged", equalTo(false));
        given().queryParam("upn", upn).queryParam("status", "OPEN").get("/api/schools/{id}/actions", school).then()
                .body("type", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(NOTICE)));
    }

    @Test
    void anAcceptedActionWhoseConditionNoLongerHeldKeepsItsStatusAndShowsItsBasisChanged() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(403);
        TestData.pupils(school, pupil(upn, DOB, 9));
        post(school, register(upn, schoolDays(day(9, 1), day(9, 26)), week(day(9, 8)), "O"));
        Number id = actions(school, upn, NOTICE).extract().path("[0].id");
        TestUsers.lead(school).given().contentType(ContentType.JSON).body(Map.of("decision", "ACCEPTED", "date", "2025-09-15"))
                .post("/api/schools/{id}/actions/{action}/decision", school, id).then().statusCode(200);

        post(school, register(upn, List.of(day(9, 12)), List.of(day(9, 12)), "M"));
        actions(school, upn, NOTICE).body("[0].status", equalTo("ACCEPTED")).body("[0].basisChanged", equalTo(true));
        // The lead sees it on the queue and on the pupil's page.
        TestUsers.Person lead = TestUsers.lead(school);
        PageSession pages = PageSession.signIn(lead.username(), lead.password());
        for (String page : List.of("/schools/" + school, "/schools/" + school + "/pupils/" + upn)) {
            org.jsoup.nodes.Element card = org.jsoup.Jsoup.parse(pages.get(page).then().statusCode(200).extract().asString())
                    .getElementById("action-" + id);
            org.assertj.core.api.Assertions.assertThat(card).as(page).isNotNull();
            org.assertj.core.api.Assertions.assertThat(card.select(".basis-changed").text()).as(page).startsWith("Basis changed:");
        }

        // Coded O again: the condition holds once more, and the flag goes.
        post(school, register(upn, List.of(day(9, 12)), List.of(day(9, 12)), "O"));
        actions(school, upn, NOTICE).body("[0].status", equalTo("ACCEPTED")).body("[0].basisChanged", equalTo(false));
    }

    @Test
    void aSchoolStartingItsActionsMidYearGetsNoStaleActionsButConditionsStillHoldingAreRaised() {
        String school = TestData.school("coopers");
        given().contentType(ContentType.JSON).body(Map.of("name", "Joins in November", "policy", "coopers", "actionsFrom", "2025-11-24"))
                .put("/api/schools/{id}", school).then().statusCode(200).body("actionsFrom", equalTo("2025-11-24"));
        String early = TestData.upn(404);
        String recent = TestData.upn(405);
        TestData.pupils(school, pupil(early, DOB, 9), pupil(recent, DOB, 9));
        List<LocalDate> autumn = schoolDays(day(9, 1), day(11, 28));
        List<Map<String, String>> marks = new ArrayList<>(register(early, autumn, week(day(9, 8)), "O"));
        marks.addAll(register(recent, autumn, week(day(10, 13)), "O"));
        post(school, marks);

        // Met in September, out of the 10 school weeks by 24 November: history, not an action.
        actions(school, early, NOTICE).body("", empty());
        // Met in October and still within the 10 school weeks on 24 November: raised, dated the first day it counts.
        actions(school, recent, NOTICE).body("", hasSize(1))
                .body("[0].conditionMetOn", equalTo("2025-11-24"))
                .body("[0].reason", startsWith("On 24 November 2025: 10 sessions"));
    }

    @Test
    void sessionsAnsweredByANoticeNeverCountTowardsAnotherAndTheThresholdCountsOnlyLaterSessions() {
        String school = TestData.school("coopers");
        String answered = TestData.upn(406);
        String again = TestData.upn(407);
        TestData.pupils(school, pupil(answered, DOB, 9), pupil(again, DOB, 9));
        List<Map<String, String>> september = new ArrayList<>(register(answered, schoolDays(day(9, 1), day(9, 12)), week(day(9, 8)), "O"));
        september.addAll(register(again, schoolDays(day(9, 1), day(9, 12)), week(day(9, 8)), "O"));
        post(school, september);
        for (String upn : List.of(answered, again)) {
            actions(school, upn, NOTICE).body("", hasSize(1));
            given().contentType(ContentType.JSON).body(Map.of("upn", upn, "kind", "PENALTY_NOTICE", "date", "2025-09-15", "parentId", "P1"))
                    .post("/api/schools/{id}/interventions", school).then().statusCode(201);
        }
        // After half term, within 10 school weeks of September: 9 more sessions for one pupil (19 in the window,
        // 9 after the notice), 10 for the other.
        List<LocalDate> after = schoolDays(day(9, 15), day(11, 7));
        List<LocalDate> nine = List.of(day(11, 3), day(11, 4), day(11, 5), day(11, 6));
        List<Map<String, String>> rest = new ArrayList<>(register(answered, after, nine, "O"));
        rest.add(mark(answered, "2025-11-07", "AM", "O"));
        rest.removeIf(m -> m.get("upn").equals(answered) && m.get("date").equals("2025-11-07") && m.get("code").equals("/"));
        rest.addAll(register(again, after, week(day(11, 3)), "O"));
        post(school, rest);

        actions(school, answered, NOTICE).body("", hasSize(1)).body("[0].conditionMetOn", equalTo("2025-09-12"));
        actions(school, again, NOTICE).body("", hasSize(2))
                .body("[0].conditionMetOn", equalTo("2025-11-07"))
                .body("[0].reason", containsString("counted from 2025-09-16, after the last penalty notice"));
    }

    @Test
    void compulsorySchoolAgeIsJudgedOnTheDayTheConditionHeld() {
        String school = TestData.school("coopers");
        // Turned 16 in October 2025: of compulsory school age until the last Friday in June 2026, the 26th.
        String leaver = TestData.upn(408);
        String left = TestData.upn(409);
        TestData.pupils(school, pupil(leaver, "2009-10-01", 11), pupil(left, "2009-10-01", 11));
        List<LocalDate> june = schoolDays(day(6, 1), day(7, 10));
        List<Map<String, String>> marks = new ArrayList<>(register(leaver, june, week(day(6, 22)), "O"));
        marks.addAll(register(left, june, week(day(6, 29)), "O"));
        post(school, marks);

        // Met on 26 June, the last day of compulsory school age: judged on that day, not on 10 July.
        actions(school, leaver, NOTICE).body("", hasSize(1)).body("[0].conditionMetOn", equalTo("2026-06-26"));
        // Met on 3 July, after it ended: no legal measure.
        actions(school, left, NOTICE).body("", empty());
    }

    @Test
    void aCorrectedDateOfBirthJudgesThePupilsDaysAgainWithoutNewMarks() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(410);
        TestData.pupils(school, pupil(upn, "2009-10-01", 11));
        post(school, register(upn, schoolDays(day(6, 1), day(7, 10)), week(day(6, 29)), "O"));
        actions(school, upn, NOTICE).body("", empty());

        // The MIS had the year of birth wrong: born 2010, the pupil was of compulsory school age in July.
        TestData.pupils(school, pupil(upn, "2010-10-01", 11));
        given().queryParam("asOf", "2026-07-10").post("/api/schools/{id}/evaluate", school).then().statusCode(200);

        actions(school, upn, NOTICE).body("", hasSize(1)).body("[0].conditionMetOn", equalTo("2026-07-03"));
    }
}
