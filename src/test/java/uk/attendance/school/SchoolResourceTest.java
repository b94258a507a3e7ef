package uk.attendance.school;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SchoolResourceTest {

    @Test
    void aSchoolIsCreatedUpdatedAndRead() {
        given().contentType(ContentType.JSON).body(Map.of("name", "St Clare's", "policy", "st-clares"))
                .put("/api/schools/{id}", "school-a").then().statusCode(200)
                .body("id", equalTo("school-a")).body("policy", equalTo("st-clares"));
        given().contentType(ContentType.JSON).body(Map.of("name", "St Clare's RC Primary", "policy", "st-clares"))
                .put("/api/schools/{id}", "school-a").then().statusCode(200);
        given().get("/api/schools/{id}", "school-a").then().statusCode(200).body("name", equalTo("St Clare's RC Primary"));
    }

    @Test
    void aBadSlugAndAnUnknownPolicyAreNamed() {
        given().contentType(ContentType.JSON).body(Map.of("name", "X", "policy", "no-such-policy"))
                .put("/api/schools/{id}", "Bad_Slug").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("schoolId", "policy"))
                .body("errors[1].message", containsString("no policy 'no-such-policy'"));
    }
}
