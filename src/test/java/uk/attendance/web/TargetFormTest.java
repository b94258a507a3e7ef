package uk.attendance.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static uk.attendance.TestData.pupil;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import uk.attendance.OnFixedToday;
import uk.attendance.TestData;
import uk.attendance.TestUsers;

/** The lead's decision form asks for the target agreed with the family where the policy's step sets one. */
@QuarkusTest
class TargetFormTest implements OnFixedToday {

    @Test
    void theTargetStepAsksForTheTargetAndCompletingItRecordsIt() {
        String school = TestData.school("st-clares");
        String upn = TestData.upn(1);
        TestData.pupils(school, pupil(upn, "2017-03-04", 3));
        // First half term (8 Sep – 24 Oct): 4 of 70 sessions missed, 94.3%, AMBER-GREEN; then half term, then 3–4 November.
        StringBuilder csv = new StringBuilder("upn,date,session,code\n");
        for (LocalDate day = LocalDate.of(2025, 9, 8); !day.isAfter(LocalDate.of(2025, 11, 4)); day = day.plusDays(1)) {
            boolean halfTerm = !day.isBefore(LocalDate.of(2025, 10, 25)) && day.isBefore(LocalDate.of(2025, 11, 3));
            if (day.getDayOfWeek().getValue() > 5 || halfTerm) {
                continue;
            }
            boolean ill = day.equals(LocalDate.of(2025, 9, 15)) || day.equals(LocalDate.of(2025, 9, 16));
            csv.append(upn).append(',').append(day).append(",AM,").append(ill ? "I" : "/").append('\n');
            csv.append(upn).append(',').append(day).append(",PM,").append(ill ? "I" : "\\").append('\n');
        }
        given().contentType("text/csv").body(csv.toString()).post("/api/schools/{id}/attendance", school).then().statusCode(200);
        Number id = given().queryParam("type", "ATTENDANCE_TARGET").get("/api/schools/{id}/actions", school).then().statusCode(200)
                .body("size()", equalTo(1)).extract().path("[0].id");

        TestUsers.Person lead = TestUsers.lead(school);
        PageSession session = PageSession.signIn(lead.username(), lead.password());
        Document page = Jsoup.parse(session.get("/schools/{id}", school).asString());
        Element card = page.getElementById("action-" + id);
        assertThat(card.select("fieldset.target legend").text()).isEqualTo("Target agreed with the family");
        assertThat(card.select("label[for=targetReview-" + id + "]").text()).isEqualTo("Review on");
        assertThat(page.select("fieldset.target")).as("only the target step asks for a target").hasSize(1);

        assertThat(session.post("/schools/{id}/actions/{a}/decision", Map.of("decision", "COMPLETED", "date", "2025-11-05",
                "targetMaxAbsentSessions", "2", "targetReviewOn", "2025-11-21", "returnTo", "/schools/" + school), school, id)
                .statusCode()).isEqualTo(303);
        given().get("/api/schools/{id}/pupils/{upn}/interventions", school, upn).then().statusCode(200)
                .body("kind", contains("ATTENDANCE_TARGET"))
                .body("[0].target.maxAbsentSessions", equalTo(2))
                .body("[0].target.reviewOn", equalTo("2025-11-21"));
    }
}
