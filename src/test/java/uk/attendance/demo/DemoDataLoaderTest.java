package uk.attendance.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.attendance.FixedClock;
import uk.attendance.OnFixedToday;

/**
 * What ATTENDANCE_DEMO=true creates on an empty database: a school per policy with real figures and actions. On the page
 * tests' "today", so the browser tests find the demo schools this creates and need not create them again.
 */
@QuarkusTest
class DemoDataLoaderTest implements OnFixedToday {

    @Inject
    DemoDataLoader loader;

    @Test
    void oneDemoSchoolPerPolicyWithAHalfTermOfMarksAndRecommendedActions() {
        List<String> created = loader.createDemoSchools();

        assertThat(created).contains("demo-coopers", "demo-st-dunstans", "demo-st-clares", "demo-trust-template",
                "demo-clifford-all-saints");
        given().get("/api/schools/{id}", "demo-coopers").then().statusCode(200).body("policy", equalTo("coopers"));
        given().get("/api/schools/{id}/pupils", "demo-coopers").then().body("total", equalTo(1000))
                .body("items", hasSize(50)).body("items.registrationGroup", everyItem(notNullValue()));
        String upn = given().get("/api/schools/{id}/pupils", "demo-st-clares").then().body("total", equalTo(260))
                .extract().path("items[0].upn");
        List<LocalDate> halfTerm = DemoSchoolGenerator.firstHalfTermSchoolDays(FixedClock.TODAY);
        given().queryParam("asOf", halfTerm.get(halfTerm.size() - 1).toString())
                .get("/api/schools/{id}/pupils/{upn}", "demo-st-clares", upn).then().statusCode(200)
                .body("attendance.possibleSessions", greaterThan(60));
        given().get("/api/schools/{id}/actions", "demo-coopers").then().body("", not(empty()));
    }
}
