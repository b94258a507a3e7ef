package uk.attendance.attendance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.attendance.TestData;
import uk.attendance.demo.DemoPupil;
import uk.attendance.demo.DemoSchoolGenerator;
import uk.attendance.demo.SchoolPhase;

/** A full year for a 1,000-pupil secondary posts in one request, as CSV or JSON, and posting it again changes nothing. */
@QuarkusTest
class FullYearPostTest {

    @Test
    void aYearOfMarksForALargeSchoolPostsInOneRequest() {
        String school = TestData.school("coopers");
        DemoSchoolGenerator generator = new DemoSchoolGenerator(7);
        List<DemoPupil> pupils = generator.pupils(school, SchoolPhase.SECONDARY, 1000, 2024);
        given().contentType(ContentType.JSON).body(pupils.stream().map(p -> Map.of("upn", p.upn(), "givenName", p.givenName(),
                        "familyName", p.familyName(), "dateOfBirth", p.dateOfBirth().toString(), "yearGroup", p.yearGroup(),
                        "parents", p.parents().stream().map(parent -> Map.of("parentId", parent.parentId(), "name", parent.name())).toList()))
                        .toList())
                .put("/api/schools/{id}/pupils", school).then().statusCode(200);
        List<LocalDate> year = DemoSchoolGenerator.academicYearSchoolDays(2024);
        // A school onboarding with its year's history: actions only from the last week, so the evaluation after the
        // post judges that week (judging every day of the year is measured in the benchmark, not here).
        given().contentType(ContentType.JSON).body(Map.of("name", "Test school", "policy", "coopers",
                        "actionsFrom", year.get(year.size() - 5).toString()))
                .put("/api/schools/{id}", school).then().statusCode(200);
        StringBuilder csv = new StringBuilder("upn,date,session,code\n");
        StringBuilder json = new StringBuilder("{\"source\":\"SIMS year import\",\"marks\":[");
        int[] marks = {0};
        generator.forEachMark(school, SchoolPhase.SECONDARY, pupils, year, m -> {
            csv.append(m.upn()).append(',').append(m.date()).append(',').append(m.session()).append(',').append(m.code().mark()).append('\n');
            json.append(marks[0] == 0 ? "" : ",").append("{\"upn\":\"").append(m.upn()).append("\",\"date\":\"").append(m.date())
                    .append("\",\"session\":\"").append(m.session()).append("\",\"code\":\"")
                    .append(m.code().mark().replace("\\", "\\\\")).append("\"}");
            marks[0]++;
        });
        json.append("]}");

        given().contentType("text/csv").queryParam("source", "SIMS year import").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200)
                .body("received", equalTo(marks[0])).body("inserted", equalTo(marks[0]))
                .body("evaluation.pupilsEvaluated", equalTo(1000))
                .body("evaluation.asOf", equalTo(year.get(year.size() - 1).toString()));
        // The same year as JSON, which is over twice the size of the CSV, still fits the default body limit.
        given().contentType(ContentType.JSON).body(json.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200)
                .body("inserted", equalTo(0)).body("amended", equalTo(0)).body("unchanged", equalTo(marks[0]));
    }
}
