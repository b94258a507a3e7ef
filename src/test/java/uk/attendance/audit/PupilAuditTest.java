package uk.attendance.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import uk.attendance.AdminByDefault;
import uk.attendance.TestData;
import uk.attendance.TestUsers;
import uk.attendance.web.PageSession;

/** Who changed a pupil's details and who read the record, shown to admins. */
@QuarkusTest
class PupilAuditTest {

    @Test
    void everyChangeToAPupilsDetailsIsKeptWithWhoMadeItAndAnUnchangedRepostAddsNothing() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(41);
        String token = TestUsers.misToken(school, "SIMS");
        Map<String, Object> pupil = new HashMap<>(TestData.pupil(upn, "2013-03-01", 7));
        pupil.put("parents", List.of(Map.of("parentId", "P1", "name", "First Parent")));
        TestUsers.asMis(token).contentType(ContentType.JSON).body(List.of(pupil))
                .put("/api/schools/{id}/pupils", school).then().statusCode(200);
        TestUsers.asMis(token).contentType(ContentType.JSON).body(List.of(pupil))
                .put("/api/schools/{id}/pupils", school).then().statusCode(200);

        pupil.put("dateOfBirth", "2014-03-01");
        pupil.put("parents", List.of(Map.of("parentId", "P1", "name", "First Parent"), Map.of("parentId", "P2", "name", "Second Parent")));
        given().contentType(ContentType.JSON).body(List.of(pupil)).put("/api/schools/{id}/pupils", school).then().statusCode(200);

        given().get("/api/schools/{id}/pupils/{upn}/audit", school, upn).then().statusCode(200)
                .body("changes", hasSize(2))
                .body("changes[0].recordedBy", equalTo(AdminByDefault.ADMIN))
                .body("changes[0].changed.field", equalTo(List.of("dateOfBirth", "parents")))
                .body("changes[0].changed[0].from", equalTo("2013-03-01"))
                .body("changes[0].changed[0].to", equalTo("2014-03-01"))
                .body("changes[0].details.parents.parentId", equalTo(List.of("P1", "P2")))
                .body("changes[1].recordedBy", equalTo("mis:" + school + "/SIMS"))
                .body("changes[1].details.dateOfBirth", equalTo("2013-03-01"));
    }

    @Test
    void eachReadOfAPupilsRecordIsKeptWithWhoReadItAndWhat() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(42);
        TestData.pupils(school, TestData.pupil(upn, "2013-03-01", 7));
        TestUsers.Person lead = TestUsers.lead(school);

        lead.given().get("/api/schools/{id}/pupils/{upn}", school, upn).then().statusCode(200);
        lead.given().get("/api/schools/{id}/pupils/{upn}/attendance", school, upn).then().statusCode(200);
        lead.given().get("/api/schools/{id}/pupils/{upn}", school, TestData.upn(999)).then().statusCode(404);

        given().get("/api/schools/{id}/pupils/{upn}/audit", school, upn).then().statusCode(200)
                .body("reads", hasSize(2))
                .body("reads.readBy", equalTo(List.of(lead.username(), lead.username())))
                .body("reads[0].what", equalTo("GET /api/schools/" + school + "/pupils/" + upn + "/attendance"))
                .body("reads.what", hasItem("GET /api/schools/" + school + "/pupils/" + upn));
        lead.given().get("/api/schools/{id}/pupils/{upn}/audit", school, upn).then().statusCode(403);
    }

    @Test
    void thePupilPageShowsTheRecordsHistoryToAdminsOnly() {
        String school = TestData.school("coopers");
        String upn = TestData.upn(43);
        TestData.pupils(school, TestData.pupil(upn, "2013-03-01", 7));
        TestUsers.Person lead = TestUsers.lead(school);
        PageSession leadSession = PageSession.signIn(lead.username(), lead.password());
        assertThat(leadSession.get("/schools/{id}/pupils/{upn}", school, upn).statusCode()).isEqualTo(200);
        Document asLead = Jsoup.parse(leadSession.get("/schools/{id}/pupils/{upn}", school, upn).asString());
        assertThat(asLead.select("#history-heading")).isEmpty();

        PageSession admin = PageSession.signIn(AdminByDefault.ADMIN, AdminByDefault.adminPassword());
        Document asAdmin = Jsoup.parse(admin.get("/schools/{id}/pupils/{upn}", school, upn).asString());
        assertThat(asAdmin.select("#history-heading").text()).isEqualTo("Record history");
        assertThat(asAdmin.select(".record-history table.reads td").eachText()).contains(lead.username());
        assertThat(asAdmin.select(".record-history .changes li")).hasSize(1);
    }
}
