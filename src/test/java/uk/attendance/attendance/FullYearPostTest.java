package uk.attendance.attendance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.attendance.AdminByDefault;
import uk.attendance.TestData;
import uk.attendance.demo.DemoPupil;
import uk.attendance.demo.DemoSchoolGenerator;
import uk.attendance.demo.SchoolPhase;

/** A full year for a 1,000-pupil secondary posts in one request, as CSV or JSON, and posting it again changes nothing. */
@QuarkusTest
class FullYearPostTest {

    @TestHTTPResource("/api/schools/")
    URL schools;

    @Test
    void aYearOfMarksForALargeSchoolPostsInOneRequest() throws Exception {
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

        JsonPath stored = post(school, "text/csv", "?source=SIMS+year+import", csv);
        assertThat(stored.getInt("received")).isEqualTo(marks[0]);
        assertThat(stored.getInt("inserted")).isEqualTo(marks[0]);
        assertThat(stored.getInt("evaluation.pupilsEvaluated")).isEqualTo(1000);
        assertThat(stored.getString("evaluation.asOf")).isEqualTo(year.get(year.size() - 1).toString());
        // The same year as JSON, which is over twice the size of the CSV, still fits the default body limit.
        JsonPath again = post(school, "application/json", "", json);
        assertThat(again.getInt("inserted")).isZero();
        assertThat(again.getInt("amended")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(marks[0]);
    }

    /**
     * Posted with the JDK's client, as an MIS would send it: REST Assured spends seconds on a body of tens of megabytes
     * before it sends a byte.
     */
    private JsonPath post(String school, String contentType, String query, CharSequence body) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        URI.create(schools + school + "/attendance" + query))
                .header("Content-Type", contentType).header("Authorization", AdminByDefault.basicAuthorization())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toString().getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.from(response.body());
    }
}
