package uk.attendance.web;

import static io.restassured.RestAssured.given;
import static uk.attendance.TestData.batch;
import static uk.attendance.TestData.mark;

import io.restassured.http.ContentType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.attendance.TestData;

/** A Coopers school whose one pupil misses every Monday through illness: 80% attendance, so an AT1 letter is due. */
final class WebTestData {

    static final LocalDate FIRST_DAY = LocalDate.of(2025, 9, 8);
    static final LocalDate LAST_DAY = LocalDate.of(2025, 10, 17);

    record School(String id, String upn, long at1ActionId) {
    }

    private WebTestData() {
    }

    static School coopersWithAnAt1Letter(int serial, String givenName, String familyName) {
        String school = TestData.school("coopers");
        String upn = TestData.upn(serial);
        given().contentType(ContentType.JSON).body(List.of(Map.of("upn", upn, "givenName", givenName, "familyName", familyName,
                        "dateOfBirth", "2011-10-04", "yearGroup", 9, "registrationGroup", "9P", "characteristics", List.of("FSM"),
                        "parents", List.of(Map.of("parentId", "P1", "name", "Robin " + familyName), Map.of("parentId", "P2", "name", "Sam " + familyName)))))
                .put("/api/schools/{id}/pupils", school).then().statusCode(200);
        given().contentType(ContentType.JSON).body(batch("SIMS nightly", mondaysOff(upn, FIRST_DAY, LAST_DAY)))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200);
        Number at1 = given().queryParam("type", "AT1_LETTER").get("/api/schools/{id}/actions", school).then().statusCode(200)
                .extract().path("[0].id");
        return new School(school, upn, at1.longValue());
    }

    /** Weekdays from {@code from} to {@code to}, every Monday off ill ({@code I}), every other day present. */
    static List<Map<String, String>> mondaysOff(String upn, LocalDate from, LocalDate to) {
        List<Map<String, String>> marks = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            boolean off = d.getDayOfWeek() == DayOfWeek.MONDAY;
            marks.add(mark(upn, d.toString(), "AM", off ? "I" : "/"));
            marks.add(mark(upn, d.toString(), "PM", off ? "I" : "\\"));
        }
        return marks;
    }
}
