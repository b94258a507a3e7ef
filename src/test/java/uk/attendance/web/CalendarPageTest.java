package uk.attendance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import uk.attendance.AdminByDefault;
import uk.attendance.OnFixedToday;
import uk.attendance.TestData;
import uk.attendance.TestUsers;

/** The school calendar page: the school page says when terms are inferred; an admin posts the calendar with the form. */
@QuarkusTest
class CalendarPageTest implements OnFixedToday {

    @Test
    void anAdminPostsTheCalendarWithTheFormAndTheSchoolPageStopsSayingItIsInferred() {
        String school = TestData.school("trust-template");
        PageSession admin = PageSession.signIn(AdminByDefault.ADMIN, AdminByDefault.adminPassword());
        assertThat(html(admin.get("/schools/{id}", school)).select(".calendar-note").text())
                .contains("No calendar posted for 2025/26: terms and half terms are inferred from the register.");

        Map<String, String> form = new HashMap<>(Map.of("academicYear", "2025/26",
                "terms-0-name", "Autumn", "terms-0-start", "2025-09-03", "terms-0-end", "2025-12-19",
                "terms-0-breakStart", "2025-12-15", "terms-0-breakEnd", "2025-12-20",
                "closures", "2025-11-14, AM PM, INSET day\n2025-11-15, AM, Saturday"));
        Response refused = admin.post("/schools/{id}/calendar", form, school);
        assertThat(refused.statusCode()).isEqualTo(400);
        Document errors = html(refused);
        assertThat(errors.select("#calendar-errors a").eachText()).containsExactly(
                "Term 1, half-term break end: 2025-12-20 is not inside its term, which ends on 2025-12-19",
                "Closure line 2: 2025-11-15 is a Saturday, when school is closed anyway");
        assertThat(errors.select("#calendar-errors a").eachAttr("href")).containsExactly("#terms-0-breakEnd", "#closures");
        assertThat(errors.select("#terms-0-breakEnd").attr("value")).as("what was typed is kept").isEqualTo("2025-12-20");
        assertThat(errors.select("label[for=terms-0-breakEnd]").text()).isEqualTo("Half-term break to");

        form.put("terms-0-breakStart", "2025-10-27");
        form.put("terms-0-breakEnd", "2025-10-31");
        form.put("closures", "2025-11-14, AM PM, INSET day");
        Response saved = admin.post("/schools/{id}/calendar", form, school);
        assertThat(saved.statusCode()).isEqualTo(303);
        Document page = html(admin.get(saved.header("Location").replaceFirst("^https?://[^/]+", "")));
        assertThat(page.select(".notice").text()).contains("Calendar saved");
        assertThat(page.select("table tbody tr").eachText()).containsExactly("3 September 2025 24 October 2025",
                "3 November 2025 19 December 2025");
        assertThat(page.select("#closures").text()).isEqualTo("2025-11-14, AM PM, INSET day");
        assertThat(html(admin.get("/schools/{id}", school)).select(".calendar-note")).isEmpty();
    }

    @Test
    void aLeadSeesTheCalendarButNoFormAndCannotPostIt() {
        String school = TestData.school("trust-template");
        TestUsers.Person lead = TestUsers.lead(school);
        PageSession session = PageSession.signIn(lead.username(), lead.password());
        Document page = html(session.get("/schools/{id}/calendar", school));
        assertThat(page.select("h1").text()).isEqualTo("School calendar 2025/26");
        assertThat(page.text()).contains("inferred from the register");
        assertThat(page.select("form[action$=/calendar]")).isEmpty();
        assertThat(session.post("/schools/{id}/calendar", Map.of("academicYear", "2025/26"), school).statusCode()).isEqualTo(403);
    }

    static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }
}
